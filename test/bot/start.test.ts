/**
 * The real entry point (`bot/index.ts`, what `npm start` runs) as a child process: it stops
 * on bad configuration with the variable named, and shuts down cleanly on SIGTERM.
 */
import { describe, it, expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { makeTempDir } from './storage/tempDir.js';

function run(env: Record<string, string>, onLine?: (line: string, kill: (s: NodeJS.Signals) => void) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine?.(line, (s) => child.kill(s));
    });
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start', () => {
  it('refuses to start with a bad setting, naming it', async () => {
    const { code, stderr } = await run({ PORT: 'eighty', STORAGE: 'postgres' });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toMatch(/PORT .*"eighty"/);
    expect(stderr).toContain('DATABASE_URL is required when STORAGE=postgres');
  });

  it('serves, then on SIGTERM finishes and exits 0', async () => {
    const tmp = await makeTempDir();
    try {
      let health: unknown;
      const { code, stdout } = await run({ PORT: '0', DATA_DIR: tmp.dir, LOG_LEVEL: 'info' }, (line, kill) => {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.url && entry.msg?.includes('listening')) {
          void fetch(`${entry.url}/healthz`)
            .then(async (r) => {
              health = { status: r.status, body: await r.json() };
            })
            .finally(() => kill('SIGTERM'));
        }
      });
      expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
      expect(code).toBe(0);
      expect(stdout).toContain('stopped cleanly');
    } finally {
      await tmp.remove();
    }
  });
});
