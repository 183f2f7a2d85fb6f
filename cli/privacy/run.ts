/**
 * `npm run data`: export or delete one learner's call records, or purge calls past the
 * retention period — over the storage the configuration names (the server's own loading).
 * Input and output are arguments so a test can drive a whole run.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { CallRecord, CallStore } from '../../domain/calls.js';
import { ConfigError, loadConfig, type AppConfig } from '../../bot/config.js';
import type { Logger } from '../../bot/logger.js';
import { purgeExpiredCalls } from '../../bot/retention.js';
import { openStores } from '../../bot/storage/index.js';
import { HELP, UsageError, parseDataArgs, type DataCommand } from './args.js';

/** Where a run reads and writes. */
export interface DataIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Asks a question; the answer, or undefined when there is no more input. */
  ask: (question: string) => Promise<string | undefined>;
  now: () => Date;
  /** Storage logs (e.g. PostgreSQL migrations); never stdout, which may carry an export. */
  logger: Logger;
}

/** The JSON document `export` writes. */
export interface LearnerExport {
  learner: string;
  exportedAt: string;
  calls: CallRecord[];
}

const PAGE = 1000;

/** Every call record of the learner, oldest first. */
export async function learnerCalls(calls: CallStore, learnerId: string): Promise<CallRecord[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await calls.list({ learner: learnerId, sort: 'startedAt', order: 'asc', limit: PAGE, offset });
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < PAGE) break;
  }
  const records: CallRecord[] = [];
  for (const id of ids) {
    const record = await calls.get(id);
    if (record) records.push(record); // deleted meanwhile: nothing to export
  }
  return records;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

async function exportLearner(calls: CallStore, cmd: Extract<DataCommand, { command: 'export' }>, io: DataIo): Promise<number> {
  const records = await learnerCalls(calls, cmd.learner);
  const doc: LearnerExport = { learner: cmd.learner, exportedAt: io.now().toISOString(), calls: records };
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (cmd.out) {
    try {
      await writeFile(cmd.out, text, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        io.stderr(`${cmd.out} already exists: choose another file or remove it first.\n`);
        return 1;
      }
      throw err;
    }
    io.stderr(`Exported ${plural(records.length, 'call')} of learner "${cmd.learner}" to ${cmd.out}.\n`);
  } else {
    io.stdout(text);
    io.stderr(`Exported ${plural(records.length, 'call')} of learner "${cmd.learner}".\n`);
  }
  return 0;
}

async function deleteLearner(calls: CallStore, cmd: Extract<DataCommand, { command: 'delete' }>, io: DataIo): Promise<number> {
  const { total, rows } = await calls.list({ learner: cmd.learner, limit: 1 });
  if (total === 0) {
    io.stdout(`No calls of learner "${cmd.learner}": nothing deleted.\n`);
    return 0;
  }
  if (!cmd.yes) {
    const name = rows[0].learner.name ? ` (${rows[0].learner.name})` : '';
    const answer = await io.ask(`Delete ${plural(total, 'call')} of learner "${cmd.learner}"${name}? This cannot be undone. Type yes to delete: `);
    if (!/^\s*y(es)?\s*$/i.test(answer ?? '')) {
      io.stderr('Not confirmed: nothing deleted.\n');
      return 1;
    }
  }
  const deleted = await calls.deleteByLearner(cmd.learner);
  io.stdout(`Deleted ${plural(deleted, 'call')} of learner "${cmd.learner}".\n`);
  return 0;
}

async function purge(calls: CallStore, cmd: Extract<DataCommand, { command: 'purge' }>, config: AppConfig, io: DataIo): Promise<number> {
  const days = cmd.days ?? config.retentionDays;
  if (days === undefined) {
    io.stderr('RETENTION_DAYS is not set: set it (see .env.example) or pass --days <n>.\n');
    return 2;
  }
  const result = await purgeExpiredCalls(calls, days, io.now());
  io.stdout(`Deleted ${plural(result.deleted, 'call')} started before ${result.before} (older than ${plural(days, 'day')}).\n`);
  return 0;
}

/** Runs the command line; resolves with the exit status. */
export async function runData(argv: readonly string[], io: DataIo): Promise<number> {
  let cmd: DataCommand | 'help';
  try {
    cmd = parseDataArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`${err.message}\n\n${HELP}`);
    return 2;
  }
  if (cmd === 'help') {
    io.stdout(HELP);
    return 0;
  }
  let config: AppConfig;
  try {
    config = loadConfig(io.env, io.cwd);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(`${err.message}\nSee .env.example for every setting.\n`);
    return 2;
  }
  if (config.storage.kind === 'lowdb' && !existsSync(config.storage.dataDir)) {
    io.stderr(`DATA_DIR ${config.storage.dataDir} does not exist: there are no call records there. Check DATA_DIR (or STORAGE).\n`);
    return 1;
  }
  const stores = await openStores(config.storage, io.logger);
  try {
    switch (cmd.command) {
      case 'export':
        return await exportLearner(stores.calls, cmd, io);
      case 'delete':
        return await deleteLearner(stores.calls, cmd, io);
      case 'purge':
        return await purge(stores.calls, cmd, config, io);
    }
  } finally {
    await stores.close();
  }
}
