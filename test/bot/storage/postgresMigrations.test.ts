/**
 * Schema migrations against a real server (DATABASE_URL): versioned, idempotent, safe when
 * instances start together, and recoverable after a crash or a dead lock holder.
 */
import { describe, it, expect, afterEach } from '@jest/globals';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type pg from 'pg';
import { silentLogger } from '../../../bot/logger.js';
import {
  MIGRATIONS,
  MigrationError,
  MigrationLockTimeoutError,
  migrate,
  type Migration,
} from '../../../bot/storage/postgres/index.js';
import { openPool } from '../../../bot/storage/postgres/pool.js';
import { DATABASE_URL, SKIP_MESSAGE, adminQuery, dropSchema, freshSchemaName } from './postgresHarness.js';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

if (!DATABASE_URL) {
  describe('PostgreSQL schema migrations', () => {
    it.skip(SKIP_MESSAGE, () => undefined);
  });
} else {
  describe('PostgreSQL schema migrations', () => {
    const pools: pg.Pool[] = [];
    const schemas: string[] = [];
    const fresh = (): string => {
      const s = freshSchemaName();
      schemas.push(s);
      return s;
    };
    const poolFor = (schema: string): pg.Pool => {
      const p = openPool(DATABASE_URL as string, { logger: silentLogger(), schema, max: 2 });
      pools.push(p);
      return p;
    };
    const tables = async (schema: string): Promise<string[]> =>
      (await adminQuery<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema])).map(
        (r) => r.t,
      );
    const recorded = async (schema: string) => adminQuery<{ version: number; name: string }>(`SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`);
    const lockRows = async (schema: string) => adminQuery(`SELECT * FROM ${schema}.schema_migration_lock`);

    afterEach(async () => {
      await Promise.all(pools.splice(0).map((p) => p.end()));
      for (const s of schemas.splice(0)) await dropSchema(s);
    });

    it('creates every table on a fresh schema, then does nothing on the next run', async () => {
      const schema = fresh();
      const pool = poolFor(schema);
      expect(await migrate(pool, { logger: silentLogger(), schema })).toEqual({ applied: MIGRATIONS.map((m) => m.version), version: LATEST });
      const after = await tables(schema);
      expect(after).toEqual(expect.arrayContaining(['bot_state', 'call_activities', 'calls', 'schema_migration_lock', 'schema_migrations']));
      expect(await migrate(pool, { logger: silentLogger(), schema })).toEqual({ applied: [], version: LATEST });
      expect(await tables(schema)).toEqual(after);
      expect((await recorded(schema)).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await lockRows(schema)).toEqual([]);
    });

    it('applies each migration exactly once when four instances start at the same moment', async () => {
      for (let round = 0; round < 3; round++) {
        const schema = fresh();
        const results = await Promise.all([1, 2, 3, 4].map(() => migrate(poolFor(schema), { logger: silentLogger(), schema })));
        expect(results.flatMap((r) => r.applied).sort()).toEqual(MIGRATIONS.map((m) => m.version));
        for (const r of results) expect(r.version).toBe(LATEST);
        expect((await recorded(schema)).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
        expect(await lockRows(schema)).toEqual([]);
      }
    });

    it('takes over a lock whose holder died (its lease expired)', async () => {
      const schema = fresh();
      const pool = poolFor(schema);
      await migrate(pool, { logger: silentLogger(), schema, migrations: [] }); // bootstrap tables only
      await adminQuery(`INSERT INTO ${schema}.schema_migration_lock VALUES ('migrate', 'dead-host:1', now() - INTERVAL '1 second')`);
      const result = await migrate(pool, { logger: silentLogger(), schema, waitMs: 5_000 });
      expect(result.applied).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await lockRows(schema)).toEqual([]);
    });

    it('waits for a live holder, and gives up naming it when it does not finish', async () => {
      const schema = fresh();
      const pool = poolFor(schema);
      await migrate(pool, { logger: silentLogger(), schema, migrations: [] });
      await adminQuery(`INSERT INTO ${schema}.schema_migration_lock VALUES ('migrate', 'busy-host:7', now() + INTERVAL '1 minute')`);
      const error = await migrate(pool, { logger: silentLogger(), schema, waitMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationLockTimeoutError);
      expect((error as MigrationLockTimeoutError).holder).toBe('busy-host:7');
      expect(await recorded(schema)).toEqual([]);

      const waiting = migrate(pool, { logger: silentLogger(), schema, waitMs: 10_000 });
      setTimeout(() => void adminQuery(`DELETE FROM ${schema}.schema_migration_lock`), 200);
      expect((await waiting).applied).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('reports a failing migration by version, releases the lock, and applies it once fixed', async () => {
      const schema = fresh();
      const pool = poolFor(schema);
      const good: Migration = { version: 1, name: 'one', statements: ['CREATE TABLE IF NOT EXISTS t1 (id INT PRIMARY KEY)'] };
      const bad: Migration = { version: 2, name: 'two', statements: ['CREATE TABLE IF NOT EXISTS t2 (id INT PRIMARY KEY)', 'ALTER TABLE t1 ADD COLUMN nope NOT_A_TYPE'] };
      const error = await migrate(pool, { logger: silentLogger(), schema, migrations: [good, bad] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect(error).toMatchObject({ version: 2, migration: 'two', statement: bad.statements[1] });
      expect((await recorded(schema)).map((r) => r.version)).toEqual([1]);
      expect(await lockRows(schema)).toEqual([]);
      // t2 was created before the failure; the fixed migration re-runs it harmlessly.
      const fixed: Migration = { ...bad, statements: [bad.statements[0], 'ALTER TABLE t1 ADD COLUMN IF NOT EXISTS note TEXT'] };
      expect((await migrate(pool, { logger: silentLogger(), schema, migrations: [good, fixed] })).applied).toEqual([2]);
    });

    it('finishes a migration that a crash interrupted half-way', async () => {
      const schema = fresh();
      const pool = poolFor(schema);
      await migrate(pool, { logger: silentLogger(), schema, migrations: [] });
      for (const statement of MIGRATIONS[0].statements.slice(0, 3)) await pool.query(statement);
      expect((await migrate(pool, { logger: silentLogger(), schema })).applied).toEqual(MIGRATIONS.map((m) => m.version));
      const indexes = await adminQuery<{ i: string }>('SELECT indexname AS i FROM pg_indexes WHERE schemaname = $1 AND tablename = $2', [schema, 'calls']);
      expect(indexes.map((r) => r.i)).toEqual(expect.arrayContaining(['calls_started_idx', 'calls_learner_idx', 'calls_passed_idx']));
    });

    it('counts the open disputes of calls disputed before the count existed (migration 3)', async () => {
      const schema = fresh();
      const pool = poolFor(schema);
      await migrate(pool, { logger: silentLogger(), schema, migrations: MIGRATIONS.filter((m) => m.version < 3) });
      const insert = `INSERT INTO ${schema}.calls (id, id_key, learner_id, learner_name, learner_key, scenario, scenario_key, mode, seed, started_at, status, moderation, disputes)
                      VALUES ($1, ''::BYTEA, 'l', 'L', ''::BYTEA, 's', ''::BYTEA, 'practice', 1, now(), 'ended', $2::JSONB, $3::JSONB)`;
      const d = (criterion: string, at: string) => ({ criterion, reason: 'r', by: 'l', at });
      const m = (criterion: string, at: string) => ({ criterion, mark: 'met', reason: 'r', by: 'a', at });
      await adminQuery(insert, ['none', '[]', '[]']);
      await adminQuery(insert, ['two-open', JSON.stringify([m('opening', '2025-03-05T11:00:00.000Z')]), JSON.stringify([d('opening', '2025-03-05T12:00:00.000Z'), d('close_call', '2025-03-05T12:01:00.000Z')])]);
      await adminQuery(insert, ['answered', JSON.stringify([m('opening', '2025-03-05T12:00:00.000Z')]), JSON.stringify([d('opening', '2025-03-05T12:00:00.000Z')])]);
      expect((await migrate(pool, { logger: silentLogger(), schema })).applied).toEqual([3]);
      const counts = await adminQuery<{ id: string; open_disputes: number }>(`SELECT id, open_disputes FROM ${schema}.calls ORDER BY id`);
      expect(counts).toEqual([
        { id: 'answered', open_disputes: 0 },
        { id: 'none', open_disputes: 0 },
        { id: 'two-open', open_disputes: 2 },
      ]);
      // re-running the statements (a crash before it was recorded) counts the same
      for (const statement of MIGRATIONS.find((x) => x.version === 3)!.statements) await pool.query(statement);
      expect(await adminQuery(`SELECT id, open_disputes FROM ${schema}.calls ORDER BY id`)).toEqual(counts);
    });

    it('warns, without re-running, when an applied migration has been edited', async () => {
      const schema = fresh();
      const pool = poolFor(schema);
      const v1: Migration = { version: 1, name: 'one', statements: ['CREATE TABLE IF NOT EXISTS t1 (id INT PRIMARY KEY)'] };
      await migrate(pool, { logger: silentLogger(), schema, migrations: [v1] });
      const lines: { msg: string; version?: number }[] = [];
      const logger = pino({ level: 'warn' }, new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
      const edited: Migration = { ...v1, statements: ['CREATE TABLE IF NOT EXISTS t1 (id INT PRIMARY KEY, extra TEXT)'] };
      expect((await migrate(pool, { logger, schema, migrations: [edited] })).applied).toEqual([]);
      expect(lines).toEqual([expect.objectContaining({ version: 1, msg: expect.stringMatching(/changed since it was applied/) })]);
    });
  });
}
