/**
 * PostgreSQL for the benchmark (and the scale tests): a fresh schema on the server named by
 * `DATABASE_URL`, handed to child servers through libpq's `PGOPTIONS` (`-c search_path=…`,
 * which node-postgres reads for every connection — the start-up parameter decision 0005
 * chose), and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { silentLogger } from '../bot/logger.js';
import type { Stores } from '../bot/storage/index.js';
import { createPostgresStores } from '../bot/storage/postgres/index.js';

/** A schema of our own on a shared server. */
export interface ScratchSchema {
  readonly name: string;
  /** Environment for a child server using this schema. */
  readonly env: Record<string, string>;
  /** Opens the stores in the schema (migrating it). */
  open(): Promise<Stores>;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** Creates `<prefix>_<pid>_<random>` (migrated) on `databaseUrl`. */
export async function createScratchSchema(databaseUrl: string, prefix = 'oct_bench'): Promise<ScratchSchema> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const open = (): Promise<Stores> => createPostgresStores(databaseUrl, silentLogger(), { schema: name });
  // Creating the stores once creates and migrates the schema, so servers start on a current one.
  await (await open()).close();
  return {
    name,
    env: { STORAGE: 'postgres', DATABASE_URL: databaseUrl, PGOPTIONS: `-c search_path=${name}` },
    open,
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
