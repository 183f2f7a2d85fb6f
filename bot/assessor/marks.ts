/**
 * A call's marks as an assessor sees them: per criterion the machine's mark, note and
 * evidence, every moderation entry, the mark that counts (the latest assessor mark, else the
 * machine's), the learner's disputes (resolved once an assessor marks that criterion after
 * the dispute), and the outcome recomputed from the marks that count.
 */
import type { CallHeader, DisputeEntry, Mark, ModerationEntry } from '../../domain/calls.js';
import type { Catalogue, PassRule } from './catalogue.js';

/** Points per mark (marking guide, "Scoring"). */
const POINTS: Record<Exclude<Mark, 'n/a'>, number> = { met: 2, partly: 1, missed: 0 };

/** A learner's dispute and whether an assessor has since marked that criterion. */
export interface DisputeView extends DisputeEntry {
  resolved: boolean;
}

/** Everything about one criterion of one call. */
export interface CriterionView {
  id: string;
  title: string;
  references: readonly string[];
  /** The marker's result; undefined when the call has no scorecard. */
  machine?: { mark: Mark; note: string; evidence: { activity: number; quote: string }[] };
  /** Assessor marks for this criterion, oldest first. */
  moderation: ModerationEntry[];
  /** The mark that counts: the latest assessor mark, else the machine's. */
  effective?: Mark;
  /** Weight in the score (the scorecard's, else the scenario's, default 1). */
  weight: number;
  disputes: DisputeView[];
}

const byTime = <T extends { at: string }>(entries: readonly T[]): T[] =>
  entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
    .map(({ e }) => e);

/** The call's criteria in marking-guide order (then any others it names). */
export function criterionViews(call: CallHeader, catalogue: Catalogue): CriterionView[] {
  const cards = call.scorecard?.criteria ?? {};
  const moderation = byTime(call.moderation);
  const disputes = byTime(call.disputes);
  const weights = catalogue.scenario(call.scenario).weights;
  const named = [...Object.keys(cards), ...moderation.map((m) => m.criterion), ...disputes.map((d) => d.criterion)];
  return catalogue.criterionIds(named).map((id) => {
    const card = cards[id] as (typeof cards)[string] & { title?: unknown; references?: unknown; weight?: unknown } | undefined;
    const info = catalogue.criterion(id, card);
    const mine = moderation.filter((m) => m.criterion === id);
    const latest = mine.at(-1);
    const view: CriterionView = {
      id,
      title: info.title,
      references: info.references,
      moderation: mine,
      weight: typeof card?.weight === 'number' && card.weight > 0 ? card.weight : (weights[id] ?? 1),
      disputes: disputes
        .filter((d) => d.criterion === id)
        .map((d) => ({ ...d, resolved: mine.some((m) => m.at >= d.at) })),
    };
    if (card) view.machine = { mark: card.mark, note: card.note, evidence: card.evidence };
    const effective = latest?.mark ?? card?.mark;
    if (effective !== undefined) view.effective = effective;
    return view;
  });
}

/** Criterion id → the mark that counts, for criteria that have one. */
export function effectiveMarks(views: readonly CriterionView[]): Record<string, Mark> {
  return Object.fromEntries(views.filter((v) => v.effective !== undefined).map((v) => [v.id, v.effective as Mark]));
}

/** Disputes no assessor has answered yet, oldest first. */
export function openDisputes(views: readonly CriterionView[]): DisputeView[] {
  return byTime(views.flatMap((v) => v.disputes.filter((d) => !d.resolved)));
}

/** A score and pass/fail. */
export interface Outcome {
  score: number;
  passed: boolean;
  points: number;
  maxPoints: number;
}

/**
 * Score and pass from the marks that count, by the marking guide's rule: met 2, partly 1,
 * missed 0 per applicable criterion (times its weight), score = points ÷ maximum × 100 rounded
 * half up; a pass needs the scenario's minimum score and none of its key criteria missed.
 * Undefined when no criterion has a mark (an unmarked call).
 */
export function outcomeOf(views: readonly CriterionView[], pass: PassRule): Outcome | undefined {
  let points = 0;
  let maxPoints = 0;
  let marked = false;
  for (const v of views) {
    if (v.effective === undefined) continue;
    marked = true;
    if (v.effective === 'n/a') continue;
    points += POINTS[v.effective] * v.weight;
    maxPoints += 2 * v.weight;
  }
  if (!marked) return undefined;
  const score = maxPoints === 0 ? 0 : Math.floor((points / maxPoints) * 100 + 0.5 + 1e-9);
  const keyMissed = pass.keyCriteria.some((c) => views.find((v) => v.id === c)?.effective === 'missed');
  return { score, passed: score >= pass.minScore && !keyMissed, points, maxPoints };
}
