/**
 * `npm run scenarios -- check [dir] [--json]`: validate every scenario and organisation
 * file (errors as file:line, exit 1 if any) and print each scenario's truths.
 */
import { describeTruths } from '../domain/scenario/describe.js';
import { formatIssue } from '../domain/scenario/errors.js';
import { loadScenarioDir } from '../domain/scenario/load.js';
import { computeTruths } from '../domain/scenario/truths.js';

const HELP = `Usage: npm run scenarios -- check [dir] [--json]

Checks the tutor files in dir (default: $SCENARIOS_DIR or ./scenarios):
organisation files in dir/organisations/*.yaml and scenario files in dir/*.yaml.
Every problem is printed as file:line: message; a bad file is skipped and the
others are still checked. Then each scenario's truths are printed: the price
breakdowns, delivery and collection dates, the credit position, stock, offers,
the problem and escalation, follow-up limits, the terms explain_terms needs,
and typical wrong figures.

Options:
  --json     print one JSON document { scenarios: [{ file, id, title, truths }], errors: [...] }
  --help     this text

Exit status: 0 when every file is valid, 1 when any file has errors, 2 for bad usage.
`;

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  if (flags.has('--help') || args[0] === 'help' || args.length === 0) {
    process.stdout.write(HELP);
    return args.length === 0 && !flags.has('--help') ? 2 : 0;
  }
  const unknown = [...flags].filter((f) => f !== '--json');
  if (args[0] !== 'check' || args.length > 2 || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `unknown option ${unknown[0]}` : `unknown command: ${args.join(' ')}`}\n\n${HELP}`);
    return 2;
  }
  const dir = args[1] ?? process.env.SCENARIOS_DIR ?? 'scenarios';
  const result = loadScenarioDir(dir);
  const computed = result.scenarios.map((s) => ({ loaded: s, truths: computeTruths(s) }));

  if (flags.has('--json')) {
    const doc = {
      dir,
      scenarios: computed.map(({ loaded, truths }) => ({ file: loaded.file, id: loaded.scenario.id, title: loaded.scenario.title, truths })),
      errors: result.errors.map((e) => ({ file: e.file, issues: e.issues })),
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const { loaded, truths } of computed) {
      process.stdout.write(`${describeTruths(loaded, truths).join('\n')}\n\n`);
    }
    for (const e of result.errors) {
      for (const i of e.issues) process.stderr.write(`${formatIssue(i)}\n`);
    }
    const nIssues = result.errors.reduce((n, e) => n + e.issues.length, 0);
    process.stdout.write(
      `${computed.length} scenario${computed.length === 1 ? '' : 's'} OK (${result.organisations.size} organisation${result.organisations.size === 1 ? '' : 's'})` +
        (result.errors.length ? `; ${result.errors.length} file${result.errors.length === 1 ? '' : 's'} with ${nIssues} error${nIssues === 1 ? '' : 's'}` : '') +
        '\n',
    );
  }
  if (computed.length === 0 && result.errors.length === 0) {
    process.stderr.write(`no scenario files found in ${dir}\n`);
    return 1;
  }
  return result.errors.length > 0 ? 1 : 0;
}

// `check | head` closes the pipe early: that is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
