/**
 * Crash safety: a child process writes call records and bot state; we SIGKILL it mid-write,
 * reopen the data, and check that every call it reported finished is whole and that
 * everything stored can still be read.
 */
import { describe, it, expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LowdbCallStore } from '../../../bot/storage/lowdbCallStore.js';
import { LowdbStorage } from '../../../bot/storage/lowdbStorage.js';
import { makeTempDir } from './tempDir.js';

const writer = fileURLToPath(new URL('./fixtures/crashWriter.ts', import.meta.url));

/** Runs the writer until it has finished `calls` calls, then kills it; returns what it reported. */
function runAndKill(dataDir: string, calls: number): Promise<{ id: string; turns: number; n: number }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const finished: { id: string; turns: number; n: number }[] = [];
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        const [, id, turns, n] = line.split(' ');
        finished.push({ id, turns: Number(turns), n: Number(n) });
      }
      // Kill part-way through the next call's writes.
      if (finished.length >= calls && !child.killed) setTimeout(() => child.kill('SIGKILL'), 3);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(finished);
      else reject(new Error(`writer exited ${code}: ${err}`));
    });
  });
}

describe('lowdb storage after a crash', () => {
  it('keeps every finished call whole and stays readable', async () => {
    const tmp = await makeTempDir();
    try {
      const finished = await runAndKill(tmp.dir, 6);
      expect(finished.length).toBeGreaterThanOrEqual(6);

      const calls = await LowdbCallStore.open(tmp.dir);
      try {
        for (const f of finished) {
          const rec = await calls.get(f.id);
          expect(rec?.status).toBe('ended');
          expect(rec?.transcript).toHaveLength(f.turns);
          expect(rec?.score).toBe(f.n % 100);
        }
        const page = await calls.list({ limit: 10_000 });
        expect(page.rows.filter((r) => r.status === 'ended').map((r) => r.id).sort()).toEqual(finished.map((f) => f.id).sort());
        // Every listed call, including one cut off mid-way, reads back.
        for (const row of page.rows) await expect(calls.get(row.id)).resolves.toBeDefined();
        // And the store still takes writes.
        const next = await calls.create({ learner: { id: 'x', name: 'X' }, scenario: 's1', mode: 'practice', seed: 1 });
        await calls.appendActivities(next.id, [{ type: 'message', text: 'after', from: { role: 'user' } }]);
        expect((await calls.get(next.id))?.transcript).toHaveLength(1);
      } finally {
        await calls.close();
      }

      const state = new LowdbStorage(tmp.dir);
      const items = await state.read([0, 1, 2, 3, 4].map((i) => `webchat/conversations/c${i}/`));
      expect(Object.keys(items).length).toBeGreaterThan(0);
      for (const item of Object.values(items)) expect(typeof item.n).toBe('number');
      await state.close();
    } finally {
      await tmp.remove();
    }
  });
});
