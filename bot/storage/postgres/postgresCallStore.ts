/**
 * The call store (`CallStore`, domain/calls.ts) in PostgreSQL or a compatible engine:
 *
 *   calls            one row per call: summary columns (indexed for the assessor's filters)
 *                    and JSONB for the scorecard, moderation, hints and disputes
 *   call_activities  one row per transcript activity, keyed (call_id, seq)
 *
 * Appending a turn is one INSERT of its activities — the call's row and earlier activities
 * are not touched — so its cost does not grow with the transcript or the number of calls.
 * Every operation is a single committed statement (durable when its promise resolves), so
 * several instances can share the database.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import {
  CallNotFoundError,
  CallStateError,
  CorruptCallError,
  DuplicateCallError,
  callIdSchema,
  callOutcomeSchema,
  callQuerySchema,
  disputeSchema,
  hintSchema,
  moderationSchema,
  newCallSchema,
  type CallOutcome,
  type CallPage,
  type CallQuery,
  type CallRecord,
  type CallStatus,
  type CallStore,
  type CallSummary,
  type DisputeEntry,
  type HintEntry,
  type ModerationEntry,
  type NewCall,
} from '../../../domain/calls.js';
import { transcriptActivitySchema, type TranscriptActivity } from '../../../domain/transcript.js';
import type { Logger } from '../../logger.js';
import { HEADER_COLUMNS, SUMMARY_COLUMNS, headerFromRow, openDisputesSql, summaryFromRow, type HeaderRow, type SummaryRow } from './callRows.js';
import { sortKey, toJsonb } from './encoding.js';
import { InFlight } from './inFlight.js';
import { countQuery, pageQuery } from './listQuery.js';
import { FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION, inTransaction, withRetry, type RetryOptions } from './retry.js';
import { boundInstant } from './timeBounds.js';

/** Rows removed per statement by the bulk deletes (keeps each transaction small on distributed engines). */
const DELETE_BATCH = 500;

/** The JSONB list columns that only ever grow. */
type NoteColumn = 'moderation' | 'hints' | 'disputes';

export class PostgresCallStore implements CallStore {
  readonly #pool: Pool;
  readonly #logger: Logger;
  readonly #ops = new InFlight('Call store');

  /** @param pool a pool whose schema is migrated (see `migrate`); not closed by this store */
  constructor(pool: Pool, logger: Logger) {
    this.#pool = pool;
    this.#logger = logger;
  }

  async create(input: NewCall): Promise<CallRecord> {
    const call = newCallSchema.parse(input);
    const id = call.id ?? randomUUID();
    const startedAt = call.startedAt ?? new Date().toISOString();
    return this.#ops.run(async () => {
      const inserted = await this.#query<HeaderRow>('create a call', {
        text: `INSERT INTO calls (id, id_key, learner_id, learner_name, learner_aad, learner_key, scenario, scenario_key, mode, seed, started_at, status)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::TIMESTAMPTZ, 'in-progress')
               ON CONFLICT (id) DO NOTHING
               RETURNING ${HEADER_COLUMNS}`,
        values: [
          id,
          sortKey(id),
          call.learner.id,
          call.learner.name,
          call.learner.aadObjectId ?? null,
          sortKey(call.learner.name.toLowerCase()),
          call.scenario,
          sortKey(call.scenario),
          call.mode,
          call.seed,
          startedAt,
        ],
      });
      if (inserted.rowCount === 0) throw new DuplicateCallError(id);
      return { ...headerFromRow(inserted.rows[0]), transcript: [] };
    });
  }

  async appendActivities(id: string, activities: readonly TranscriptActivity[]): Promise<void> {
    const callId = callIdSchema.parse(id);
    if (activities.length === 0) return;
    const texts = activities.map((a) => JSON.stringify(transcriptActivitySchema.parse(a)));
    await this.#ops.run(async () => {
      try {
        // Numbers the batch after the call's last activity, in one statement. Two appends to
        // one call racing for the same numbers collide on the primary key; the loser retries.
        await this.#query(
          'append activities',
          {
            text: `INSERT INTO call_activities (call_id, seq, activity)
                   SELECT $1::TEXT, next.seq + batch.n - 1, batch.activity
                   FROM (SELECT COALESCE(MAX(seq) + 1, 0) AS seq FROM call_activities WHERE call_id = $1::TEXT) AS next,
                        unnest($2::TEXT[]) WITH ORDINALITY AS batch (activity, n)`,
            values: [callId, texts],
          },
          { alsoRetry: [UNIQUE_VIOLATION], attempts: 30 },
        );
      } catch (err) {
        if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) throw new CallNotFoundError(callId);
        throw err;
      }
    });
  }

  async finish(id: string, input: CallOutcome): Promise<CallSummary> {
    const callId = callIdSchema.parse(id);
    const outcome = callOutcomeSchema.parse(input);
    const endedAt = outcome.endedAt ?? new Date().toISOString();
    const scorecard = outcome.status === 'ended' ? outcome.scorecard : undefined;
    return this.#ops.run(async () => {
      const updated = await this.#query<SummaryRow>('finish a call', {
        text: `UPDATE calls
               SET status = $2, ended_at = $3::TIMESTAMPTZ, scorecard = $4::JSONB, score = $5::FLOAT8, passed = $6::BOOLEAN
               WHERE id = $1 AND status = 'in-progress'
               RETURNING ${SUMMARY_COLUMNS}`,
        values: [
          callId,
          outcome.status,
          endedAt,
          scorecard === undefined ? null : toJsonb(scorecard),
          scorecard?.score ?? null,
          scorecard?.passed ?? null,
        ],
      });
      if (updated.rowCount === 1) return summaryFromRow(updated.rows[0]);
      const status = await this.#statusOf(callId);
      if (status === undefined) throw new CallNotFoundError(callId);
      throw new CallStateError(callId, status, 'finish');
    });
  }

  async get(id: string): Promise<CallRecord | undefined> {
    if (!callIdSchema.safeParse(id).success) return undefined;
    return this.#ops.run(async () => {
      // Header and transcript in one statement: one snapshot, one round trip.
      const { rows } = await this.#query<HeaderRow & { transcript: string[] }>('read a call', {
        text: `SELECT ${HEADER_COLUMNS},
                      ARRAY(SELECT a.activity FROM call_activities AS a WHERE a.call_id = calls.id ORDER BY a.seq) AS transcript
               FROM calls WHERE id = $1`,
        values: [id],
      });
      if (rows.length === 0) return undefined;
      const header = headerFromRow(rows[0]);
      const transcript = rows[0].transcript.map((text, n) => {
        try {
          return transcriptActivitySchema.parse(JSON.parse(text));
        } catch (err) {
          throw new CorruptCallError(id, `transcript activity ${n} is invalid`, { cause: err });
        }
      });
      return { ...header, transcript };
    });
  }

  async list(input: CallQuery = {}): Promise<CallPage> {
    const query = callQuerySchema.parse(input);
    const page = pageQuery(query); // validates from/to before anything runs
    const offset = query.offset ?? 0;
    return this.#ops.run(() =>
      // Page and count from one snapshot, so `total` agrees with the rows.
      inTransaction(
        this.#pool,
        async (client) => {
          const { rows } = await client.query<SummaryRow>(page.text, page.values);
          // A page that is not full (and not past the end) already tells the total.
          const pageTellsTotal = (query.limit === undefined || rows.length < query.limit) && (rows.length > 0 || offset === 0);
          let total = offset + rows.length;
          if (!pageTellsTotal) {
            const count = countQuery(query);
            total = Number((await client.query<{ total: string | number }>(count.text, count.values)).rows[0].total);
          }
          return { total, rows: rows.map(summaryFromRow) };
        },
        { operation: 'list calls', logger: this.#logger, begin: 'BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY' },
      ),
    );
  }

  async addModeration(id: string, entry: ModerationEntry): Promise<void> {
    await this.#appendNote(id, 'moderation', moderationSchema.parse(entry));
  }

  async addHint(id: string, hint: HintEntry): Promise<void> {
    await this.#appendNote(id, 'hints', hintSchema.parse(hint));
  }

  async addDispute(id: string, dispute: DisputeEntry): Promise<void> {
    await this.#appendNote(id, 'disputes', disputeSchema.parse(dispute));
  }

  async deleteByLearner(learnerId: string): Promise<number> {
    return this.#ops.run(() => this.#deleteInBatches('delete a learner’s calls', 'learner_id = $1::TEXT', [learnerId]));
  }

  async deleteOlderThan(instant: string): Promise<number> {
    const before = boundInstant(instant, 'from', 'instant').toISOString();
    return this.#ops.run(() => this.#deleteInBatches('delete old calls', 'started_at < $1::TIMESTAMPTZ', [before]));
  }

  async ping(): Promise<void> {
    await this.#ops.run(async () => {
      await this.#pool.query('SELECT 1 FROM calls LIMIT 1');
    });
  }

  /** Refuses new calls and waits for those in flight (the pool is closed by its owner). */
  async close(): Promise<void> {
    await this.#ops.close();
  }

  async #query<R extends object = Record<string, unknown>>(
    operation: string,
    sql: { text: string; values: unknown[] },
    retry: Partial<RetryOptions> = {},
  ) {
    return withRetry(() => this.#pool.query<R>(sql.text, sql.values), { operation, logger: this.#logger, ...retry });
  }

  async #statusOf(id: string): Promise<CallStatus | undefined> {
    const { rows } = await this.#query<{ status: CallStatus }>('read a call’s status', {
      text: 'SELECT status FROM calls WHERE id = $1',
      values: [id],
    });
    return rows[0]?.status;
  }

  /**
   * Appends one entry to a JSONB list column in place (`||`), atomically; a dispute or a
   * moderation also recounts the open disputes in the same statement.
   */
  async #appendNote(id: string, column: NoteColumn, entry: object): Promise<void> {
    const callId = callIdSchema.parse(id);
    const appended = `${column} || $2::JSONB`;
    const recount =
      column === 'hints'
        ? ''
        : `, open_disputes = ${openDisputesSql(column === 'disputes' ? appended : 'disputes', column === 'moderation' ? appended : 'moderation')}`;
    await this.#ops.run(async () => {
      const updated = await this.#query(`add ${column}`, {
        text: `UPDATE calls SET ${column} = ${appended}${recount} WHERE id = $1`,
        values: [callId, toJsonb([entry])],
      });
      if (updated.rowCount === 0) throw new CallNotFoundError(callId);
    });
  }

  /**
   * Deletes matching calls (their activities go by ON DELETE CASCADE) a batch at a time, so no
   * single transaction grows with the data — CockroachDB limits transaction size. Each batch
   * commits on its own: a failure part-way leaves fewer calls, never damaged ones, and running
   * it again finishes the job.
   */
  async #deleteInBatches(operation: string, condition: string, values: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.#query(operation, {
        text: `DELETE FROM calls WHERE id IN (SELECT id FROM calls WHERE ${condition} LIMIT ${DELETE_BATCH})`,
        values,
      });
      total += deleted.rowCount ?? 0;
      if ((deleted.rowCount ?? 0) < DELETE_BATCH) return total;
    }
  }
}
