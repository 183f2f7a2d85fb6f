/**
 * Agreement between the trainer's marks and hand labels, as the marking guide ("Agreement")
 * defines it and `shared/eval/agreement.py` computes it: exact agreement and quadratic-weighted
 * Cohen's kappa over (transcript, criterion) pairs, overall and per criterion, and pass/fail
 * agreement per transcript. `n/a` from the trainer on a labelled criterion is a disagreement and
 * counts as `missed` in the kappa; a transcript the trainer did not mark disagrees on every label.
 *
 * The mark order and the kappa are the marker's (dialogs/marking/agreement.ts). What is here
 * is what the held-out sets need beyond `agreement()` there: each scenario's own pass rule and
 * weights (agreement.py uses the guide's defaults), and every disagreement with the trainer's
 * note.
 */
import { ORDER, qwk } from '../../dialogs/marking/agreement.js';
import type { CriterionId } from '../../domain/scenario/vocabulary.js';

/** A human label. */
export type Mark = 'met' | 'partly' | 'missed';
/** A trainer mark (`n/a` where the trainer thinks the criterion does not apply). */
export type TrainerMark = Mark | 'n/a';

/**
 * Ordinal value of a mark: missed < partly < met; `n/a` counts as missed. The marker's own
 * (dialogs/marking/agreement.ts), so the held-out figures are the ones `npm run eval` reports.
 */
export const MARK_ORDER: Readonly<Record<TrainerMark, number>> = ORDER;

/**
 * Quadratic-weighted Cohen's kappa over three ordered classes; 1 when no disagreement is
 * possible, NaN with no pairs. The marker's own; agreement.test.ts checks it on hand-worked
 * cases and against `shared/eval/agreement.py`.
 */
export const quadraticWeightedKappa: (pairs: readonly [number, number][]) => number = qwk;

/** One labelled transcript. */
export interface LabelledTranscript {
  scenario: string;
  labels: Partial<Record<CriterionId, Mark>>;
}

/** How a scenario passes a call (its rubric's pass rule and weights). */
export interface PassRule {
  minScore: number;
  keyCriteria: readonly CriterionId[];
  weights?: Partial<Record<CriterionId, number>>;
}

/** What the trainer said about one transcript (a line of `npm run score`). */
export interface TrainerResult {
  criteria: Partial<Record<string, { mark: TrainerMark; note?: string }>>;
  passed?: boolean;
}

/** Exact agreement and kappa over a set of pairs. */
export interface Figures {
  n: number;
  exact: number;
  qwk: number;
}

/** A pair where the trainer and the label differ. */
export interface Disagreement {
  file: string;
  criterion: CriterionId;
  label: Mark;
  trainer: TrainerMark | 'unmarked';
  note: string;
}

/** The agreement of a trainer with a labelled set. */
export interface AgreementReport {
  overall: Figures;
  perCriterion: Partial<Record<CriterionId, Figures>>;
  /** transcripts whose pass/fail the trainer gives the other way from the labels */
  passFail: { agree: number; n: number; disagree: string[] };
  unmarked: string[];
  disagreements: Disagreement[];
}

/** Rounds half up, as the marking guide's score ("rounded to a whole number"). */
function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5);
}

/** The pass/fail a label set implies under the guide's scoring (met 2, partly 1, missed 0). */
export function labelledPass(labels: LabelledTranscript['labels'], rule: PassRule): boolean {
  let points = 0;
  let max = 0;
  let keyMissed = false;
  for (const [c, mark] of Object.entries(labels) as [CriterionId, Mark][]) {
    const w = rule.weights?.[c] ?? 1;
    points += w * MARK_ORDER[mark];
    max += w * 2;
    if (mark === 'missed' && rule.keyCriteria.includes(c)) keyMissed = true;
  }
  return max > 0 && roundHalfUp((points / max) * 100) >= rule.minScore && !keyMissed;
}

function figures(pairs: ReadonlyArray<{ label: Mark; trainer: TrainerMark | 'unmarked' }>): Figures {
  const agree = pairs.filter((p) => p.trainer === p.label).length;
  // as agreement.py: pairs of an unmarked transcript count against exact agreement, not in the kappa
  const scored = pairs.flatMap((p): [number, number][] => (p.trainer === 'unmarked' ? [] : [[MARK_ORDER[p.label], MARK_ORDER[p.trainer]]]));
  return { n: pairs.length, exact: pairs.length ? agree / pairs.length : Number.NaN, qwk: quadraticWeightedKappa(scored) };
}

/**
 * Compares trainer results (by transcript file name) with labels (by file name). `passRule`
 * gives each scenario's pass rule, used to turn the labels into a pass/fail.
 */
export function measureAgreement(
  labels: Readonly<Record<string, LabelledTranscript>>,
  results: ReadonlyMap<string, TrainerResult>,
  passRule: (scenario: string) => PassRule,
): AgreementReport {
  const all: { label: Mark; trainer: TrainerMark | 'unmarked' }[] = [];
  const byCriterion = new Map<CriterionId, typeof all>();
  const disagreements: Disagreement[] = [];
  const unmarked: string[] = [];
  const passDisagree: string[] = [];
  let agree = 0;
  let n = 0;
  for (const [file, entry] of Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))) {
    const result = results.get(file);
    if (!result) unmarked.push(file);
    for (const [criterion, label] of Object.entries(entry.labels) as [CriterionId, Mark][]) {
      const got = result?.criteria[criterion];
      const trainer: TrainerMark | 'unmarked' = result ? (got?.mark ?? 'n/a') : 'unmarked';
      const pair = { label, trainer };
      all.push(pair);
      byCriterion.set(criterion, [...(byCriterion.get(criterion) ?? []), pair]);
      if (trainer !== label) disagreements.push({ file, criterion, label, trainer, note: got?.note ?? '' });
    }
    if (result && typeof result.passed === 'boolean') {
      n += 1;
      if (result.passed === labelledPass(entry.labels, passRule(entry.scenario))) agree += 1;
      else passDisagree.push(file);
    }
  }
  const perCriterion: AgreementReport['perCriterion'] = {};
  for (const [c, pairs] of [...byCriterion].sort(([a], [b]) => a.localeCompare(b))) perCriterion[c] = figures(pairs);
  return { overall: figures(all), perCriterion, passFail: { agree, n, disagree: passDisagree }, unmarked, disagreements };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The report as a table (criterion, n, exact, qwk), then pass/fail and overall lines. */
export function formatReport(title: string, r: AgreementReport): string {
  const rows = Object.entries(r.perCriterion).map(
    ([c, f]) => `${c.padEnd(24)} ${String(f.n).padStart(4)} ${pct(f.exact).padStart(7)} ${f.qwk.toFixed(2).padStart(6)}`,
  );
  return [
    title,
    `${'criterion'.padEnd(24)} ${'n'.padStart(4)} ${'exact'.padStart(7)} ${'qwk'.padStart(6)}`,
    ...rows,
    `pass/fail agreement: ${r.passFail.agree}/${r.passFail.n}` + (r.passFail.disagree.length ? ` (differs on ${r.passFail.disagree.join(', ')})` : ''),
    `overall: exact ${pct(r.overall.exact)} qwk ${r.overall.qwk.toFixed(3)} over ${r.overall.n} marks` +
      (r.unmarked.length ? `; not marked: ${r.unmarked.join(', ')}` : ''),
  ].join('\n');
}

/** The disagreements, one per line: file, criterion, label, trainer's mark, trainer's note. */
export function formatDisagreements(r: AgreementReport): string {
  return r.disagreements.map((d) => `${d.file} · ${d.criterion}: label ${d.label}, trainer ${d.trainer} — ${d.note}`).join('\n');
}
