/**
 * Call records: one practice or assessment call, its transcript, its scorecard and what
 * people later said about it (assessor moderation, learner disputes, hints used).
 *
 * Pure types, schemas and errors — no botbuilder, no storage. Storage back-ends
 * (`bot/storage/`) implement {@link CallStore}; the shared contract tests in
 * `test/bot/storage/callStoreContract.ts` pin its behaviour for every back-end.
 */
import { z } from 'zod';
import type { TranscriptActivity } from './transcript.js';

export const CALL_MODES = ['practice', 'assessment'] as const;
export type CallMode = (typeof CALL_MODES)[number];

export const CALL_STATUSES = ['in-progress', 'ended', 'abandoned'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** A criterion mark (marking guide). */
export const MARKS = ['met', 'partly', 'missed', 'n/a'] as const;
export type Mark = (typeof MARKS)[number];

/** A call id: also a directory or row key, so only URL- and file-safe characters. */
export const callIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'a call id is 1–64 letters, digits, "-" or "_"' });

/** ISO 8601 instant in UTC as `Date.prototype.toISOString` writes it; `list` date filters compare these. */
export const instantSchema = z.iso.datetime({ offset: false, precision: 3 });

export const learnerSchema = z
  .object({
    /** Stable id: the Teams `aadObjectId`, or the Web Chat user id. */
    id: z.string().min(1),
    name: z.string(),
    aadObjectId: z.string().min(1).optional(),
  })
  .strict();
export type Learner = z.infer<typeof learnerSchema>;

export const evidenceSchema = z.object({ activity: z.number().int().min(0), quote: z.string() }).strict();

/** One criterion of a scorecard; the marker's extra fields (title, references, tip, weight) are kept. */
export const criterionResultSchema = z
  .object({ mark: z.enum(MARKS), evidence: z.array(evidenceSchema), note: z.string() })
  .loose();

/**
 * The scorecard of contract §5. Only the fields the store reads are typed strictly; the
 * marker may add more (they are kept as written).
 */
export const scorecardSchema = z
  .object({
    scenario: z.string(),
    criteria: z.record(z.string(), criterionResultSchema),
    score: z.number(),
    passed: z.boolean(),
  })
  .loose();
export type CallScorecard = z.infer<typeof scorecardSchema>;

/** An assessor's mark that overrides the machine's in reports (both are kept). */
export const moderationSchema = z
  .object({
    criterion: z.string().min(1),
    mark: z.enum(MARKS),
    reason: z.string(),
    /** Who moderated (assessor name or token label). */
    by: z.string().min(1),
    at: instantSchema,
  })
  .strict();
export type ModerationEntry = z.infer<typeof moderationSchema>;

/** A hint the learner asked for during a practice call (`/hint`). */
export const hintSchema = z
  .object({ at: instantSchema, text: z.string(), criterion: z.string().optional() })
  .strict();
export type HintEntry = z.infer<typeof hintSchema>;

/** A learner's disagreement with a mark (`/dispute <criterion> <reason>`). */
export const disputeSchema = z
  .object({ criterion: z.string().min(1), reason: z.string(), by: z.string().min(1), at: instantSchema })
  .strict();
export type DisputeEntry = z.infer<typeof disputeSchema>;

/** Everything about a call except its transcript: what one call's header file or row holds. */
export const callHeaderSchema = z
  .object({
    id: callIdSchema,
    learner: learnerSchema,
    scenario: z.string().min(1),
    mode: z.enum(CALL_MODES),
    /** Seed of the customer simulator, so a call can be replayed. */
    seed: z.number().int(),
    startedAt: instantSchema,
    endedAt: instantSchema.optional(),
    status: z.enum(CALL_STATUSES),
    score: z.number().optional(),
    passed: z.boolean().optional(),
    scorecard: scorecardSchema.optional(),
    moderation: z.array(moderationSchema),
    hints: z.array(hintSchema),
    disputes: z.array(disputeSchema),
  })
  .strict();
export type CallHeader = z.infer<typeof callHeaderSchema>;

/** A whole call record. */
export interface CallRecord extends CallHeader {
  /** Contract §4 activities, oldest first. */
  transcript: TranscriptActivity[];
}

/**
 * One row of {@link CallStore.list}: no transcript, scorecard or notes, but how many learner
 * disputes still wait for an assessor (see {@link openDisputes}), so assessors can find them
 * without reading every call.
 */
export const callSummarySchema = callHeaderSchema
  .pick({
    id: true,
    learner: true,
    scenario: true,
    mode: true,
    startedAt: true,
    endedAt: true,
    status: true,
    score: true,
    passed: true,
  })
  .extend({ openDisputes: z.number().int().min(0) })
  .strict();
export type CallSummary = z.infer<typeof callSummarySchema>;

/** What a caller gives to start a call record. */
export const newCallSchema = z
  .object({
    /** Optional: the store makes a random id when absent. */
    id: callIdSchema.optional(),
    learner: learnerSchema,
    scenario: z.string().min(1),
    mode: z.enum(CALL_MODES),
    seed: z.number().int(),
    /** Defaults to now. */
    startedAt: instantSchema.optional(),
  })
  .strict();
export type NewCall = z.infer<typeof newCallSchema>;

/**
 * How a call finished. `ended` calls normally carry the scorecard (score and passed are
 * taken from it); `abandoned` calls (a second `/start`, a timeout) are kept unmarked.
 */
export const callOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ended'), endedAt: instantSchema.optional(), scorecard: scorecardSchema.optional() }).strict(),
  z.object({ status: z.literal('abandoned'), endedAt: instantSchema.optional() }).strict(),
]);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

export const CALL_SORT_KEYS = ['startedAt', 'endedAt', 'score', 'learner', 'scenario'] as const;
export type CallSortKey = (typeof CALL_SORT_KEYS)[number];

/**
 * Filters for {@link CallStore.list}. `from`/`to` bound `startedAt` inclusively and may be a
 * date (`2025-03-04`, meaning that whole UTC day for `to`) or an instant.
 */
export const callQuerySchema = z
  .object({
    learner: z.string().min(1).optional(),
    scenario: z.string().min(1).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/).optional(),
    status: z.enum(CALL_STATUSES).optional(),
    mode: z.enum(CALL_MODES).optional(),
    passed: z.boolean().optional(),
    /** `true`: only calls with a dispute no assessor has answered; `false`: only calls without one. */
    disputed: z.boolean().optional(),
    /** Default `startedAt`. Rows without the sort value come last. */
    sort: z.enum(CALL_SORT_KEYS).optional(),
    /** Default `desc` (newest first). */
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type CallQuery = z.infer<typeof callQuerySchema>;

/** A page of {@link CallStore.list}: `total` counts every match before `limit`/`offset`. */
export interface CallPage {
  total: number;
  rows: CallSummary[];
}

/**
 * Where call records live. Every operation is durable when its promise resolves: a crash
 * afterwards loses nothing it wrote. Implementations: `bot/storage/lowdbCallStore.ts`.
 */
export interface CallStore {
  /** Starts a record (status `in-progress`, empty transcript). Throws {@link DuplicateCallError}. */
  create(call: NewCall): Promise<CallRecord>;
  /** Appends activities to the transcript, in order. Await it inside the turn. */
  appendActivities(id: string, activities: readonly TranscriptActivity[]): Promise<void>;
  /** Ends or abandons an in-progress call. Throws {@link CallStateError} when already finished. */
  finish(id: string, outcome: CallOutcome): Promise<CallSummary>;
  /** The whole record, or undefined when there is none. */
  get(id: string): Promise<CallRecord | undefined>;
  /** Summary rows matching the query, sorted and paged. */
  list(query?: CallQuery): Promise<CallPage>;
  /** Records an assessor's mark; it answers the open disputes of that criterion (the summary's `openDisputes` falls). */
  addModeration(id: string, entry: ModerationEntry): Promise<void>;
  addHint(id: string, hint: HintEntry): Promise<void>;
  /** Records a learner's dispute; the summary's `openDisputes` counts it until a moderation answers it. */
  addDispute(id: string, dispute: DisputeEntry): Promise<void>;
  /** Removes every call of a learner (data-protection erasure); returns how many. */
  deleteByLearner(learnerId: string): Promise<number>;
  /** Removes calls started before the instant (retention); returns how many. */
  deleteOlderThan(instant: string): Promise<number>;
  /** Resolves when the store can serve; rejects with the reason otherwise. */
  ping(): Promise<void>;
  /** Waits for writes in flight, then releases resources. */
  close(): Promise<void>;
}

/** Base of the call store's errors; `callId` says which record. */
export class CallStoreError extends Error {
  constructor(
    message: string,
    readonly callId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No call with that id. */
export class CallNotFoundError extends CallStoreError {
  constructor(callId: string) {
    super(`No call record "${callId}"`, callId);
  }
}

/** A call with that id already exists. */
export class DuplicateCallError extends CallStoreError {
  constructor(callId: string) {
    super(`A call record "${callId}" already exists`, callId);
  }
}

/** The operation does not fit the call's status (e.g. finishing an ended call). */
export class CallStateError extends CallStoreError {
  constructor(
    callId: string,
    readonly status: CallStatus,
    operation: string,
  ) {
    super(`Cannot ${operation} call "${callId}": it is ${status}`, callId);
  }
}

/** A stored record could not be read back (damaged file or row). */
export class CorruptCallError extends CallStoreError {
  constructor(callId: string, detail: string, options?: { cause?: unknown }) {
    super(`Call record "${callId}" is damaged: ${detail}`, callId, options);
  }
}

/** Does the summary match the query's filters (not paging)? Shared by every back-end. */
export function matchesCallQuery(row: CallSummary, q: CallQuery): boolean {
  if (q.learner !== undefined && row.learner.id !== q.learner) return false;
  if (q.scenario !== undefined && row.scenario !== q.scenario) return false;
  if (q.status !== undefined && row.status !== q.status) return false;
  if (q.mode !== undefined && row.mode !== q.mode) return false;
  if (q.passed !== undefined && row.passed !== q.passed) return false;
  if (q.disputed !== undefined && row.openDisputes > 0 !== q.disputed) return false;
  if (q.from !== undefined && row.startedAt < fullInstant(q.from)) return false;
  if (q.to !== undefined && row.startedAt.slice(0, q.to.length) > q.to) return false;
  return true;
}

/**
 * A `from` bound written as an instant without milliseconds (`…T10:15:00Z`) compares as
 * `…T10:15:00.000Z`, so stored instants (always with milliseconds) in that second match.
 */
function fullInstant(bound: string): string {
  return /T\d{2}:\d{2}:\d{2}Z$/.test(bound) ? `${bound.slice(0, -1)}.000Z` : bound;
}

/** Orders summaries as the query asks (default newest first); ties by id. */
export function compareCallSummaries(q: CallQuery): (a: CallSummary, b: CallSummary) => number {
  const key = q.sort ?? 'startedAt';
  const dir = (q.order ?? 'desc') === 'asc' ? 1 : -1;
  const value = (r: CallSummary): string | number | undefined =>
    key === 'learner' ? r.learner.name.toLowerCase() : key === 'scenario' ? r.scenario : r[key];
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1;
    } else if (va !== vb) {
      return (va < vb ? -1 : 1) * dir;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/**
 * The learner's disputes no assessor has answered yet. An assessor answers a dispute by
 * moderating that criterion (any mark, confirming or changing it) at or after the dispute.
 */
export function openDisputes(h: Pick<CallHeader, 'disputes' | 'moderation'>): DisputeEntry[] {
  return h.disputes.filter((d) => !h.moderation.some((m) => m.criterion === d.criterion && m.at >= d.at));
}

/** The summary row of a header. */
export function summarise(h: CallHeader): CallSummary {
  const row: CallSummary = {
    id: h.id,
    learner: h.learner,
    scenario: h.scenario,
    mode: h.mode,
    startedAt: h.startedAt,
    status: h.status,
    openDisputes: openDisputes(h).length,
  };
  if (h.endedAt !== undefined) row.endedAt = h.endedAt;
  if (h.score !== undefined) row.score = h.score;
  if (h.passed !== undefined) row.passed = h.passed;
  return row;
}
