/**
 * Bot state storage (botbuilder `Storage`) in PostgreSQL or a compatible engine: one row per
 * state key in `bot_state`.
 *
 * Concurrency is botbuilder's `MemoryStorage`'s, and the lowdb store's, but across every
 * instance sharing the database: a write whose `eTag` is absent or `*` (what
 * `BotState.saveChanges` sends) overwrites; any other `eTag` must equal the stored one, else
 * the whole batch fails with {@link ETagConflictError} and nothing is written. Writing a key
 * that does not exist always succeeds. Each write stores a new eTag. A write is committed
 * (durable) when its promise resolves.
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../../logger.js';
import { ETagConflictError } from '../errors.js';
import { keyHash, newETag } from './encoding.js';
import { CorruptStateError } from './errors.js';
import { InFlight } from './inFlight.js';
import { inTransaction, withRetry } from './retry.js';

export class PostgresStorage implements Storage {
  readonly #pool: Pool;
  readonly #logger: Logger;
  readonly #ops = new InFlight('State storage');

  /** @param pool a pool whose schema is migrated (see `migrate`); not closed by this store */
  constructor(pool: Pool, logger: Logger) {
    this.#pool = pool;
    this.#logger = logger;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    return this.#ops.run(async () => {
      const items: StoreItems = {};
      if (keys.length === 0) return items;
      const { rows } = await withRetry(
        () =>
          this.#pool.query<{ key: string; etag: string; value: string }>(
            'SELECT key, etag, value FROM bot_state WHERE key_hash = ANY($1::BYTEA[])',
            [keys.map(keyHash)],
          ),
        { operation: 'read bot state', logger: this.#logger },
      );
      const wanted = new Set(keys);
      for (const row of rows) {
        if (!wanted.has(row.key)) continue; // a SHA-256 collision: treat as absent
        let value: unknown;
        try {
          value = JSON.parse(row.value);
        } catch (err) {
          throw new CorruptStateError(row.key, { cause: err });
        }
        items[row.key] = { ...(value as object), eTag: row.etag };
      }
      return items;
    });
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // One order for every writer (by key hash, as the rows are locked), so batches cannot deadlock.
    const keys = Object.keys(changes).sort((a, b) => Buffer.compare(keyHash(a), keyHash(b)));
    if (keys.length === 0) return;
    await this.#ops.run(() =>
      inTransaction(this.#pool, (client) => this.#writeIn(client, keys, changes), { operation: 'write bot state', logger: this.#logger }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length === 0) return;
    await this.#ops.run(() =>
      withRetry(() => this.#pool.query('DELETE FROM bot_state WHERE key_hash = ANY($1::BYTEA[])', [keys.map(keyHash)]), {
        operation: 'delete bot state',
        logger: this.#logger,
      }),
    );
  }

  /** Refuses new calls and waits for those in flight (the pool is closed by its owner). */
  async close(): Promise<void> {
    await this.#ops.close();
  }

  /** Checks the eTags of the batch under row locks, then upserts every key, in one transaction. */
  async #writeIn(client: PoolClient, keys: string[], changes: StoreItems): Promise<void> {
    const conditional = keys.filter((k) => {
      const eTag = (changes[k] as { eTag?: unknown } | undefined)?.eTag;
      return typeof eTag === 'string' && eTag !== '*';
    });
    if (conditional.length > 0) {
      // FOR UPDATE: a concurrent writer of the same key waits here, then sees the new eTag.
      const { rows } = await client.query<{ key: string; etag: string }>(
        'SELECT key, etag FROM bot_state WHERE key_hash = ANY($1::BYTEA[]) ORDER BY key_hash FOR UPDATE',
        [conditional.map(keyHash)],
      );
      const stored = new Map(rows.map((r) => [r.key, r.etag]));
      for (const key of conditional) {
        const wanted = (changes[key] as { eTag: string }).eTag;
        const actual = stored.get(key);
        if (actual !== undefined && actual !== wanted) throw new ETagConflictError(key, wanted, actual);
      }
    }
    const params: unknown[] = [];
    const tuples = keys.map((key) => {
      const { eTag: _ignored, ...value } = (changes[key] ?? {}) as Record<string, unknown>;
      params.push(keyHash(key), key, newETag(), JSON.stringify(value));
      const n = params.length;
      return `($${n - 3}::BYTEA, $${n - 2}::TEXT, $${n - 1}::TEXT, $${n}::TEXT, now())`;
    });
    await client.query(
      `INSERT INTO bot_state (key_hash, key, etag, value, updated_at) VALUES ${tuples.join(', ')}
       ON CONFLICT (key_hash) DO UPDATE
       SET key = excluded.key, etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at`,
      params,
    );
  }
}
