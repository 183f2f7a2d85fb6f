/**
 * The caller's in-character answers to the hidden-fact questions of the evaluation probes
 * (../shared/eval/probes-dev.json, read at test time, never copied) carry the fact: every
 * variant of every probed fact matches the probe's expected pattern.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { answerFor, factValue } from '../../domain/scenario/facts.js';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { FACT_IDS, type FactId } from '../../domain/scenario/vocabulary.js';

const PROBES = '../shared/eval/probes-dev.json';
const probes: { scenario: string; fact: FactId; expect: string }[] = existsSync(PROBES) ? JSON.parse(readFileSync(PROBES, 'utf8')) : [];
const dir = loadScenarioDir('scenarios');

describe('hidden-fact answers', () => {
  (probes.length ? it : it.skip)('every variant answers each probed fact', () => {
    const failures: string[] = [];
    for (const p of probes) {
      expect(FACT_IDS).toContain(p.fact);
      const loaded = dir.scenarios.find((s) => s.scenario.id === p.scenario);
      if (!loaded) {
        failures.push(`${p.scenario}: not loaded`);
        continue;
      }
      const n = loaded.scenario.answers[p.fact]?.length ?? 1;
      for (let v = 0; v < n; v++) {
        const text = answerFor(loaded.scenario, p.fact, v, loaded.organisation) ?? '';
        if (!new RegExp(p.expect, 'i').test(text)) failures.push(`${p.scenario} ${p.fact} #${v}: "${text}"`);
      }
    }
    expect(failures).toEqual([]);
  });
  it('a fact with no variants is answered with its value', () => {
    const s = dir.scenarios.find((x) => x.scenario.id === 'place-ergo-chairs')!;
    const bare = { ...s.scenario, answers: {} };
    expect(answerFor(bare, 'postcode')).toBe('LS6 2QT');
    expect(factValue(bare, 'needed_by')).toBe('Friday 6 March 2026');
    expect(factValue(bare, 'item_quantity', s.organisation)).toBe('6 × Ergo 200 task chair (CH-ERG-200)');
    expect(factValue(bare, 'order_number')).toBeUndefined();
  });
});
