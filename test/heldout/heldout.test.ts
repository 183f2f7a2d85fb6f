/**
 * The blind held-out evaluation: transcripts written the way the dev set was (learner scripts
 * played through the real bot, so the customer and desk lines are genuine) and labelled by hand
 * from the marking guide alone, marked by the real marker through `npm run score`, with agreement
 * measured as the guide defines it. The bars are the product's: overall quadratic-weighted kappa
 * ≥ 0.85 and exact agreement ≥ 85 %, every criterion ≥ 75 % exact, pass/fail ≥ 90 %.
 *
 * Two sets: 43 calls in the seven reference scenarios, and 5 in a tutor-written scenario in an
 * organisation of its own (test/fixtures/heldout/scenarios), which the marker never saw.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transcriptSchema } from '../../domain/transcript.js';
import { loadHeldoutSet, scenarioOf, type HeldoutSet } from './heldoutSet.js';
import { describeMarkerOnSets } from './heldoutSuite.js';

const SETS: HeldoutSet[] = [
  loadHeldoutSet('reference scenarios', 'test/fixtures/heldout', 'scenarios'),
  loadHeldoutSet('tutor scenario (Calder Office Direct)', 'test/fixtures/heldout/tutor', 'test/fixtures/heldout/scenarios'),
];

describe('the held-out transcripts and labels', () => {
  it.each(SETS.map((s) => [s.name, s] as const))('%s: contract §4 transcripts, labelled on exactly their scenario\'s criteria', (_name, set) => {
    expect(set.transcripts.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(set.labels).sort()).toEqual(set.transcripts);
    for (const file of set.transcripts) {
      const activities = transcriptSchema.parse(JSON.parse(readFileSync(join(set.dir, file), 'utf8')));
      const entry = set.labels[file];
      const first = activities.find((a) => a.from.role === 'user');
      expect({ file, start: first?.text }).toEqual({ file, start: `/start ${entry.scenario}` });
      for (const a of activities) {
        expect(a.type).toBe('message');
        expect(a.text?.trim()).toBeTruthy();
        if (a.from.role !== 'user') expect(['customer', 'desk', 'coach']).toContain(a.channelData?.speaker);
      }
      const applicable = [...scenarioOf(set, entry.scenario).scenario.rubric.criteria].sort();
      expect({ file, criteria: Object.keys(entry.labels).sort() }).toEqual({ file, criteria: applicable });
    }
  });

  it('has strong, typical and weak calls, and several partly and missed labels for every criterion', () => {
    const entries = SETS.flatMap((s) => Object.values(s.labels));
    expect(new Set(entries.map((e) => e.quality))).toEqual(new Set(['strong', 'typical', 'weak']));
    const counts = new Map<string, { partly: number; missed: number }>();
    for (const e of entries) {
      for (const [c, m] of Object.entries(e.labels)) {
        const k = counts.get(c) ?? { partly: 0, missed: 0 };
        if (m === 'partly' || m === 'missed') k[m] += 1;
        counts.set(c, k);
      }
    }
    for (const [c, k] of counts) expect({ c, partly: k.partly >= 1, missed: k.missed >= 1 }).toEqual({ c, partly: true, missed: true });
  });
});

// every criterion is judged here, however few labels it has
describeMarkerOnSets('the marker on the held-out set (npm run score)', SETS, 'all held-out transcripts', 0);
