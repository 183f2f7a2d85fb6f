import { describe, it, expect } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
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
