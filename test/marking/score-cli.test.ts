/** `npm run score`: JSON Lines on stdout, an error line per bad file, non-zero exit after the rest. */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CRITERIA } from '../../dialogs/marking/criteria.js';

function score(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'cli/score.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, lines: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), stderr: r.stderr };
}

describe('score command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'score-'));
  const broken = join(dir, 'broken.transcript');
  writeFileSync(broken, '{ not json');
  const good = 'test/fixtures/transcripts/tutor-blenders-strong.transcript';

  it('prints one scorecard per file, then an error line for a bad file, and exits non-zero', () => {
    const r = score([good, broken, good], { SCENARIOS_DIR: 'test/fixtures/scenarios' });
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(3);
    const [a, b, c] = r.lines as { file: string; criteria?: Record<string, unknown>; error?: string; scenario?: string; score?: number; passed?: boolean }[];
    expect(a.file).toBe(good);
    expect(a.scenario).toBe('place-blenders-bundle');
    expect(Object.keys(a.criteria ?? {})).toEqual([...CRITERIA]);
    expect(typeof a.score).toBe('number');
    expect(typeof a.passed).toBe('boolean');
    expect(b).toEqual({ file: broken, error: expect.stringMatching(/cannot read transcript/) });
    expect(c.score).toBe(a.score);
  }, 60_000);

  it('uses --scenario over the /start line, and exits 0 when every file is marked', () => {
    const r = score(['--scenario', 'place-blenders-bundle', good], { SCENARIOS_DIR: 'test/fixtures/scenarios' });
    expect(r.code).toBe(0);
    expect(r.lines[0].scenario).toBe('place-blenders-bundle');
  }, 60_000);

  it('reports an unknown scenario as an error line', () => {
    const r = score([good]); // the shipped directory has no such scenario
    expect(r.code).toBe(1);
    expect(r.lines[0]).toEqual({ file: good, error: expect.stringMatching(/unknown scenario "place-blenders-bundle"/) });
  }, 60_000);
});
