/**
 * `npm run data`: export, delete and purge over the storage the configuration names — lowdb
 * (DATA_DIR), and PostgreSQL when DATABASE_URL is set (a fresh schema named in the URL) — run
 * in process with the real configuration loading, plus the entry point as a child process.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { silentLogger } from '../../bot/logger.js';
import { DAY_MS } from '../../bot/retention.js';
import { LowdbCallStore } from '../../bot/storage/lowdbCallStore.js';
import { createPostgresStores } from '../../bot/storage/postgres/index.js';
import { runData, type DataIo, type LearnerExport } from '../../cli/privacy/run.js';
import type { CallStore } from '../../domain/calls.js';
import { message, newCall, scorecard } from '../bot/storage/callStoreContract.js';
import { DATABASE_URL, adminQuery, dropSchema, freshSchemaName } from '../bot/storage/postgresHarness.js';
import { makeTempDir } from '../bot/storage/tempDir.js';

const NOW = new Date('2026-06-30T12:00:00.000Z');

interface Run {
  code: number;
  out: string;
  err: string;
  asked: string[];
}

/** Runs the command line in process with this environment; `answers` reply to confirmation questions. */
async function data(env: NodeJS.ProcessEnv, argv: string[], answers: (string | undefined)[] = [], cwd = process.cwd()): Promise<Run> {
  const run: Run = { code: -1, out: '', err: '', asked: [] };
  const io: DataIo = {
    env,
    cwd,
    stdout: (t) => (run.out += t),
    stderr: (t) => (run.err += t),
    ask: async (q) => {
      run.asked.push(q);
      return answers.shift();
    },
    now: () => NOW,
    logger: silentLogger(),
  };
  run.code = await runData(argv, io);
  return run;
}

/** Ann: two calls (one marked and disputed, with a transcript), Bob: one, a year old. */
async function seed(calls: CallStore): Promise<void> {
  const a1 = await calls.create(newCall('Ann', 'place-ergo-chairs', '2026-06-01T09:00:00.000Z', { id: 'ann-1' }));
  await calls.appendActivities(a1.id, [message('user', '/start place-ergo-chairs'), message('bot', 'Hi, I’d like some chairs', 'customer')]);
  await calls.finish(a1.id, { status: 'ended', scorecard: scorecard('place-ergo-chairs', 60, false) });
  await calls.addDispute(a1.id, { criterion: 'opening', reason: 'I gave my name', by: 'learner-Ann', at: '2026-06-01T10:00:00.000Z' });
  await calls.create(newCall('Ann', 'cancel-home-desk', '2026-06-20T09:00:00.000Z', { id: 'ann-2' }));
  await calls.create(newCall('Bob', 'cancel-home-desk', new Date(NOW.getTime() - 365 * DAY_MS).toISOString(), { id: 'bob-1' }));
}

function describeDataCli(name: string, setup: () => Promise<{ env: NodeJS.ProcessEnv; open: () => Promise<{ calls: CallStore; close: () => Promise<void> }>; cleanup: () => Promise<void> }>): void {
  describe(`${name}: npm run data`, () => {
    let env: NodeJS.ProcessEnv;
    let open: () => Promise<{ calls: CallStore; close: () => Promise<void> }>;
    let cleanup: () => Promise<void>;
    const remaining = async (): Promise<string[]> => {
      const s = await open();
      try {
        return (await s.calls.list({ sort: 'startedAt', order: 'asc' })).rows.map((r) => r.id);
      } finally {
        await s.close();
      }
    };

    beforeEach(async () => {
      ({ env, open, cleanup } = await setup());
      const s = await open();
      await seed(s.calls);
      await s.close();
    });
    afterEach(async () => cleanup());

    it('exports every call record of one learner, and only theirs, as JSON on stdout', async () => {
      const r = await data(env, ['export', '--learner', 'learner-Ann']);
      expect(r.code).toBe(0);
      expect(r.err).toBe('Exported 2 calls of learner "learner-Ann".\n');
      const doc = JSON.parse(r.out) as LearnerExport;
      expect(doc.learner).toBe('learner-Ann');
      expect(doc.exportedAt).toBe(NOW.toISOString());
      expect(doc.calls.map((c) => c.id)).toEqual(['ann-1', 'ann-2']);
      expect(doc.calls.every((c) => c.learner.id === 'learner-Ann')).toBe(true);
      expect(doc.calls[0]).toMatchObject({ status: 'ended', score: 60, disputes: [{ criterion: 'opening', reason: 'I gave my name' }] });
      expect(doc.calls[0].transcript.map((t) => t.text)).toEqual(['/start place-ergo-chairs', 'Hi, I’d like some chairs']);
      expect(r.out).not.toContain('learner-Bob');
      const nobody = await data(env, ['export', '--learner', 'learner-nobody']);
      expect({ code: nobody.code, calls: (JSON.parse(nobody.out) as LearnerExport).calls }).toEqual({ code: 0, calls: [] });
    });

    it('exports to a new file only, readable by its owner alone', async () => {
      const tmp = await makeTempDir('oct-export-');
      try {
        const file = join(tmp.dir, 'ann.json');
        const r = await data(env, ['export', '--learner', 'learner-Ann', '--out', file]);
        expect({ code: r.code, out: r.out, err: r.err }).toEqual({ code: 0, out: '', err: `Exported 2 calls of learner "learner-Ann" to ${file}.\n` });
        expect((JSON.parse(await readFile(file, 'utf8')) as LearnerExport).calls).toHaveLength(2);
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        await writeFile(file, 'keep me');
        const again = await data(env, ['export', '--learner', 'learner-Ann', '--out', file]);
        expect({ code: again.code, err: again.err }).toEqual({ code: 1, err: `${file} already exists: choose another file or remove it first.\n` });
        expect(await readFile(file, 'utf8')).toBe('keep me');
      } finally {
        await tmp.remove();
      }
    });

    it('deletes a learner’s calls only once confirmed, and says how many', async () => {
      const declined = await data(env, ['delete', '--learner', 'learner-Ann'], ['no']);
      expect(declined.asked).toEqual(['Delete 2 calls of learner "learner-Ann" (Ann)? This cannot be undone. Type yes to delete: ']);
      expect({ code: declined.code, err: declined.err }).toEqual({ code: 1, err: 'Not confirmed: nothing deleted.\n' });
      expect(await data(env, ['delete', '--learner', 'learner-Ann'], [undefined])).toMatchObject({ code: 1 }); // input closed
      expect(await remaining()).toEqual(['bob-1', 'ann-1', 'ann-2']);

      const confirmed = await data(env, ['delete', '--learner', 'learner-Ann'], ['yes']);
      expect({ code: confirmed.code, out: confirmed.out }).toEqual({ code: 0, out: 'Deleted 2 calls of learner "learner-Ann".\n' });
      expect(await remaining()).toEqual(['bob-1']);
      expect(await data(env, ['delete', '--learner', 'learner-Ann'])).toMatchObject({ code: 0, out: 'No calls of learner "learner-Ann": nothing deleted.\n', asked: [] });
      const scripted = await data(env, ['delete', '--learner', 'learner-Bob', '--yes']);
      expect({ code: scripted.code, out: scripted.out, asked: scripted.asked }).toEqual({ code: 0, out: 'Deleted 1 call of learner "learner-Bob".\n', asked: [] });
      expect(await remaining()).toEqual([]);
    });

    it('purges calls past RETENTION_DAYS, or --days', async () => {
      const unset = await data(env, ['purge']);
      expect({ code: unset.code, err: unset.err }).toEqual({ code: 2, err: 'RETENTION_DAYS is not set: set it (see .env.example) or pass --days <n>.\n' });
      const r = await data({ ...env, RETENTION_DAYS: '90' }, ['purge']);
      expect({ code: r.code, out: r.out }).toEqual({ code: 0, out: 'Deleted 1 call started before 2026-04-01T12:00:00.000Z (older than 90 days).\n' });
      expect(await remaining()).toEqual(['ann-1', 'ann-2']);
      expect((await data(env, ['purge', '--days', '20'])).out).toBe('Deleted 1 call started before 2026-06-10T12:00:00.000Z (older than 20 days).\n');
      expect(await remaining()).toEqual(['ann-2']);
    });
  });
}

describeDataCli('lowdb', async () => {
  const tmp = await makeTempDir('oct-data-');
  const open = async () => {
    const calls = await LowdbCallStore.open(tmp.dir);
    return { calls, close: () => calls.close() };
  };
  return { env: { DATA_DIR: tmp.dir }, open, cleanup: () => tmp.remove() };
});

if (DATABASE_URL) {
  describeDataCli('PostgreSQL', async () => {
    const schema = freshSchemaName();
    await adminQuery(`CREATE SCHEMA ${schema}`);
    // the schema as a connection option in the URL, so the CLI reads it the way the server would
    const url = new URL(DATABASE_URL as string);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const open = async () => {
      const stores = await createPostgresStores(DATABASE_URL as string, silentLogger(), { schema });
      return { calls: stores.calls, close: () => stores.close() };
    };
    return { env: { STORAGE: 'postgres', DATABASE_URL: url.toString() }, open, cleanup: () => dropSchema(schema) };
  });
}

describe('npm run data: usage and configuration', () => {
  it.each([
    [[], 'Which command? export, delete or purge.'],
    [['export'], '--learner <id> is required'],
    [['erase', '--learner', 'x'], 'Unknown command "erase": use export, delete or purge.'],
    [['purge', '--learner', 'x'], '--learner does not apply to purge.'],
    [['delete', '--learner', 'x', '--force'], "Unknown option '--force'"],
    [['purge', '--days', 'ten'], '--days must be a whole number of days'],
    [['export', '--learner', 'x', 'y'], 'Unexpected argument "y".'],
  ])('%j: exit 2 with the problem and the usage', async (argv, problem) => {
    const r = await data({}, argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(problem);
    expect(r.err).toContain('Usage:');
  });

  it('refuses bad configuration as the server does, and a DATA_DIR that does not exist', async () => {
    const bad = await data({ STORAGE: 'postgres' }, ['purge', '--days', '30']);
    expect({ code: bad.code, err: bad.err }).toEqual({ code: 2, err: expect.stringContaining('DATABASE_URL is required when STORAGE=postgres') });
    const missing = await data({ DATA_DIR: 'no-such-folder' }, ['export', '--learner', 'x'], [], '/tmp');
    expect({ code: missing.code, err: missing.err }).toEqual({ code: 1, err: expect.stringContaining('DATA_DIR /tmp/no-such-folder does not exist') });
  });

  it('runs as npm run data: --help, and a deletion confirmed on stdin', async () => {
    const run = promisify(execFile);
    const help = await run(process.execPath, ['--import', 'tsx', 'cli/data.ts', '--help']);
    expect(help.stdout).toMatch(/^Usage:\n {2}npm run data -- export --learner <id> \[--out <file>\]/);
    const tmp = await makeTempDir('oct-data-');
    try {
      const calls = await LowdbCallStore.open(tmp.dir);
      await seed(calls);
      await calls.close();
      const child = execFile(process.execPath, ['--import', 'tsx', 'cli/data.ts', 'delete', '--learner', 'learner-Ann'], { env: { PATH: process.env.PATH, DATA_DIR: tmp.dir } });
      child.stdin?.end('yes\n');
      let out = '';
      child.stdout?.on('data', (d: string) => (out += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect({ code, out }).toEqual({ code: 0, out: 'Deleted 2 calls of learner "learner-Ann".\n' });
    } finally {
      await tmp.remove();
    }
  }, 30_000);
});
