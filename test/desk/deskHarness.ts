/** The real order desk over a repository scenario, for desk tests. */
import { loadScenarioDir } from '../../domain/scenario/load.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { createDeskState, isDeskCommand, runDeskCommand, type DeskContext, type DeskReply } from '../../dialogs/desk/index.js';

let loaded: LoadedScenario[] | undefined;

/** A repository scenario by id (files loaded once per test file). */
export function scenario(id: string): LoadedScenario {
  loaded ??= loadScenarioDir('scenarios').scenarios;
  const s = loaded.find((x) => x.scenario.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** A desk at the start of a call of scenario `id`. */
export function deskFor(id: string, seed = 1, securePaymentLine?: DeskContext['securePaymentLine']): DeskContext {
  const s = scenario(id);
  return { loaded: s, state: createDeskState(s, seed), clock: s.scenario.clock, ...(securePaymentLine ? { securePaymentLine } : {}) };
}

/** Runs "/command args" on the desk. */
export function run(ctx: DeskContext, line: string): DeskReply {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!m || !isDeskCommand(m[1].toLowerCase())) throw new Error(`not a desk command: ${line}`);
  return runDeskCommand(ctx, m[1].toLowerCase() as Parameters<typeof runDeskCommand>[1], m[2]);
}
