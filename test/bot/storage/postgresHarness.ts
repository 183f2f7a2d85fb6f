/**
 * PostgreSQL for the storage tests: the server named by DATABASE_URL, a fresh schema per
 * test (so runs and parallel Jest workers never collide), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { silentLogger } from '../../../bot/logger.js';
import type { Stores } from '../../../bot/storage/index.js';
import { createPostgresStores, type PostgresStoresOptions } from '../../../bot/storage/postgres/index.js';

/** The server to test against, or undefined (the PostgreSQL tests are then skipped). */
export const DATABASE_URL = process.env.DATABASE_URL || undefined;

export const SKIP_MESSAGE =
  'PostgreSQL storage tests skipped: DATABASE_URL is not set (e.g. DATABASE_URL=postgres://trainer:trainer@localhost:5432/trainer)';

/** A schema name no other run or worker uses. */
export function freshSchemaName(): string {
  return `oct_test_${process.pid}_${randomBytes(5).toString('hex')}`;
}

/** Runs one statement on a short-lived connection (outside any store). */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** Opens stores in `schema` (migrating it), quietly. */
export function openStores(schema: string, options: Omit<PostgresStoresOptions, 'schema'> = {}): Promise<Stores> {
  if (!DATABASE_URL) throw new Error(SKIP_MESSAGE);
  return createPostgresStores(DATABASE_URL, silentLogger(), { ...options, schema });
}

/** Stores in a fresh schema, a way to reopen them, and a clean-up that drops the schema. */
export async function freshStores(): Promise<{ current(): Stores; reopen(): Promise<Stores>; cleanup(): Promise<void>; schema: string }> {
  const schema = freshSchemaName();
  let stores = await openStores(schema);
  return {
    schema,
    current: () => stores,
    async reopen() {
      await stores.close();
      stores = await openStores(schema);
      return stores;
    },
    async cleanup() {
      await stores.close();
      await dropSchema(schema);
    },
  };
}
