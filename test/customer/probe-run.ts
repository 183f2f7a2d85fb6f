/**
 * Running fact probes against the simulated customer: each probe creates that scenario's
 * caller (fresh, after its opening line), sends the probe's question and checks the reply
 * against the expected pattern (case-insensitive, as the examiners match).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createCustomer } from '../../dialogs/customer/customer.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';

/** One probe: a question for one scenario's caller and the pattern the answer must match. */
export interface Probe {
  scenario: string;
  ask: string;
  expect: string;
  fact: string;
}

/** The outcome of one probe. */
export interface ProbeResult extends Probe {
  reply: string;
  pass: boolean;
}

/** Read a probe file, or undefined when it is absent. */
export function readProbes(file: string): Probe[] | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Probe[];
}

/** Run every probe with seed `seed`. */
export function runProbes(probes: Probe[], scenarios: LoadedScenario[], seed = 1): ProbeResult[] {
  return probes.map((p) => {
    const loaded = scenarios.find((s) => s.scenario.id === p.scenario);
    if (!loaded) return { ...p, reply: `(scenario ${p.scenario} not loaded)`, pass: false };
    const customer = createCustomer(loaded, { seed });
    customer.opening();
    const reply = customer.hear(p.ask, { clock: loaded.scenario.clock }).lines.join(' ');
    return { ...p, reply, pass: new RegExp(p.expect, 'i').test(reply) };
  });
}

/** Per-fact pass counts, as printable lines, and the overall rate. */
export function summarise(results: ProbeResult[]): { rate: number; lines: string[] } {
  const byFact = new Map<string, { pass: number; total: number }>();
  for (const r of results) {
    const f = byFact.get(r.fact) ?? { pass: 0, total: 0 };
    f.total++;
    if (r.pass) f.pass++;
    byFact.set(r.fact, f);
  }
  const lines = [...byFact.entries()].sort().map(([fact, f]) => `${fact.padEnd(17)} ${f.pass}/${f.total}`);
  for (const r of results.filter((x) => !x.pass)) lines.push(`FAIL ${r.scenario} ${r.fact}: "${r.ask}" → "${r.reply}"`);
  const pass = results.filter((r) => r.pass).length;
  return { rate: results.length ? pass / results.length : 0, lines: [`${pass}/${results.length} passed`, ...lines] };
}
