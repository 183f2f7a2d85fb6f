/**
 * Runs the offline marker exactly as a user does (`npm run --silent score -- FILES…`, contract §5)
 * and reads its JSON Lines. The marker is not imported: this is the public path.
 */
import { spawn } from 'node:child_process';
import { z } from 'zod';

// The contract lets the marker add fields (it already adds titles and references), so these
// schemas check what agreement needs and keep the rest out of the way instead of being strict.
const criterionResultSchema = z.object({ mark: z.enum(['met', 'partly', 'missed', 'n/a']), note: z.string().default('') });
const scoredLineSchema = z.object({
  file: z.string(),
  scenario: z.string(),
  criteria: z.record(z.string(), criterionResultSchema),
  score: z.number(),
  passed: z.boolean(),
});
const errorLineSchema = z.object({ file: z.string(), error: z.string() });

export type ScoredLine = z.infer<typeof scoredLineSchema>;

/** What one run of the score command gave. */
export interface ScoreRun {
  scored: ScoredLine[];
  errors: { file: string; error: string }[];
  /** lines that were neither (should be none: stdout is JSON Lines only) */
  unreadable: string[];
  exitCode: number | null;
  stderr: string;
}

/** Marks `files` with `npm run --silent score`, with SCENARIOS_DIR set to `scenariosDir`. */
export function runScore(files: readonly string[], scenariosDir: string, cwd = process.cwd()): Promise<ScoreRun> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', '--silent', 'score', '--', ...files], {
      cwd,
      env: { ...process.env, SCENARIOS_DIR: scenariosDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const run: ScoreRun = { scored: [], errors: [], unreadable: [], exitCode: code, stderr: err };
      for (const line of out.split('\n').filter((l) => l.trim())) {
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          run.unreadable.push(line);
          continue;
        }
        const scored = scoredLineSchema.safeParse(json);
        const error = errorLineSchema.safeParse(json);
        if (scored.success) run.scored.push(scored.data);
        else if (error.success) run.errors.push(error.data);
        else run.unreadable.push(line);
      }
      resolve(run);
    });
  });
}
