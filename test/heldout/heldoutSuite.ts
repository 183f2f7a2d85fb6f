/**
 * The checks every blind held-out set gets (test/fixtures/heldout2…): the set's shape (contract §4
 * transcripts, each from its learner script, labelled on exactly its scenario's criteria; enough
 * calls per scenario; tutor scenarios the reference set does not have), then the marker through
 * `npm run score` (the public path) against the hand labels at the product bars: overall
 * quadratic-weighted kappa ≥ 0.85, exact agreement ≥ 85 %, every criterion with at least five
 * labels ≥ 75 % exact, pass/fail ≥ 90 %. Each set's own test file says how it was made.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { CRITERIA } from '../../domain/scenario/vocabulary.js';
import { transcriptSchema } from '../../domain/transcript.js';
import { formatDisagreements, formatReport, measureAgreement, type AgreementReport, type Figures, type LabelledTranscript, type TrainerResult } from './agreement.js';
import { loadHeldoutSet, passRuleOf, scenarioOf, type HeldoutSet } from './heldoutSet.js';
import { runScore, type ScoreRun } from './scoreCli.js';
import { parseScript } from './script.js';

const BARS = { qwk: 0.85, exact: 0.85, criterionExact: 0.75, criterionMinN: 5, passFail: 0.9 };

/** The tutor set's applicability file, in the format of shared/eval/applicability.json. */
const applicabilitySchema = z
  .object({ criteria: z.array(z.enum(CRITERIA)), scenarios: z.record(z.string(), z.array(z.enum(CRITERIA))) })
  .strict();

/** The learner script a transcript was played from: `<set>/scripts/<name>.txt`. */
function scriptOf(set: HeldoutSet, transcript: string): string {
  return join(set.dir, 'scripts', transcript.replace(/\.transcript$/, '.txt'));
}

/** What a held-out set is expected to hold. */
export interface HeldoutSuite {
  /** "second", "third"…: used in test names and reports */
  ordinal: string;
  /** the set's folder: reference-scenario calls at its top, `tutor/` and `scenarios/` below */
  root: string;
  /** how the tutor part is named in reports ("tutor scenarios (Pennine Office Supply)") */
  tutorName: string;
  /** calls per reference scenario, at least */
  minReferenceCalls: number;
  /** tutor scenarios in the set */
  tutorScenarios: number;
  /** calls per tutor scenario, at least */
  minTutorCalls: number;
  /** every criterion has both a partly and a missed label (else: one mark below met each, and both kinds in each part) */
  partlyAndMissedEverywhere: boolean;
}

/** Declares the shape and agreement tests of one held-out set. */
export function describeHeldoutSet(spec: HeldoutSuite): void {
  const REFERENCE = loadHeldoutSet(`${spec.ordinal} set · reference scenarios`, spec.root, 'scenarios');
  const TUTOR = loadHeldoutSet(`${spec.ordinal} set · ${spec.tutorName}`, join(spec.root, 'tutor'), join(spec.root, 'scenarios'));
  const SETS: HeldoutSet[] = [REFERENCE, TUTOR];

  describe(`the ${spec.ordinal} held-out set: transcripts, scripts and labels`, () => {
    it.each(SETS.map((s) => [s.name, s] as const))('%s: contract §4 transcripts, each from its script, labelled on exactly its scenario\'s criteria', (_name, set) => {
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
        const script = scriptOf(set, file);
        expect({ file, script: existsSync(script) }).toEqual({ file, script: true });
        expect(parseScript(script, readFileSync(script, 'utf8')).scenario).toBe(entry.scenario);
      }
    });

    it(`covers every reference scenario with at least ${spec.minReferenceCalls} calls, and ${spec.tutorScenarios} tutor scenario(s) with at least ${spec.minTutorCalls} each that the reference set does not have`, () => {
      const perScenario = (set: HeldoutSet): Map<string, number> => {
        const counts = new Map<string, number>();
        for (const e of Object.values(set.labels)) counts.set(e.scenario, (counts.get(e.scenario) ?? 0) + 1);
        return counts;
      };
      const reference = perScenario(REFERENCE);
      expect([...reference.keys()].sort()).toEqual(REFERENCE.scenarios.map((s) => s.scenario.id).sort());
      for (const [id, n] of reference) expect({ id, enough: n >= spec.minReferenceCalls }).toEqual({ id, enough: true });
      const tutor = perScenario(TUTOR);
      expect(tutor.size).toBe(spec.tutorScenarios);
      for (const [id, n] of tutor) {
        expect({ id, enough: n >= spec.minTutorCalls, reference: reference.has(id) }).toEqual({ id, enough: true, reference: false });
      }
    });

    it('tutor applicability.json lists each tutor scenario\'s rubric criteria', () => {
      const file = join(TUTOR.dir, 'applicability.json');
      const applicability = applicabilitySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      expect(applicability.criteria).toEqual([...CRITERIA]);
      const fromRubrics = Object.fromEntries(TUTOR.scenarios.map((s) => [s.scenario.id, [...s.scenario.rubric.criteria].sort()]));
      const fromFile = Object.fromEntries(Object.entries(applicability.scenarios).map(([id, c]) => [id, [...c].sort()]));
      expect(fromFile).toEqual(fromRubrics);
    });

    it('has strong, typical and weak calls, and labels below met for every criterion', () => {
      const entries = SETS.flatMap((s) => Object.values(s.labels));
      expect(new Set(entries.map((e) => e.quality))).toEqual(new Set(['strong', 'typical', 'weak']));
      const seen = new Map<string, Set<string>>();
      for (const e of entries) for (const [c, m] of Object.entries(e.labels)) seen.set(c, (seen.get(c) ?? new Set()).add(m));
      if (spec.partlyAndMissedEverywhere) {
        for (const [c, marks] of seen) expect({ c, partly: marks.has('partly'), missed: marks.has('missed') }).toEqual({ c, partly: true, missed: true });
        return;
      }
      for (const [c, marks] of seen) expect({ c, belowMet: marks.has('partly') || marks.has('missed') }).toEqual({ c, belowMet: true });
      for (const set of SETS) {
        const marks = new Set(Object.values(set.labels).flatMap((e) => Object.values(e.labels)));
        expect({ set: set.name, partly: marks.has('partly'), missed: marks.has('missed') }).toEqual({ set: set.name, partly: true, missed: true });
      }
    });
  });

  describeMarkerOnSets(`the marker on the ${spec.ordinal} held-out set (npm run score)`, SETS, `${spec.ordinal} held-out set, all transcripts`);
}

/**
 * Marks the sets' transcripts with `npm run score` and asserts agreement with the hand labels at
 * the product bars (each criterion judged once it has `criterionMinN` labels).
 */
export function describeMarkerOnSets(title: string, SETS: readonly HeldoutSet[], allName: string, criterionMinN = BARS.criterionMinN): void {
  describe(title, () => {
    const runs = new Map<string, ScoreRun>();

    beforeAll(async () => {
      for (const set of SETS) runs.set(set.name, await runScore(set.transcripts.map((f) => join(set.dir, f)), set.scenariosDir));
    }, 300_000);

    it('marks every transcript of both sets', () => {
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
      reports.push([allName, all]);

      process.stdout.write(
        `\n${reports.map(([name, r]) => formatReport(`— ${name} —`, r)).join('\n\n')}\n\ndisagreements (${all.disagreements.length}):\n${formatDisagreements(all)}\n\n`,
      );

      expect(all.unmarked).toEqual([]);
      expect(all.overall.qwk).toBeGreaterThanOrEqual(BARS.qwk);
      expect(all.overall.exact).toBeGreaterThanOrEqual(BARS.exact);
      const below = (Object.entries(all.perCriterion) as [string, Figures][]).filter(
        ([, f]) => f.n >= criterionMinN && f.exact < BARS.criterionExact,
      );
      expect(Object.fromEntries(below)).toEqual({});
      expect(all.passFail.n).toBe(Object.keys(labels).length);
      expect(all.passFail.agree / all.passFail.n).toBeGreaterThanOrEqual(BARS.passFail);
    });
  });
}
