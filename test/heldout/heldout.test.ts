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
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { transcriptSchema } from '../../domain/transcript.js';
import { formatDisagreements, formatReport, measureAgreement, type AgreementReport, type LabelledTranscript, type TrainerResult } from './agreement.js';
import { loadHeldoutSet, passRuleOf, scenarioOf, type HeldoutSet } from './heldoutSet.js';
import { runScore, type ScoreRun } from './scoreCli.js';

const SETS: HeldoutSet[] = [
  loadHeldoutSet('reference scenarios', 'test/fixtures/heldout', 'scenarios'),
  loadHeldoutSet('tutor scenario (Calder Office Direct)', 'test/fixtures/heldout/tutor', 'test/fixtures/heldout/scenarios'),
];

const BARS = { qwk: 0.85, exact: 0.85, criterionExact: 0.75, passFail: 0.9 };

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

describe('the marker on the held-out set (npm run score)', () => {
  const runs = new Map<string, ScoreRun>();

  beforeAll(async () => {
    for (const set of SETS) {
      runs.set(set.name, await runScore(set.transcripts.map((f) => join(set.dir, f)), set.scenariosDir));
    }
  }, 240_000);

  it('marks every held-out transcript', () => {
    for (const set of SETS) {
      const run = runs.get(set.name) as ScoreRun;
      expect({ set: set.name, errors: run.errors, unreadable: run.unreadable, exitCode: run.exitCode }).toEqual({
        set: set.name,
        errors: [],
        unreadable: [],
        exitCode: 0,
      });
      expect(run.scored.map((l) => basename(l.file)).sort()).toEqual(set.transcripts);
      for (const line of run.scored) expect(line.scenario).toBe(set.labels[basename(line.file)].scenario);
    }
  });

  it('agrees with the hand labels at the product bars', () => {
    const labels: Record<string, LabelledTranscript> = {};
    const results = new Map<string, TrainerResult>();
    const setOfScenario = new Map<string, HeldoutSet>();
    const reports: [string, AgreementReport][] = [];
    for (const set of SETS) {
      const setResults = new Map<string, TrainerResult>((runs.get(set.name) as ScoreRun).scored.map((l) => [basename(l.file), l]));
      reports.push([set.name, measureAgreement(set.labels, setResults, (id) => passRuleOf(set, id))]);
      Object.assign(labels, set.labels);
      for (const [f, r] of setResults) results.set(f, r);
      for (const s of set.scenarios) setOfScenario.set(s.scenario.id, set);
    }
    const all = measureAgreement(labels, results, (id) => passRuleOf(setOfScenario.get(id) as HeldoutSet, id));
    reports.push(['all held-out transcripts', all]);

    process.stdout.write(
      `\n${reports.map(([name, r]) => formatReport(`— ${name} —`, r)).join('\n\n')}\n\ndisagreements (${all.disagreements.length}):\n${formatDisagreements(all)}\n\n`,
    );

    expect(all.unmarked).toEqual([]);
    expect(all.overall.qwk).toBeGreaterThanOrEqual(BARS.qwk);
    expect(all.overall.exact).toBeGreaterThanOrEqual(BARS.exact);
    const below = Object.entries(all.perCriterion).filter(([, f]) => f.exact < BARS.criterionExact);
    expect(Object.fromEntries(below)).toEqual({});
    expect(all.passFail.n).toBe(Object.keys(labels).length);
    expect(all.passFail.agree / all.passFail.n).toBeGreaterThanOrEqual(BARS.passFail);
  });
});
