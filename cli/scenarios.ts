/**
 * `npm run scenarios -- <command>`: the tutor's tools for scenario files.
 *   check [dir] [--json]        validate every file (errors as file:line) and print the truths
 *   new <id> --from <id>        copy a scenario file as the start of a new one
 *   test [id] [--json]          play the dialogues through the real bot; report every difference
 */
import { parseArgs } from 'node:util';
import { runCheck } from './scenarios/check.js';
import { NewScenarioError, newScenario, nextSteps } from './scenarios/new.js';

const HELP = `Usage:
  npm run scenarios -- check [dir] [--json]
  npm run scenarios -- new <id> --from <id> [--dir <dir>]
  npm run scenarios -- test [id] [--dir <dir>] [--json] [--verbose]

The tutor files live in dir (default: $SCENARIOS_DIR or ./scenarios): organisation files in
dir/organisations/*.yaml, scenario files in dir/*.yaml, example calls ("dialogues") in
dir/dialogues/<scenario-id>.yaml. Guide: docs/writing-scenarios.md.

  check   Checks every file. Each problem is printed as file:line: message; a bad file is
          skipped and the others are still checked. Then each scenario's truths are printed:
          the price breakdowns, delivery and collection dates, the credit position, stock,
          offers, the problem and escalation, follow-up limits, the terms explain_terms needs,
          and typical wrong figures.
  new     Copies the scenario --from into dir/<id>.yaml with the new id and a title to fill
          in, keeping every comment; refuses to overwrite a file or reuse an id, and checks
          the copy before writing it.
  test    Plays every dialogue (or only those of scenario <id>) through the real bot — the
          customer and the desk answering, the marker marking — and reports every mark that
          differs from the one the tutor expects, and every reply that broke the script
          (a check on the customer's or the desk's answer that failed, a call that ended
          early), each as file:line.

Options:
  --json      check/test: one JSON document instead of text
  --from      new: the scenario to copy
  --dir       new/test: the scenarios directory
  --verbose   test: print every conversation (by default only those with differences)
  --help      this text

Exit status: 0 when everything is as expected, 1 when a file has errors or a dialogue
differs, 2 for bad usage.
`;

async function main(argv: string[]): Promise<number> {
  const out = (t: string): void => void process.stdout.write(t);
  const err = (t: string): void => void process.stderr.write(t);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        from: { type: 'string' },
        dir: { type: 'string' },
        verbose: { type: 'boolean' },
      },
    });
  } catch (e) {
    err(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values: v, positionals: [command, ...rest] } = parsed;
  if (v.help || command === 'help') {
    out(HELP);
    return 0;
  }
  const usage = (problem: string): number => {
    err(`${problem}\n\n${HELP}`);
    return 2;
  };
  const defaultDir = process.env.SCENARIOS_DIR || 'scenarios';
  const only = (allowed: string[]): string | undefined =>
    (['json', 'from', 'dir', 'verbose'] as const).filter((k) => v[k] !== undefined && !allowed.includes(k)).map((k) => `--${k} does not apply to ${command}`)[0];
  switch (command) {
    case undefined:
      return usage('Which command? check, new or test.');
    case 'check': {
      const bad = only(['json']);
      if (bad || rest.length > 1) return usage(bad ?? `Unexpected argument "${rest[1]}".`);
      return runCheck(rest[0] ?? defaultDir, v.json === true, { out, err });
    }
    case 'new': {
      const bad = only(['from', 'dir']);
      if (bad) return usage(bad);
      if (rest.length !== 1 || !v.from) return usage('Use: new <id> --from <id>, e.g. new place-ergo-chairs-12 --from place-ergo-chairs');
      const dir = v.dir ?? defaultDir;
      try {
        out(nextSteps(newScenario(dir, rest[0], v.from), dir, rest[0]));
        return 0;
      } catch (e) {
        if (!(e instanceof NewScenarioError)) throw e;
        err(`${e.message}\n`);
        return 1;
      }
    }
    case 'test': {
      const bad = only(['json', 'dir', 'verbose']);
      if (bad || rest.length > 1) return usage(bad ?? `Unexpected argument "${rest[1]}".`);
      // the bot (customer, desk, marker, recogniser) is loaded only for this command
      const { runScenarioTests } = await import('./scenarios/test.js');
      return runScenarioTests({ dir: v.dir ?? defaultDir, only: rest[0], json: v.json === true, verbose: v.verbose === true }, { out, err });
    }
    default:
      return usage(`Unknown command "${command}": use check, new or test.`);
  }
}

// `check | head` closes the pipe early: that is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`npm run scenarios failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
