import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { appendFile, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LowdbCallStore } from '../../../bot/storage/lowdbCallStore.js';
import { describeCallStoreContract, message, newCall, scorecard } from './callStoreContract.js';
import { makeTempDir } from './tempDir.js';

describeCallStoreContract('lowdb', async () => {
  const tmp = await makeTempDir();
  let current = await LowdbCallStore.open(tmp.dir);
  return {
    store: current,
    async reopen() {
      await current.close();
      current = await LowdbCallStore.open(tmp.dir);
      return current;
    },
    async cleanup() {
      await current.close();
      await tmp.remove();
    },
  };
});

describe('lowdb call store files', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  let store: LowdbCallStore;
  beforeEach(async () => {
    tmp = await makeTempDir();
    store = await LowdbCallStore.open(tmp.dir);
  });
  afterEach(async () => {
    await store.close();
    await tmp.remove();
  });

  const mtimes = async (paths: string[]) => Promise.all(paths.map(async (p) => (await stat(p)).mtimeMs));

  it('writes a turn to that call’s transcript only: not the index, not other calls', async () => {
    const calls = [];
    for (let i = 0; i < 5; i++) calls.push(await store.create(newCall(`L${i}`, 's1')));
    const untouched = [
      join(tmp.dir, 'calls', 'index.jsonl'),
      ...calls.map((c) => join(tmp.dir, 'calls', c.id, 'call.json')),
      ...calls.slice(1).map((c) => join(tmp.dir, 'calls', c.id, 'transcript.jsonl')),
    ];
    const before = await mtimes(untouched);
    const indexBefore = await readFile(untouched[0], 'utf8');
    await new Promise((r) => setTimeout(r, 20));
    for (let t = 0; t < 5; t++) await store.appendActivities(calls[0].id, [message('user', `turn ${t}`)]);
    expect(await mtimes(untouched)).toEqual(before);
    expect(await readFile(untouched[0], 'utf8')).toBe(indexBefore);
    expect((await store.get(calls[0].id))?.transcript).toHaveLength(5);
  });

  it('refuses a turn for a call whose folder was removed after it was first written to', async () => {
    const c = await store.create(newCall('Gone', 's1'));
    await store.appendActivities(c.id, [message('user', 'first')]);
    // e.g. `npm run data -- purge` in another process
    await rm(join(tmp.dir, 'calls', c.id), { recursive: true });
    await expect(store.appendActivities(c.id, [message('user', 'second')])).rejects.toMatchObject({ name: 'CallNotFoundError' });
    await expect(stat(join(tmp.dir, 'calls', c.id))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('ignores a transcript line torn by a crash, and cuts it before the next append', async () => {
    const c = await store.create(newCall('Tor', 's1'));
    await store.appendActivities(c.id, [message('user', 'whole line')]);
    const path = join(tmp.dir, 'calls', c.id, 'transcript.jsonl');
    await appendFile(path, '{"type":"message","text":"half a li');
    const reopened = await LowdbCallStore.open(tmp.dir);
    try {
      expect((await reopened.get(c.id))?.transcript.map((a) => a.text)).toEqual(['whole line']);
      await reopened.appendActivities(c.id, [message('bot', 'next line', 'customer')]);
      expect((await reopened.get(c.id))?.transcript.map((a) => a.text)).toEqual(['whole line', 'next line']);
    } finally {
      await reopened.close();
    }
  });

  it('rebuilds a lost index from the call folders on open', async () => {
    const a = await store.create(newCall('Ida', 's1'));
    const b = await store.create(newCall('Jon', 's2'));
    await store.finish(b.id, { status: 'ended', scorecard: scorecard('s2', 90, true) });
    await rm(join(tmp.dir, 'calls', 'index.jsonl'));
    const reopened = await LowdbCallStore.open(tmp.dir);
    try {
      const rows = (await reopened.list({ sort: 'learner', order: 'asc' })).rows;
      expect(rows.map((r) => [r.id, r.status, r.score])).toEqual([
        [a.id, 'in-progress', undefined],
        [b.id, 'ended', 90],
      ]);
    } finally {
      await reopened.close();
    }
  });

  it('picks up a finish that reached the call but not the index', async () => {
    const c = await store.create(newCall('Kit', 's1'));
    const indexPath = join(tmp.dir, 'calls', 'index.jsonl');
    const indexBefore = await readFile(indexPath, 'utf8');
    await store.finish(c.id, { status: 'ended', scorecard: scorecard('s1', 75, true) });
    // Simulate a crash between the header write and the index append.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(indexPath, indexBefore);
    const reopened = await LowdbCallStore.open(tmp.dir);
    try {
      expect((await reopened.list()).rows[0]).toMatchObject({ id: c.id, status: 'ended', score: 75, passed: true });
    } finally {
      await reopened.close();
    }
  });

  it('counts the open disputes of calls indexed before summaries carried the count', async () => {
    const c = await store.create(newCall('Max', 's1'));
    await store.finish(c.id, { status: 'ended', scorecard: scorecard('s1', 60, false) });
    await store.addDispute(c.id, { criterion: 'opening', reason: 'I gave my name', by: 'learner-Max', at: '2025-03-05T12:00:00.000Z' });
    const quiet = await store.create(newCall('Ned', 's1'));
    await store.finish(quiet.id, { status: 'ended', scorecard: scorecard('s1', 80, true) });
    await store.close();
    // An index as an older release wrote it: the same rows without `openDisputes`.
    const indexPath = join(tmp.dir, 'calls', 'index.jsonl');
    const old = (await readFile(indexPath, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { op: string; row?: Record<string, unknown> })
      .map((line) => {
        if (line.row) delete line.row.openDisputes;
        return JSON.stringify(line) + '\n';
      })
      .join('');
    expect(old).not.toContain('openDisputes');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(indexPath, old);
    store = await LowdbCallStore.open(tmp.dir);
    expect((await store.list({ disputed: true })).rows.map((r) => [r.id, r.openDisputes])).toEqual([[c.id, 1]]);
    expect((await store.list({ disputed: false })).rows.map((r) => r.id)).toEqual([quiet.id]);
  });

  it('sees calls another process created, on the next list', async () => {
    const other = await LowdbCallStore.open(tmp.dir);
    try {
      expect((await other.list()).total).toBe(0);
      await store.create(newCall('Lou', 's1'));
      expect((await other.list()).total).toBe(1);
    } finally {
      await other.close();
    }
  });
});
