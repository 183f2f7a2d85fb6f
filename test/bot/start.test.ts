/**
 * The real entry point (`bot/index.ts`, what `npm start` runs) as a child process: it stops
 * on bad configuration with the variable named, and shuts down cleanly on SIGTERM.
 */
import { describe, it, expect } from '@jest/globals';
import { listeningUrl, runEntryPoint } from '../support/entryPoint.js';
import { makeTempDir } from './storage/tempDir.js';

describe('npm start', () => {
  it('refuses to start with a bad setting, naming it', async () => {
    const { code, stderr } = await runEntryPoint({ PORT: 'eighty', STORAGE: 'postgres' });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toMatch(/PORT .*"eighty"/);
    expect(stderr).toContain('DATABASE_URL is required when STORAGE=postgres');
  });

  it('serves, then on SIGTERM finishes and exits 0', async () => {
    const tmp = await makeTempDir();
    try {
      let health: unknown;
      const { code, stdout } = await runEntryPoint(
        { PORT: '0', DATA_DIR: tmp.dir, LOG_LEVEL: 'info' },
        {
          onLine: (line, run) => {
            const url = listeningUrl(line);
            if (!url) return;
            void fetch(`${url}/healthz`)
              .then(async (r) => {
                health = { status: r.status, body: await r.json() };
              })
              .finally(() => run.kill('SIGTERM'));
          },
        },
      );
      expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
      expect(code).toBe(0);
      expect(stdout).toContain('stopped cleanly');
    } finally {
      await tmp.remove();
    }
  });
});
