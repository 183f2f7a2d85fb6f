/**
 * The PostgreSQL back-end (`STORAGE=postgres`): bot state and call records in one database,
 * shared safely by several instances. Works unchanged on CockroachDB and YugabyteDB; see
 * docs/decisions/0005-postgres-storage.md.
 */
import type { Logger } from '../../logger.js';
import type { Stores } from '../index.js';
import { migrate } from './migrate.js';
import { describeDatabase, openPool } from './pool.js';
import { PostgresCallStore } from './postgresCallStore.js';
import { PostgresStorage } from './postgresStorage.js';

export { MigrationError, MigrationLockLostError, MigrationLockTimeoutError, InvalidTimeBoundError, CorruptStateError, RetriesExhaustedError } from './errors.js';
export { migrate, type MigrateOptions, type MigrateResult } from './migrate.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export { PostgresCallStore } from './postgresCallStore.js';
export { PostgresStorage } from './postgresStorage.js';

export interface PostgresStoresOptions {
  /**
   * Keep the tables in this schema (created if absent) rather than the connection's default
   * search_path. Lower-case letters, digits and `_`. Tests use a fresh one per run.
   */
  schema?: string;
  /** Most connections at once (default 10). */
  poolSize?: number;
  /** Migration lock timing (tests shorten these). */
  migrationLeaseMs?: number;
  migrationWaitMs?: number;
}

/**
 * Connects, brings the schema up to date (waiting for another instance that is migrating),
 * and returns both stores on one connection pool.
 * @throws MigrationLockTimeoutError, MigrationError, or the driver's error when the database
 *   cannot be reached — the pool is closed before it is thrown
 */
export async function createPostgresStores(databaseUrl: string, logger: Logger, options: PostgresStoresOptions = {}): Promise<Stores> {
  const log = logger.child({ storage: 'postgres' });
  const pool = openPool(databaseUrl, { logger: log, schema: options.schema, max: options.poolSize });
  try {
    const result = await migrate(pool, {
      logger: log,
      schema: options.schema,
      leaseMs: options.migrationLeaseMs,
      waitMs: options.migrationWaitMs,
    });
    log.info({ version: result.version, applied: result.applied }, 'PostgreSQL schema is current');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const state = new PostgresStorage(pool, log);
  const calls = new PostgresCallStore(pool, log);
  let closing: Promise<void> | undefined;
  return {
    state,
    calls,
    description: `PostgreSQL ${describeDatabase(databaseUrl)}${options.schema ? ` (schema ${options.schema})` : ''}`,
    async ping() {
      await pool.query('SELECT 1 FROM bot_state LIMIT 1');
      await calls.ping();
    },
    close() {
      closing ??= (async () => {
        await Promise.all([state.close(), calls.close()]);
        await pool.end();
      })();
      return closing;
    },
  };
}
