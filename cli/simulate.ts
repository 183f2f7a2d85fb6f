/**
 * `npm run simulate -- <scenario-id> [--seed N] [--mode assessment]`: practise a call in the
 * terminal, through the same bot that serves Teams and Web Chat.
 */
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import { parseArgs } from 'node:util';
import { formatIssue } from '../domain/scenario/errors.js';
import { loadScenarioDir } from '../domain/scenario/load.js';
import { randomSeed } from '../dialogs/random.js';

const HELP = `Usage: npm run simulate -- <scenario-id> [options]

Plays a practice call in the terminal: you are the adviser, the trainer plays the
customer, your desk commands (/account, /stock, /quote, /place, …) answer from the
order system, and the coach marks the call when you type /end (or the customer
hangs up). Type /help during the call for every command, /quit to leave.

Options:
  --seed N             the customer's seed (default: random; printed at the start).
                       The same seed and the same lines replay the same call.
  --mode MODE          practice (default, hints allowed) or assessment
  --scenarios DIR      scenario files (default: $SCENARIOS_DIR or ./scenarios)
  --data DIR           keep the call record in DIR (lowdb, as the server's DATA_DIR);
                       default: a temporary folder, removed afterwards
  --transcript FILE    write the call's transcript (.transcript JSON) to FILE
  --no-color           plain text
  --help               this text

Exit status: 0 when the call ran, 2 for bad usage or an unknown scenario.
`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        mode: { type: 'string' },
        scenarios: { type: 'string' },
        data: { type: 'string' },
        transcript: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`${positionals.length === 0 ? 'Which scenario?' : 'Give one scenario id.'}\n\n${HELP}`);
    return 2;
  }
  const mode = values.mode ?? 'practice';
  if (mode !== 'practice' && mode !== 'assessment') {
    process.stderr.write(`--mode must be practice or assessment, not "${mode}"\n`);
    return 2;
  }
  if (values.seed !== undefined && !/^\d{1,10}$/.test(values.seed)) {
    process.stderr.write(`--seed must be a whole number, not "${values.seed}"\n`);
    return 2;
  }
  const dir = values.scenarios ?? process.env.SCENARIOS_DIR ?? 'scenarios';
  const loaded = loadScenarioDir(dir);
  for (const e of loaded.errors) for (const i of e.issues) process.stderr.write(`${formatIssue(i)}\n`);
  const id = positionals[0];
  if (!loaded.scenarios.some((s) => s.scenario.id === id)) {
    const ids = loaded.scenarios.map((s) => `  ${s.scenario.id}`).join('\n') || '  (none)';
    process.stderr.write(`No scenario "${id}" in ${dir}. Scenarios:\n${ids}\n`);
    return 2;
  }
  const name = userInfo().username || 'learner';
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  // Take lines from now on, before the bot loads: readline drops lines (and the end of a piped
  // script) that arrive while nothing listens.
  const lines = queueLines(rl);
  if (process.stdin.isTTY) {
    rl.setPrompt('You: ');
    rl.on('line', () => setImmediate(() => rl.prompt()));
  }
  // The bot (and the language models it loads) only once the arguments are good.
  const { simulate } = await import('./simulate/run.js');
  const result = await simulate(
    {
      scenarios: loaded.scenarios,
      scenarioId: id,
      seed: values.seed !== undefined ? Number(values.seed) : randomSeed(),
      mode,
      learner: { id: `terminal:${name}`, name },
      ...(values.data ? { dataDir: values.data } : {}),
      ...(values.transcript ? { transcriptFile: values.transcript } : {}),
      colour: !values['no-color'] && process.stdout.isTTY === true && !process.env.NO_COLOR,
    },
    {
      lines,
      write: (t) => {
        process.stdout.write(t);
      },
    },
  );
  rl.close();
  if (result.scorecard) process.stdout.write(`Score ${result.scorecard.score} · ${result.scorecard.passed ? 'passed' : 'not passed'}\n`);
  return 0;
}

/**
 * Every line readline reads, buffered until the call asks for it, ending after the last line
 * once the input closes (a script piped in is played to its end).
 */
function queueLines(rl: Interface): AsyncIterable<string> {
  const buffered: string[] = [];
  let closed = false;
  let wake: (() => void) | undefined;
  rl.on('line', (line) => {
    buffered.push(line);
    wake?.();
  });
  rl.on('close', () => {
    closed = true;
    wake?.();
  });
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const next = buffered.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (closed) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`simulate failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
