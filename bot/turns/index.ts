/**
 * The turn lock for the configured storage: in-process for lowdb (one server owns a
 * DATA_DIR), PostgreSQL lease rows for `STORAGE=postgres` (any number of instances).
 */
import type { StorageConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { openPool } from '../storage/postgres/pool.js';
import { PostgresTurnLock } from './postgresTurnLock.js';
import { InProcessTurnLock, type TurnLock } from './turnLock.js';

export { TurnLockClosedError, TurnLockTimeoutError } from './errors.js';
export { PostgresTurnLock, type PostgresTurnLockOptions } from './postgresTurnLock.js';
export { InProcessTurnLock, conversationKey, serialiseTurns, type TurnLock } from './turnLock.js';

/**
 * Opens the lock for `storage`. The PostgreSQL lock has its own small pool (a few short
 * statements per turn) on the schema the stores migrated; `close()` ends it.
 * Open the stores first: they create the `turn_locks` table.
 */
export function openTurnLock(storage: StorageConfig, logger: Logger, options: { schema?: string } = {}): TurnLock {
  if (storage.kind !== 'postgres') return new InProcessTurnLock();
  const log = logger.child({ component: 'turn-lock' });
  const pool = openPool(storage.databaseUrl, { logger: log, max: 4, schema: options.schema });
  const lock = new PostgresTurnLock(pool, { logger: log });
  return {
    description: lock.description,
    run: (key, work) => lock.run(key, work),
    async close() {
      await lock.close();
      await pool.end();
    },
  };
}
