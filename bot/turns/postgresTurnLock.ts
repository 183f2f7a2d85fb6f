/**
 * The turn lock across server instances sharing one PostgreSQL database (`STORAGE=postgres`):
 * a lease row per conversation in `turn_locks`, the same portable pattern as the migration
 * lock (decision 0005: no advisory locks, which CockroachDB only stubs; no LISTEN/NOTIFY).
 *
 * - take: `INSERT … ON CONFLICT DO UPDATE … WHERE expires_at < now()` — one statement that
 *   either creates the row, takes over an expired lease, or does nothing (held: wait and retry
 *   with jittered back-off, up to `waitMs`);
 * - hold: the lease is renewed every `leaseMs / 3` while the turn runs, so a long turn keeps
 *   it and a dead instance's lease lapses after `leaseMs`;
 * - release: the row is deleted (only by its holder).
 * Within a process, turns of one conversation queue on a keyed mutex first, so an instance
 * never competes with itself and at most one row operation per conversation is in flight.
 * Times are the database's clock (`now()`), never the instances'.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Logger } from '../logger.js';
import { withRetry } from '../storage/postgres/retry.js';
import { KeyedMutex } from '../storage/keyedMutex.js';
import { TurnLockClosedError, TurnLockTimeoutError } from './errors.js';
import type { TurnLock } from './turnLock.js';

export interface PostgresTurnLockOptions {
  logger: Logger;
  /** How long a lease lasts without renewal (default 15 s). */
  leaseMs?: number;
  /** How long a turn waits for another instance's turn (default 30 s). */
  waitMs?: number;
  /** Names this instance in the lock rows (default: a random id). */
  instance?: string;
}

export class PostgresTurnLock implements TurnLock {
  readonly description = 'PostgreSQL lease rows (turn_locks)';
  readonly #pool: Pool;
  readonly #log: Logger;
  readonly #leaseMs: number;
  readonly #waitMs: number;
  readonly #instance: string;
  readonly #local = new KeyedMutex();
  #closed = false;

  /** @param pool a pool on the migrated schema (the lock runs one short statement at a time on it) */
  constructor(pool: Pool, options: PostgresTurnLockOptions) {
    this.#pool = pool;
    this.#log = options.logger;
    this.#leaseMs = options.leaseMs ?? 15_000;
    this.#waitMs = options.waitMs ?? 30_000;
    this.#instance = options.instance ?? randomUUID().slice(0, 8);
  }

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new TurnLockClosedError());
    return this.#local.run(key, async () => {
      const hash = createHash('sha256').update(key, 'utf8').digest();
      const holder = `${this.#instance}:${randomUUID()}`;
      await this.#take(key, hash, holder);
      const renew = setInterval(() => void this.#renew(key, hash, holder), Math.max(50, Math.floor(this.#leaseMs / 3)));
      renew.unref();
      try {
        return await work();
      } finally {
        clearInterval(renew);
        await this.#release(key, hash, holder);
      }
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#local.idle();
  }

  async #take(key: string, hash: Buffer, holder: string): Promise<void> {
    const started = Date.now();
    let delay = 2;
    for (;;) {
      const taken = await withRetry(
        () =>
          this.#pool.query(
            `INSERT INTO turn_locks (key_hash, holder, expires_at)
             VALUES ($1, $2, now() + $3::INT * INTERVAL '1 millisecond')
             ON CONFLICT (key_hash) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
             WHERE turn_locks.expires_at < now()
             RETURNING holder`,
            [hash, holder, this.#leaseMs],
          ),
        { operation: 'take a turn lock', logger: this.#log },
      );
      if (taken.rowCount === 1) return;
      const waited = Date.now() - started;
      if (waited >= this.#waitMs) {
        const current = await this.#pool.query<{ holder: string }>('SELECT holder FROM turn_locks WHERE key_hash = $1', [hash]).catch(() => undefined);
        throw new TurnLockTimeoutError(key, waited, current?.rows[0]?.holder);
      }
      await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
      delay = Math.min(100, delay * 2);
    }
  }

  async #renew(key: string, hash: Buffer, holder: string): Promise<void> {
    try {
      const r = await this.#pool.query(
        `UPDATE turn_locks SET expires_at = now() + $3::INT * INTERVAL '1 millisecond' WHERE key_hash = $1 AND holder = $2`,
        [hash, holder, this.#leaseMs],
      );
      if (r.rowCount === 0) this.#log.error({ conversation: key, holder }, 'turn lock lost while the turn was running (lease expired and taken over)');
    } catch (err) {
      this.#log.warn({ err, conversation: key }, 'could not renew a turn lock; it expires unless the next renewal succeeds');
    }
  }

  async #release(key: string, hash: Buffer, holder: string): Promise<void> {
    try {
      const r = await this.#pool.query('DELETE FROM turn_locks WHERE key_hash = $1 AND holder = $2', [hash, holder]);
      if (r.rowCount === 0) this.#log.error({ conversation: key, holder }, 'turn lock had expired before the turn finished: another turn may have run at the same time');
    } catch (err) {
      this.#log.warn({ err, conversation: key }, 'could not release a turn lock; it expires by itself');
    }
  }
}
