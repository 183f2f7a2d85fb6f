/**
 * Retention (RETENTION_DAYS): the setting is validated with the rest of the configuration;
 * calls started more than N days ago are deleted — once at start-up, then on a schedule —
 * from lowdb, and from PostgreSQL when DATABASE_URL is set.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/logger.js';
import { DAY_MS, purgeExpiredCalls, retentionCutoff, startRetention } from '../../bot/retention.js';
import { LowdbCallStore } from '../../bot/storage/lowdbCallStore.js';
import type { CallStore } from '../../domain/calls.js';
import { newCall } from './storage/callStoreContract.js';
import { DATABASE_URL, freshStores } from './storage/postgresHarness.js';
import { makeTempDir } from './storage/tempDir.js';

const NOW = new Date('2026-06-30T12:00:00.000Z');
const daysAgo = (d: number, extraMs = 0): string => new Date(NOW.getTime() - d * DAY_MS + extraMs).toISOString();

describe('RETENTION_DAYS', () => {
  it('is off when unset or empty, a whole number of days otherwise', () => {
    expect(loadConfig({}).retentionDays).toBeUndefined();
    expect(loadConfig({ RETENTION_DAYS: '' }).retentionDays).toBeUndefined();
    expect(loadConfig({ RETENTION_DAYS: '365' }).retentionDays).toBe(365);
  });

  it.each([
    ['0', 'must be at least 1'],
    ['-3', 'must be at least 1'],
    ['1.5', 'must be a whole number of days'],
    ['a year', 'must be a whole number of days'],
    ['36501', 'must be at most 36500'],
  ])('refuses %s, naming the variable', (value, message) => {
    const error = (() => {
      try {
        loadConfig({ RETENTION_DAYS: value });
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues).toEqual([{ variable: 'RETENTION_DAYS', message: expect.stringContaining(message) }]);
  });
});

describe('retentionCutoff', () => {
  it('is N × 24 hours before now, and refuses a retention that is not whole days', () => {
    expect(retentionCutoff(30, NOW)).toBe('2026-05-31T12:00:00.000Z');
    expect(() => retentionCutoff(0, NOW)).toThrow(RangeError);
    expect(() => retentionCutoff(2.5, NOW)).toThrow(RangeError);
  });
});

/** Calls 10 days old, 30 days old less a second, 30 days and a second, and a year. */
async function seedAges(calls: CallStore): Promise<void> {
  const ages: [string, string][] = [
    ['fresh', daysAgo(10)],
    ['just-inside', daysAgo(30, 1000)],
    ['just-outside', daysAgo(30, -1000)],
    ['old', daysAgo(365)],
  ];
  for (const [id, startedAt] of ages) {
    const c = await calls.create(newCall(id, 's1', startedAt, { id }));
    if (id !== 'fresh') await calls.finish(c.id, { status: 'abandoned' });
  }
}

const ids = async (calls: CallStore): Promise<string[]> => (await calls.list({ sort: 'startedAt', order: 'asc' })).rows.map((r) => r.id);

function describeRetention(name: string, open: () => Promise<{ calls: CallStore; cleanup: () => Promise<void> }>): void {
  describe(`${name}: deleting calls past retention`, () => {
    let calls: CallStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ calls, cleanup } = await open());
      await seedAges(calls);
    });
    afterEach(async () => cleanup());

    it('deletes exactly the calls started before the cutoff, whatever their status', async () => {
      expect(await purgeExpiredCalls(calls, 30, NOW)).toEqual({ days: 30, before: '2026-05-31T12:00:00.000Z', deleted: 2 });
      expect(await ids(calls)).toEqual(['just-inside', 'fresh']);
      expect(await calls.get('old')).toBeUndefined();
      expect((await purgeExpiredCalls(calls, 30, NOW)).deleted).toBe(0);
    });

    it('runs at start-up, then on its schedule as time passes, logging what it deleted', async () => {
      const logs: { msg: string; deleted?: number }[] = [];
      const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (logs.push(JSON.parse(String(chunk))), done()) }));
      let now = NOW;
      const job = startRetention({ calls, days: 30, logger, now: () => now, intervalMs: 40 });
      await job.firstRun;
      expect(await ids(calls)).toEqual(['just-inside', 'fresh']);
      expect(logs).toEqual([expect.objectContaining({ msg: 'retention: old calls deleted', deleted: 2 })]);
      now = new Date(NOW.getTime() + 25 * DAY_MS); // 'fresh' is now 35 days old
      for (let i = 0; i < 100 && (await ids(calls)).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      await job.stop();
      expect(await ids(calls)).toEqual([]);
      expect(logs.filter((l) => l.msg === 'retention: old calls deleted').reduce((n, l) => n + (l.deleted ?? 0), 0)).toBe(4);
    });
  });
}

describeRetention('lowdb', async () => {
  const tmp = await makeTempDir();
  const calls = await LowdbCallStore.open(tmp.dir);
  return {
    calls,
    async cleanup() {
      await calls.close();
      await tmp.remove();
    },
  };
});

if (DATABASE_URL) {
  describeRetention('PostgreSQL', async () => {
    const db = await freshStores();
    return { calls: db.current().calls, cleanup: db.cleanup };
  });
}

describe('startRetention', () => {
  it('logs a failed purge instead of throwing, and refuses a retention under a day', async () => {
    const errors: { msg: string }[] = [];
    const logger = pino({ level: 'error' }, new Writable({ write: (chunk, _e, done) => (errors.push(JSON.parse(String(chunk))), done()) }));
    const tmp = await makeTempDir();
    const calls = await LowdbCallStore.open(tmp.dir);
    await calls.close(); // every operation now fails
    const job = startRetention({ calls, days: 7, logger, now: () => NOW, intervalMs: 60_000 });
    await job.firstRun;
    await job.stop();
    expect(errors).toEqual([expect.objectContaining({ msg: expect.stringMatching(/^retention: deleting old calls failed/) })]);
    await tmp.remove();
    expect(() => startRetention({ calls, days: 0, logger: silentLogger() })).toThrow(RangeError);
  });
});
