/**
 * Brings the schema up to date at start-up: versioned (`schema_migrations`), idempotent, and
 * safe when several instances start at once.
 *
 * Instances agree through a lock *row* (`schema_migration_lock`) taken with
 * `INSERT … ON CONFLICT DO NOTHING` and held as a lease: it expires if its holder dies, and
 * the holder renews it between migrations. Advisory locks are not used because CockroachDB
 * only stubs them (they always succeed) and session-bound locks cannot survive a node failure
 * in a distributed engine.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool } from 'pg';
import type { Logger } from '../../logger.js';
import { MigrationError, MigrationLockLostError, MigrationLockTimeoutError } from './errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { UNIQUE_VIOLATION, withRetry } from './retry.js';

const LOCK_ID = 'migrate';

/** Tables the runner itself needs; created before the lock can be taken. */
const BOOTSTRAP = [
  `CREATE TABLE IF NOT EXISTS schema_migrations (
     version    INTEGER PRIMARY KEY,
     name       TEXT NOT NULL,
     checksum   TEXT NOT NULL,
     applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS schema_migration_lock (
     id         TEXT PRIMARY KEY,
     holder     TEXT NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL
   )`,
];

/** duplicate_table, duplicate_schema, duplicate_object: a concurrent CREATE … IF NOT EXISTS won. */
const CREATE_RACE = ['42P07', '42P06', '42710', UNIQUE_VIOLATION];

export interface MigrateOptions {
  logger: Logger;
  /** Schema to create first (when the pool's search_path names one). */
  schema?: string;
  /** Migrations to apply (default: all of {@link MIGRATIONS}). */
  migrations?: readonly Migration[];
  /** How long the lock lasts without renewal (default 60 s). */
  leaseMs?: number;
  /** How long to wait for another instance's lock (default 120 s). */
  waitMs?: number;
  /** Who is migrating, for the lock row and logs (default host:pid:random). */
  holder?: string;
}

/** What a run did. */
export interface MigrateResult {
  /** Versions this run applied (empty when the schema was already current). */
  applied: number[];
  /** Highest version recorded afterwards. */
  version: number;
}

/** SHA-256 of a migration's statements, recorded to notice an edited migration. */
export function checksum(m: Migration): string {
  return createHash('sha256').update(m.statements.join('\n;\n')).digest('hex');
}

/**
 * Applies every migration not yet recorded, in version order.
 * @throws MigrationLockTimeoutError when another instance holds the lock for longer than `waitMs`
 * @throws MigrationError naming the migration and statement that failed
 */
export async function migrate(pool: Pool, options: MigrateOptions): Promise<MigrateResult> {
  const { logger } = options;
  const migrations = [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  const lease = options.leaseMs ?? 60_000;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  if (options.schema) await createIfAbsent(pool, `CREATE SCHEMA IF NOT EXISTS ${options.schema}`, logger);
  for (const sql of BOOTSTRAP) await createIfAbsent(pool, sql, logger);

  // Fast path: nothing to do, no lock needed (every normal start).
  let recorded = await recordedVersions(pool);
  warnAboutDrift(migrations, recorded, logger);
  if (migrations.every((m) => recorded.has(m.version))) return { applied: [], version: highest(recorded) };

  await acquireLock(pool, holder, lease, options.waitMs ?? 120_000, logger);
  const applied: number[] = [];
  try {
    recorded = await recordedVersions(pool); // another instance may have finished meanwhile
    for (const m of migrations) {
      if (recorded.has(m.version)) continue;
      logger.info({ version: m.version, migration: m.name }, 'applying schema migration');
      for (const statement of m.statements) {
        try {
          await withRetry(() => pool.query(statement), { operation: `migration ${m.version}`, logger });
        } catch (err) {
          throw new MigrationError(m.version, m.name, statement, { cause: err });
        }
      }
      await pool.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3) ON CONFLICT (version) DO NOTHING',
        [m.version, m.name, checksum(m)],
      );
      applied.push(m.version);
      recorded.set(m.version, checksum(m));
      await renewLock(pool, holder, lease);
    }
  } finally {
    await pool
      .query('DELETE FROM schema_migration_lock WHERE id = $1 AND holder = $2', [LOCK_ID, holder])
      .catch((err: unknown) => logger.warn({ err }, 'could not release the schema migration lock; it will expire'));
  }
  return { applied, version: highest(recorded) };
}

/**
 * Runs a CREATE … IF NOT EXISTS. Two sessions running one at the same moment can both pass the
 * existence check on PostgreSQL, and the loser fails with a duplicate error: run it again.
 */
async function createIfAbsent(pool: Pool, sql: string, logger: Logger): Promise<void> {
  await withRetry(() => pool.query(sql), { operation: 'schema bootstrap', logger, alsoRetry: CREATE_RACE, attempts: 5 });
}

async function recordedVersions(pool: Pool): Promise<Map<number, string>> {
  const { rows } = await pool.query<{ version: string | number; checksum: string }>('SELECT version, checksum FROM schema_migrations');
  return new Map(rows.map((r) => [Number(r.version), r.checksum]));
}

function highest(recorded: Map<number, string>): number {
  return Math.max(0, ...recorded.keys());
}

function warnAboutDrift(migrations: readonly Migration[], recorded: Map<number, string>, logger: Logger): void {
  for (const m of migrations) {
    const stored = recorded.get(m.version);
    if (stored !== undefined && stored !== checksum(m)) {
      logger.warn({ version: m.version, migration: m.name }, 'schema migration changed since it was applied; it is not re-run');
    }
  }
  const known = new Set(migrations.map((m) => m.version));
  const newer = [...recorded.keys()].filter((v) => !known.has(v));
  if (newer.length > 0) {
    logger.warn({ versions: newer }, 'the database has schema migrations this version does not know (a newer release ran); continuing');
  }
}

/** Takes the lock row, waiting (with back-off) while a live lease is held by someone else. */
async function acquireLock(pool: Pool, holder: string, leaseMs: number, waitMs: number, logger: Logger): Promise<void> {
  const started = Date.now();
  let delay = 50;
  let other: string | undefined;
  for (;;) {
    const taken = await pool.query(
      `INSERT INTO schema_migration_lock (id, holder, expires_at)
       VALUES ($1, $2, now() + $3::INT * INTERVAL '1 millisecond')
       ON CONFLICT (id) DO NOTHING`,
      [LOCK_ID, holder, leaseMs],
    );
    if (taken.rowCount === 1) return;
    // A lease whose holder died is taken over once it has expired.
    const stolen = await pool.query<{ holder: string }>(
      `UPDATE schema_migration_lock SET holder = $2, expires_at = now() + $3::INT * INTERVAL '1 millisecond'
       WHERE id = $1 AND expires_at < now()`,
      [LOCK_ID, holder, leaseMs],
    );
    if (stolen.rowCount === 1) {
      logger.warn('took over an expired schema migration lock');
      return;
    }
    const current = await pool.query<{ holder: string }>('SELECT holder FROM schema_migration_lock WHERE id = $1', [LOCK_ID]);
    other = current.rows[0]?.holder ?? other;
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new MigrationLockTimeoutError(other, waited);
    if (delay === 50) logger.info({ holder: other }, 'waiting for another instance to finish migrating');
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, waitMs - waited)));
    delay = Math.min(1000, delay * 2);
  }
}

async function renewLock(pool: Pool, holder: string, leaseMs: number): Promise<void> {
  const renewed = await pool.query(
    `UPDATE schema_migration_lock SET expires_at = now() + $3::INT * INTERVAL '1 millisecond' WHERE id = $1 AND holder = $2`,
    [LOCK_ID, holder, leaseMs],
  );
  if (renewed.rowCount !== 1) throw new MigrationLockLostError(holder);
}
