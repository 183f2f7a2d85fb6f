/**
 * Retrying on the errors a PostgreSQL-compatible engine asks clients to retry, and explicit
 * transactions built on that.
 *
 * CockroachDB (always SERIALIZABLE) and YugabyteDB abort conflicting transactions with
 * SQLSTATE 40001 and expect the client to run the whole transaction again; PostgreSQL does the
 * same under SERIALIZABLE and reports deadlocks as 40P01. A retried transaction must be
 * re-run from its first statement, which is why {@link inTransaction} takes a function.
 */
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../../logger.js';
import { RetriesExhaustedError } from './errors.js';

/** serialization_failure, deadlock_detected. */
const ALWAYS_RETRYABLE = new Set(['40001', '40P01']);

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** The SQLSTATE of a driver error, if it has one. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export interface RetryOptions {
  /** Names the operation in logs and in {@link RetriesExhaustedError}. */
  operation: string;
  logger: Logger;
  /** Default 12. */
  attempts?: number;
  /** More SQLSTATEs to retry on (e.g. a unique violation from a lost race). */
  alsoRetry?: readonly string[];
}

export interface TransactionOptions extends RetryOptions {
  /** The statement that opens the transaction (default `BEGIN`). */
  begin?: string;
}

/**
 * Runs `op`, re-running it after a retryable failure with jittered exponential back-off
 * (5 ms doubling to 320 ms).
 * @throws RetriesExhaustedError when every attempt failed retryably
 */
export async function withRetry<T>(op: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 12;
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      const code = sqlState(err);
      const retryable = code !== undefined && (ALWAYS_RETRYABLE.has(code) || (options.alsoRetry ?? []).includes(code));
      if (!retryable) throw err;
      if (attempt >= attempts) throw new RetriesExhaustedError(options.operation, attempts, { cause: err });
      const delay = Math.min(320, 5 * 2 ** (attempt - 1)) * (0.5 + Math.random());
      options.logger.debug({ operation: options.operation, code, attempt, delay: Math.round(delay) }, 'retrying after a conflict');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Runs `work` inside BEGIN … COMMIT on one pooled connection, rolling back on any error, and
 * re-running the whole transaction on a retryable one (including a 40001 at COMMIT).
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, options: TransactionOptions): Promise<T> {
  return withRetry(async () => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(options.begin ?? 'BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackErr) {
        // The connection is unusable: drop it from the pool rather than return it.
        broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
      }
      throw err;
    } finally {
      client.release(broken);
    }
  }, options);
}
