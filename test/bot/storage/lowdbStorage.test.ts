import { describe, it, expect } from '@jest/globals';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { LowdbStorage } from '../../../bot/storage/lowdbStorage.js';
import { describeStateStorageContract } from './stateStorageContract.js';
import { makeTempDir } from './tempDir.js';

describeStateStorageContract('lowdb', async () => {
  const tmp = await makeTempDir();
  let current = new LowdbStorage(tmp.dir);
  return {
    storage: current,
    async reopen() {
      await current.close();
      current = new LowdbStorage(tmp.dir);
      return current;
    },
    async cleanup() {
      await current.close();
      await tmp.remove();
    },
  };
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  }
  return out.sort();
}

describe('lowdb state storage files', () => {
  it('keeps one small file per key, named by hash, with no temporary files left', async () => {
    const tmp = await makeTempDir();
    try {
      const storage = new LowdbStorage(tmp.dir);
      const keys = Array.from({ length: 50 }, (_, i) => `msteams/conversations/conv-${i}/`);
      for (const k of keys) await storage.write({ [k]: { turn: 1 } });
      await storage.write({ [keys[0]]: { turn: 2 } });
      const files = await filesUnder(tmp.dir);
      expect(files).toHaveLength(50);
      for (const f of files) expect(f).toMatch(/^state\/[0-9a-f]{2}\/[0-9a-f]{64}\.json$/);
      const stored = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(tmp.dir, f), 'utf8'))));
      expect(stored.map((s) => s.key).sort()).toEqual([...keys].sort());
      expect(stored.find((s) => s.key === keys[0]).value).toEqual({ turn: 2 });
    } finally {
      await tmp.remove();
    }
  });

  it('serves reads from memory after a write, as fresh objects, and forgets deleted keys', async () => {
    const tmp = await makeTempDir();
    try {
      const storage = new LowdbStorage(tmp.dir);
      const key = 'webchat/conversations/c1/';
      await storage.write({ [key]: { call: { turn: 1, lines: ['a'] } } });
      const first = await storage.read([key]);
      (first[key] as { call: { lines: string[] } }).call.lines.push('changed by the reader');
      const second = await storage.read([key]);
      expect(second[key]).toEqual({ call: { turn: 1, lines: ['a'] }, eTag: first[key].eTag });
      // one process owns DATA_DIR: the file is not read again while the key is cached
      const [file] = await filesUnder(tmp.dir);
      await rm(join(tmp.dir, file));
      expect((await storage.read([key]))[key]).toEqual(second[key]);
      await storage.delete([key]);
      expect(await storage.read([key])).toEqual({});
      await storage.close();
    } finally {
      await tmp.remove();
    }
  });

  it('never keeps a file read during a write of the same key', async () => {
    const tmp = await makeTempDir();
    try {
      const key = 'webchat/conversations/race/';
      const before = new LowdbStorage(tmp.dir);
      // large, so that reading it takes many chunks while the small write completes
      await before.write({ [key]: { turn: 0, padding: 'x'.repeat(8_000_000) } });
      await before.close();
      const storage = new LowdbStorage(tmp.dir);
      const [old] = await Promise.all([storage.read([key]), storage.write({ [key]: { turn: 1 } })]);
      expect(old[key]).toMatchObject({ turn: expect.any(Number) });
      expect((await storage.read([key]))[key]).toEqual({ turn: 1, eTag: expect.any(String) });
      await storage.close();
    } finally {
      await tmp.remove();
    }
  });

  it('reads and writes values as JSON text, the same values read() and write() see', async () => {
    const tmp = await makeTempDir();
    try {
      const storage = new LowdbStorage(tmp.dir);
      await storage.write({ a: { n: 1, text: 'ünïcode ✓' } });
      const a = await storage.readJson(['a', 'missing']);
      expect(Object.keys(a)).toEqual(['a']);
      expect(JSON.parse(a.a.json)).toEqual({ n: 1, text: 'ünïcode ✓' });
      expect(a.a.eTag).toBe((await storage.read(['a'])).a.eTag);

      await storage.writeJson({ b: JSON.stringify({ list: [1, 2], nested: { ok: true } }) });
      expect(await storage.read(['b'])).toEqual({ b: { list: [1, 2], nested: { ok: true }, eTag: expect.any(String) } });
      // and on disk in the same format, for a new process
      const reopened = new LowdbStorage(tmp.dir);
      expect((await reopened.readJson(['b'])).b.json).toBe('{"list":[1,2],"nested":{"ok":true}}');
      await expect(storage.writeJson({ c: '[1,2]' })).rejects.toThrow(TypeError);
      await storage.close();
      await reopened.close();
    } finally {
      await tmp.remove();
    }
  });

  it('refuses use after close', async () => {
    const tmp = await makeTempDir();
    try {
      const storage = new LowdbStorage(tmp.dir);
      await storage.close();
      await expect(storage.read(['a'])).rejects.toThrow(/closed/);
    } finally {
      await tmp.remove();
    }
  });
});
