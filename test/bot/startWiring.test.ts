/**
 * The real entry point (`npm start`) as a child process: with RETENTION_DAYS set it deletes old
 * calls at start-up, and it reloads a scenario file changed on disk while it runs (health
 * still counting the scenarios), then stops cleanly.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LowdbCallStore } from '../../bot/storage/lowdbCallStore.js';
import { listeningUrl, loggedReload, runEntryPoint } from '../support/entryPoint.js';
import { newCall } from './storage/callStoreContract.js';
import { makeTempDir } from './storage/tempDir.js';

describe('npm start: retention and live reload', () => {
  it('purges calls past RETENTION_DAYS at start-up and reloads changed scenario files', async () => {
    const data = await makeTempDir();
    const scenarios = await makeTempDir('oct-scenarios-');
    try {
      cpSync('scenarios', scenarios.dir, { recursive: true });
      const calls = await LowdbCallStore.open(data.dir);
      await calls.create(newCall('Old', 's1', '2020-01-01T09:00:00.000Z', { id: 'old-call' }));
      await calls.create(newCall('New', 's1', new Date().toISOString(), { id: 'new-call' }));
      await calls.close();

      let health: { status: number; body: unknown } | undefined;
      const ergo = join(scenarios.dir, 'place-ergo-chairs.yaml');
      const { code, lines: seen } = await runEntryPoint(
        { PORT: '0', DATA_DIR: data.dir, SCENARIOS_DIR: scenarios.dir, RETENTION_DAYS: '30', LOG_LEVEL: 'info' },
        {
          timeoutMs: 30_000,
          onLine: (line, run) => {
            const url = listeningUrl(line);
            if (!url) return;
            // change a scenario and add one while the server runs
            writeFileSync(ergo, readFileSync(ergo, 'utf8').replace('CH-ERG-200: { onHand: 42 }', 'CH-ERG-200: { onHand: 9 }'));
            writeFileSync(join(scenarios.dir, 'extra.yaml'), readFileSync(ergo, 'utf8').replace('id: place-ergo-chairs', 'id: extra-chairs'));
            const poll = setInterval(() => {
              if (!loggedReload(run.lines, 'added', 'extra-chairs')) return;
              clearInterval(poll);
              void fetch(`${url}/healthz`)
                .then(async (r) => {
                  health = { status: r.status, body: await r.json() };
                })
                .finally(() => run.kill('SIGTERM'));
            }, 50);
          },
        },
      );

      expect(code).toBe(0);
      expect(seen).toContainEqual(expect.objectContaining({ msg: 'retention: old calls deleted', deleted: 1 }));
      expect(loggedReload(seen, 'changed', 'place-ergo-chairs')).toBe(true);
      expect(loggedReload(seen, 'added', 'extra-chairs')).toBe(true);
      expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
      expect(JSON.stringify(health?.body)).toContain('8 loaded');
      const after = await LowdbCallStore.open(data.dir);
      expect((await after.list()).rows.map((r) => r.id)).toEqual(['new-call']);
      await after.close();
    } finally {
      await data.remove();
      await scenarios.remove();
    }
  }, 40_000);
});
