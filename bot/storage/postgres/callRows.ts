/** Between `calls` rows and the domain's call headers and summaries. */
import {
  CorruptCallError,
  callHeaderSchema,
  type CallHeader,
  type CallStatus,
  type CallSummary,
  type CallMode,
} from '../../../domain/calls.js';

/** The summary columns, in the order {@link summaryFromRow} reads them. */
export const SUMMARY_COLUMNS =
  'id, learner_id, learner_name, learner_aad, scenario, mode, started_at, ended_at, status, score, passed, open_disputes';

/** Every header column. */
export const HEADER_COLUMNS = `${SUMMARY_COLUMNS}, seed, scorecard, moderation, hints, disputes`;

/** A `calls` row as the driver returns it (BIGINT arrives as a string; JSONB parsed). */
export interface SummaryRow {
  id: string;
  learner_id: string;
  learner_name: string;
  learner_aad: string | null;
  scenario: string;
  mode: string;
  started_at: Date;
  ended_at: Date | null;
  status: string;
  score: number | null;
  passed: boolean | null;
  open_disputes: number | string;
}

export interface HeaderRow extends SummaryRow {
  seed: string | number;
  scorecard: unknown;
  moderation: unknown;
  hints: unknown;
  disputes: unknown;
}

/**
 * The summary of a row. Not re-validated: the columns' types and CHECK constraints already
 * hold what the schema allows, and `list` reads thousands of rows.
 */
export function summaryFromRow(r: SummaryRow): CallSummary {
  const row: CallSummary = {
    id: r.id,
    learner: r.learner_aad === null ? { id: r.learner_id, name: r.learner_name } : { id: r.learner_id, name: r.learner_name, aadObjectId: r.learner_aad },
    scenario: r.scenario,
    mode: r.mode as CallMode,
    startedAt: r.started_at.toISOString(),
    status: r.status as CallStatus,
    openDisputes: Number(r.open_disputes),
  };
  if (r.ended_at !== null) row.endedAt = r.ended_at.toISOString();
  if (r.score !== null) row.score = Number(r.score);
  if (r.passed !== null) row.passed = r.passed;
  return row;
}

/**
 * The header of a row, validated against the domain schema.
 * @throws CorruptCallError when the stored row does not fit it
 */
export function headerFromRow(r: HeaderRow): CallHeader {
  // the open-dispute count belongs to the summary, not the header (it is derived from it)
  const { openDisputes: _derived, ...summary } = summaryFromRow(r);
  const candidate: Record<string, unknown> = {
    ...summary,
    seed: Number(r.seed),
    moderation: r.moderation,
    hints: r.hints,
    disputes: r.disputes,
  };
  if (r.scorecard !== null && r.scorecard !== undefined) candidate.scorecard = r.scorecard;
  const parsed = callHeaderSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptCallError(r.id, `its row is invalid (${issue?.path.join('.')}: ${issue?.message})`);
  }
  return parsed.data;
}

/**
 * SQL counting the disputes (a JSONB array expression) that no moderation (another) answers:
 * the rule of `openDisputes` in domain/calls.ts — a moderation of the same criterion at or
 * after the dispute answers it. Instants are compared as TIMESTAMPTZ, not as text.
 */
export function openDisputesSql(disputes: string, moderation: string): string {
  return `(SELECT count(*) FROM jsonb_array_elements(${disputes}) AS d (e)
           WHERE NOT EXISTS (
             SELECT 1 FROM jsonb_array_elements(${moderation}) AS m (e)
             WHERE m.e->>'criterion' = d.e->>'criterion' AND (m.e->>'at')::TIMESTAMPTZ >= (d.e->>'at')::TIMESTAMPTZ))::INTEGER`;
}
