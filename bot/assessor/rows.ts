/**
 * The JSON shapes of the assessor API (contract §7): a call row, and a call with its
 * transcript, scorecard and moderation. Optional values are `null` rather than absent, so
 * every row has the same keys. Extensions beyond the contract: `mode`, `disputes`, `hints`,
 * `marks` (machine, assessor and counting mark per criterion) and `assessorOutcome`.
 */
import type { CallHeader, CallRecord, CallSummary, Mark } from '../../domain/calls.js';
import type { Catalogue } from './catalogue.js';
import { criterionViews, outcomeOf, type Outcome } from './marks.js';

/** One row of `GET /api/assessor/calls`. */
export interface CallRow {
  id: string;
  learner: { id: string; name: string };
  scenario: string;
  mode: CallSummary['mode'];
  startedAt: string;
  endedAt: string | null;
  status: CallSummary['status'];
  score: number | null;
  passed: boolean | null;
}

/** The row of a call. */
export function callRow(c: CallSummary | CallHeader): CallRow {
  return {
    id: c.id,
    learner: { id: c.learner.id, name: c.learner.name },
    scenario: c.scenario,
    mode: c.mode,
    startedAt: c.startedAt,
    endedAt: c.endedAt ?? null,
    status: c.status,
    score: c.score ?? null,
    passed: c.passed ?? null,
  };
}

/** `GET /api/assessor/calls/:id`. */
export interface CallDetail extends CallRow {
  transcript: CallRecord['transcript'];
  scorecard: CallHeader['scorecard'] | null;
  moderation: CallHeader['moderation'];
  disputes: (CallHeader['disputes'][number] & { resolved: boolean })[];
  hints: CallHeader['hints'];
  marks: Record<string, { machine: Mark | null; assessor: Mark | null; counts: Mark | null }>;
  /** Score and pass from the marks that count (equal to the machine's until moderated). */
  assessorOutcome: Outcome | null;
}

/** The whole call as the API gives it. */
export function callDetail(call: CallRecord, catalogue: Catalogue): CallDetail {
  const views = criterionViews(call, catalogue);
  return {
    ...callRow(call),
    transcript: call.transcript,
    scorecard: call.scorecard ?? null,
    moderation: call.moderation,
    disputes: views.flatMap((v) => v.disputes).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    hints: call.hints,
    marks: Object.fromEntries(
      views.map((v) => [v.id, { machine: v.machine?.mark ?? null, assessor: v.moderation.at(-1)?.mark ?? null, counts: v.effective ?? null }]),
    ),
    assessorOutcome: outcomeOf(views, catalogue.scenario(call.scenario).pass) ?? null,
  };
}
