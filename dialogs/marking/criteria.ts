/**
 * The fifteen marking criteria of the marking guide, their marks, and the data file that
 * gives each one its title, qualification references and learner tip (`criteria.yaml`).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

import { CRITERIA, type CriterionId } from '../../domain/scenario/vocabulary.js';

export { CRITERIA, type CriterionId };

/** A mark on an applicable criterion. */
export const MARKS = ['met', 'partly', 'missed'] as const;
export type Mark = (typeof MARKS)[number];

/** A mark on any criterion: `n/a` where the scenario does not apply it. */
export type MarkOrNa = Mark | 'n/a';

/** Points per mark (marking guide, Scoring). */
export const MARK_POINTS: Record<Mark, number> = { met: 2, partly: 1, missed: 0 };

/** True when `s` is one of the fifteen criterion ids. */
export function isCriterionId(s: string): s is CriterionId {
  return (CRITERIA as readonly string[]).includes(s);
}

const criterionInfoSchema = z
  .object({
    title: z.string().min(1),
    references: z.array(z.string().min(1)).min(1),
    tip: z.string().min(1),
  })
  .strict();

const criteriaFileSchema = z.object(
  Object.fromEntries(CRITERIA.map((id) => [id, criterionInfoSchema])) as Record<CriterionId, typeof criterionInfoSchema>,
).strict();

/** Title, qualification references and learner tip for one criterion. */
export type CriterionInfo = z.infer<typeof criterionInfoSchema>;

let cached: Record<CriterionId, CriterionInfo> | undefined;

/** The criteria data file, read and validated once. */
export function criterionInfo(): Record<CriterionId, CriterionInfo> {
  if (!cached) {
    const url = new URL('./criteria.yaml', import.meta.url);
    cached = criteriaFileSchema.parse(parse(readFileSync(url, 'utf8'))) as Record<CriterionId, CriterionInfo>;
  }
  return cached;
}
