/** The connection pool shared by the PostgreSQL stores. */
import pg from 'pg';
import type { Logger } from '../../logger.js';

/** A schema name we can put in SQL unquoted: lower-case letters, digits, underscores. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PoolOptions {
  logger: Logger;
  /** Use this schema (set as each connection's search_path) instead of the default. */
  schema?: string;
  /** Most connections at once (default 10). */
  max?: number;
}

/**
 * Opens a pool for `databaseUrl`. Errors of idle connections (a server restart, a network
 * drop) are logged instead of crashing the process; the pool replaces the connection.
 */
export function openPool(databaseUrl: string, options: PoolOptions): pg.Pool {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new RangeError(`Schema name "${options.schema}" must match ${SCHEMA_NAME}`);
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'order-call-trainer',
    // A start-up parameter, so it holds on every connection from its first query (a SET run
    // from the pool's 'connect' event would race the first query; CockroachDB also advises
    // setting session variables in the connection rather than with SET).
    ...(options.schema !== undefined ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', (err) => options.logger.error({ err }, 'PostgreSQL connection error (idle connection dropped)'));
  return pool;
}

/** `host:port/database` of a connection string, without user or password, for logs. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
