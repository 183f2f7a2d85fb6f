/** `npm run simulate`: a call played in the terminal through the same bot, driven here by a script. */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simulate } from '../../cli/simulate/run.js';
import { transcriptSchema } from '../../domain/transcript.js';
import { scenarios } from '../dialogs/helpers/botHarness.js';
import { COMPETENT_SCRIPTS } from './competentScripts.js';

async function* from(lines: string[]): AsyncIterable<string> {
  for (const l of lines) yield l;
}

const run = promisify(execFile);

describe('simulate', () => {
  it('plays a scripted call to the scorecard, printing who speaks, and writes the transcript', async () => {
    let out = '';
    const file = join(tmpdir(), `simulate-${process.pid}.transcript`);
    const result = await simulate(
      {
        scenarios: scenarios(),
        scenarioId: 'cancel-home-desk',
        seed: 3,
        mode: 'practice',
        learner: { id: 'terminal:test', name: 'test' },
        transcriptFile: file,
        colour: false,
      },
      { lines: from(COMPETENT_SCRIPTS['cancel-home-desk']), write: (t) => (out += t) },
    );
    expect(result.scorecard?.passed).toBe(true);
    expect(out).toMatch(/^Seed 3 \(replay this call with --seed 3\)/);
    expect(out).toContain('\nCoach: Practice call: cancel-home-desk.');
    expect(out).toMatch(/\nCustomer: /);
    expect(out).toContain('\nDesk: Collection booked · order SO-51877');
    expect(out).toContain('\nCoach: Scorecard · cancel-home-desk');
    const transcript = transcriptSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(transcript[0].text).toBe('/start cancel-home-desk');
    await rm(file, { force: true });
  }, 60_000);

  it('ends the call with /end when the input runs out, and can leave with /quit', async () => {
    let out = '';
    const result = await simulate(
      { scenarios: scenarios(), scenarioId: 'place-ergo-chairs', seed: 1, mode: 'assessment', learner: { id: 'terminal:q', name: 'q' }, colour: false },
      { lines: from(['Hello, Harbour & Pike, Sam speaking.', '/quit', 'never sent']), write: (t) => (out += t) },
    );
    expect(out).toContain('Coach: Assessment call: place-ergo-chairs.');
    expect(out).not.toContain('never sent');
    expect(result.scorecard?.passed).toBe(false);
  }, 60_000);

  it('explains itself with --help and refuses an unknown scenario', async () => {
    const tsx = ['node_modules/tsx/dist/cli.mjs', 'cli/simulate.ts'];
    const help = await run(process.execPath, [...tsx, '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/^Usage: npm run simulate -- <scenario-id> \[options\]/);
    expect(help.stdout).toContain('--seed N');
    const bad = await run(process.execPath, [...tsx, 'no-such-scenario'], { encoding: 'utf8' }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toContain('No scenario "no-such-scenario"');
  }, 60_000);
});
