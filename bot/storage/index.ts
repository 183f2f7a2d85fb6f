/**
 * Opens the configured storage back-end: bot state (botbuilder `Storage`) and call records
 * (`CallStore`), with one health check and one shutdown for both.
 */
import { access, constants } from 'node:fs/promises';
import type { Storage } from 'botbuilder';
import type { CallStore } from '../../domain/calls.js';
import type { StorageConfig } from '../config.js';
import { silentLogger, type Logger } from '../logger.js';
import { mkdirDurable } from './fsAtomic.js';
import { LowdbCallStore } from './lowdbCallStore.js';
import { LowdbStorage } from './lowdbStorage.js';
import { createPostgresStores } from './postgres/index.js';

export { ETagConflictError, StorageClosedError, StorageFileError } from './errors.js';
export { LowdbCallStore } from './lowdbCallStore.js';
export { LowdbStorage } from './lowdbStorage.js';

/** Both stores of one back-end. */
export interface Stores {
  /** Bot state for `ConversationState` / `UserState`. */
  state: Storage;
  calls: CallStore;
  /** Human-readable description for logs (no secrets). */
  description: string;
  /** Resolves when both stores can serve; rejects with the reason otherwise. */
  ping(): Promise<void>;
  /** Waits for writes in flight and releases resources. */
  close(): Promise<void>;
}

/**
 * Opens the stores named by the configuration. For PostgreSQL this also brings the schema up
 * to date (logged to `logger`).
 */
export async function openStores(config: StorageConfig, logger: Logger = silentLogger()): Promise<Stores> {
  if (config.kind === 'postgres') return createPostgresStores(config.databaseUrl, logger);
  const { dataDir } = config;
  await mkdirDurable(dataDir);
  const state = new LowdbStorage(dataDir);
  const calls = await LowdbCallStore.open(dataDir);
  return {
    state,
    calls,
    description: `lowdb files in ${dataDir}`,
    async ping() {
      await access(dataDir, constants.W_OK);
      await calls.ping();
    },
    async close() {
      await Promise.all([state.close(), calls.close()]);
    },
  };
}
