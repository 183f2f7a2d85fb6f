/**
 * Plays held-out learner scripts (see `script.ts`) through the real bot — the in-process harness
 * of `npm run simulate` — and writes each call's stored transcript:
 *
 *   npx tsx test/heldout/generate.ts <folder>/scripts/<name>.txt [...]
 *
 * writes `<folder>/<name>.transcript` and prints the call (without the scorecard, so the author
 * labels it blind to the marker). This is an authoring tool: the committed transcripts and their
 * hand labels are the fixtures. Replaying a script after the customer simulator changes may give
 * other customer lines, and the labels must then be checked again by hand.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { simulate } from '../../cli/simulate/run.js';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { describeCall, parseScript, ScriptError, type ReadableActivity } from './script.js';

async function generate(file: string): Promise<void> {
  const script = parseScript(file, readFileSync(file, 'utf8'));
  const loaded = loadScenarioDir(script.scenariosDir);
  if (!loaded.scenarios.some((s) => s.scenario.id === script.scenario)) {
    throw new ScriptError(file, `no scenario "${script.scenario}" in ${script.scenariosDir}`);
  }
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
  const transcript = JSON.parse(readFileSync(out, 'utf8')) as ReadableActivity[];
  process.stdout.write(`===== ${out}\n${describeCall(transcript)}\n`);
}

try {
  for (const file of process.argv.slice(2)) await generate(file);
} catch (e) {
  process.stderr.write(`generate: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
