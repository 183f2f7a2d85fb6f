/**
 * The scorecard of a call (marking guide, "Scoring"; contract §5): a mark per criterion
 * (`n/a` where the scenario does not apply it), points met 2 / partly 1 / missed 0 with
 * the scenario's weights, the score out of 100 rounded half up, and the pass rule
 * (at least the pass mark, and none of the key criteria missed).
 */
import { z } from 'zod';
import { CRITERIA, MARK_POINTS, criterionInfo, type CriterionId, type Mark } from './criteria.js';
import type { CheckResult } from './checkers/types.js';
import type { RubricFacts } from './facts/marking-facts.js';

const evidenceSchema = z.object({ activity: z.number().int().min(0), quote: z.string() }).strict();

/** One criterion on the scorecard. */
export const criterionCardSchema = z
  .object({
    mark: z.enum(['met', 'partly', 'missed', 'n/a']),
    evidence: z.array(evidenceSchema),
    note: z.string(),
    title: z.string(),
    references: z.array(z.string()),
    tip: z.string().optional(),
    weight: z.number().positive().optional(),
  })
  .strict();

/** The scorecard (contract §5; `file` is added by `npm run score`). */
export const scorecardSchema = z
  .object({
    file: z.string().optional(),
    scenario: z.string(),
    criteria: z.object(Object.fromEntries(CRITERIA.map((c) => [c, criterionCardSchema])) as Record<CriterionId, typeof criterionCardSchema>).strict(),
    score: z.number().int().min(0).max(100),
    passed: z.boolean(),
    points: z.number().min(0),
    maxPoints: z.number().min(0),
  })
  .strict();

export type CriterionCard = z.infer<typeof criterionCardSchema>;
export type Scorecard = z.infer<typeof scorecardSchema>;

/** Score out of 100 from marks and weights (rounded half up). */
export function scoreOf(marks: Partial<Record<CriterionId, Mark>>, weights: Partial<Record<CriterionId, number>>): { points: number; maxPoints: number; score: number } {
  let points = 0;
  let maxPoints = 0;
  for (const [c, m] of Object.entries(marks) as [CriterionId, Mark][]) {
    const w = weights[c] ?? 1;
    points += MARK_POINTS[m] * w;
    maxPoints += 2 * w;
  }
  const score = maxPoints === 0 ? 0 : Math.floor((points / maxPoints) * 100 + 0.5 + 1e-9);
  return { points, maxPoints, score };
}

/** Assemble the scorecard from the checkers' results for the criteria that apply. */
export function buildScorecard(scenario: string, rubric: RubricFacts, results: Partial<Record<CriterionId, CheckResult>>): Scorecard {
  const info = criterionInfo();
  const marks: Partial<Record<CriterionId, Mark>> = {};
  const criteria = {} as Record<CriterionId, CriterionCard>;
  for (const c of CRITERIA) {
    const r = rubric.applies.includes(c) ? results[c] : undefined;
    if (!r) {
      criteria[c] = { mark: 'n/a', evidence: [], note: '', title: info[c].title, references: info[c].references };
      continue;
    }
    marks[c] = r.mark;
    const seen = new Set<string>();
    const evidence = r.evidence.filter((e) => {
      const k = `${e.activity}|${e.quote}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    criteria[c] = {
      mark: r.mark,
      evidence,
      note: r.note,
      title: info[c].title,
      references: info[c].references,
      ...(r.mark !== 'met' ? { tip: r.tip ?? info[c].tip } : {}),
      ...(rubric.weights[c] !== undefined ? { weight: rubric.weights[c] } : {}),
    };
  }
  const { points, maxPoints, score } = scoreOf(marks, rubric.weights);
  const keyMissed = rubric.keyCriteria.some((c) => marks[c] === 'missed');
  return { scenario, criteria, score, passed: score >= rubric.minScore && !keyMissed, points, maxPoints };
}
