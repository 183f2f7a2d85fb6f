/**
 * Plays the held-out learner scripts through the real bot (the `npm run simulate` harness) and
 * writes each call's stored transcript next to the scripts' folder.
 *
 *   npx tsx test/heldout/generate.ts <script.txt> [<script.txt> …]
 *
 * A script is one learner line per line, after a header of `# key: value` lines:
 * `scenario` (required), `seed` (the customer's seed, default 1), `learner` (the adviser's
 * display name), `scenarios` (the scenario folder, default `scenarios`). The transcript goes to
 * `<script folder>/../<script name>.transcript` and the call is printed (without the scorecard,
 * so the author labels the call blind to the marker).
 *
 * This is an authoring tool: the committed transcripts and their hand labels are the fixtures;
 * regenerating after the customer simulator changes may give different customer lines, and the
 * labels must then be checked again by hand.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { simulate } from '../../cli/simulate/run.js';

/** A parsed learner script. */
export interface LearnerScript {
  scenario: string;
  seed: number;
  learner: string;
  scenariosDir: string;
  lines: string[];
}

/** Thrown when a script file cannot be used. */
export class ScriptError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ScriptError';
  }
}

/** Reads a script file (header `# key: value` lines, then one learner line per line). */
export function parseScript(file: string, text: string): LearnerScript {
  const header = new Map<string, string>();
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = /^#\s*(\w+):\s*(.+?)\s*$/.exec(raw);
    if (m && lines.length === 0) header.set(m[1], m[2]);
    else if (raw.trim() && !raw.startsWith('#')) lines.push(raw.trim());
  }
  const scenario = header.get('scenario');
  if (!scenario) throw new ScriptError(file, 'no "# scenario: <id>" header');
  const seed = Number(header.get('seed') ?? '1');
  if (!Number.isInteger(seed) || seed < 0) throw new ScriptError(file, `seed must be a whole number, not ${header.get('seed')}`);
  return { scenario, seed, learner: header.get('learner') ?? 'Learner', scenariosDir: header.get('scenarios') ?? 'scenarios', lines };
}

interface StoredActivity {
  text?: string;
  from?: { role?: string };
  channelData?: { speaker?: string; scorecard?: unknown };
}

/** One line per activity, as the author reads a call (coach text shortened, no scorecard). */
export function describe(transcript: StoredActivity[]): string {
  return transcript
    .filter((a) => a.channelData?.scorecard === undefined)
    .map((a, i) => {
      const who = a.from?.role === 'user' ? 'LEARNER' : (a.channelData?.speaker ?? 'bot');
      const text = (a.text ?? '').replace(/\n/g, '\n      ');
      return `${String(i).padStart(2)} [${who}] ${who === 'coach' ? text.slice(0, 120) : text}`;
    })
    .join('\n');
}

async function generate(file: string): Promise<void> {
  const script = parseScript(file, readFileSync(file, 'utf8'));
  const loaded = loadScenarioDir(script.scenariosDir);
  const out = join(dirname(dirname(file)), `${basename(file).replace(/\.txt$/, '')}.transcript`);
  async function* lines(): AsyncGenerator<string> {
    yield* script.lines;
  }
  await simulate(
    {
      scenarios: loaded.scenarios,
      scenarioId: script.scenario,
      seed: script.seed,
      mode: 'practice',
      learner: { id: `heldout:${script.learner.toLowerCase()}`, name: script.learner },
      transcriptFile: out,
      colour: false,
    },
    { lines: lines(), write: () => undefined },
  );
  const transcript = JSON.parse(readFileSync(out, 'utf8')) as StoredActivity[];
  process.stdout.write(`===== ${out}\n${describe(transcript)}\n`);
}

for (const file of process.argv.slice(2)) await generate(file);
