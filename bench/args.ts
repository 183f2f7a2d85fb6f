/** Command-line options of `npm run bench`, validated with zod. */
import { z } from 'zod';

export const USAGE = `usage: npm run bench -- [options]

Runs a bare echo bot and the trainer (bot/index.ts) as child processes on loopback, drives
both with the same simulated learners (expectReplies), then the trainer again with stored
history, then offline marking. Results on stdout, progress on stderr.

  --quick                 8 learners, 1 round, 1,000 stored calls, 3 s of marking (about a minute)
  --learners <n>          learners at once (default 32)
  --calls <n>             calls per learner, one after another (default 1)
  --rounds <n>            loads per server, interleaved across servers; the best is reported
                          (default 2: less noise from other work on the machine)
  --history <n>           stored calls for the history run (default 10000; 0 skips it)
  --marking-seconds <s>   offline marking time (default 10; 0 skips it)
  --postgres              also run on PostgreSQL (default: when DATABASE_URL is set)
  --no-postgres           lowdb only, even when DATABASE_URL is set
  --cpu-prof              profile the trainer during the measured load and print its hot spots
                          (the .cpuprofile is kept in bench-profiles/ for Chrome DevTools)
  --json                  print the results as one JSON object instead of the table
  --quiet                 no progress on stderr
  --strict                exit 1 when a goal is missed
  --help                  this text
`;

const count = (min: number) => z.coerce.number().int().min(min);

export const benchOptionsSchema = z
  .object({
    learners: count(1).max(1000).default(32),
    calls: count(1).max(100).default(1),
    rounds: count(1).max(20).default(2),
    history: count(0).max(1_000_000).default(10_000),
    markingSeconds: z.coerce.number().min(0).max(600).default(10),
    postgres: z.boolean().optional(),
    cpuProf: z.boolean().default(false),
    json: z.boolean().default(false),
    quiet: z.boolean().default(false),
    strict: z.boolean().default(false),
    help: z.boolean().default(false),
  })
  .strict();
export type BenchOptions = z.infer<typeof benchOptionsSchema>;

/** A bad command line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const VALUE_FLAGS: Record<string, string> = {
  '--learners': 'learners',
  '--calls': 'calls',
  '--rounds': 'rounds',
  '--history': 'history',
  '--marking-seconds': 'markingSeconds',
};
const BOOLEAN_FLAGS: Record<string, [string, boolean]> = {
  '--postgres': ['postgres', true],
  '--no-postgres': ['postgres', false],
  '--cpu-prof': ['cpuProf', true],
  '--json': ['json', true],
  '--quiet': ['quiet', true],
  '--strict': ['strict', true],
  '--help': ['help', true],
  '-h': ['help', true],
};

/**
 * Parses `argv` (without node and script). `--quick` sets smaller defaults that explicit
 * flags still override.
 * @throws UsageError naming the bad flag or value
 */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const raw: Record<string, unknown> = {};
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--quick') quick = true;
    else if (flag in BOOLEAN_FLAGS) raw[BOOLEAN_FLAGS[flag][0]] = BOOLEAN_FLAGS[flag][1];
    else if (flag in VALUE_FLAGS) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      raw[VALUE_FLAGS[flag]] = value;
    } else throw new UsageError(`unknown option ${argv[i]}`);
  }
  if (quick) {
    raw.learners ??= 8;
    raw.rounds ??= 1;
    raw.history ??= 1000;
    raw.markingSeconds ??= 3;
  }
  const parsed = benchOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = Object.entries(VALUE_FLAGS).find(([, key]) => key === issue.path[0])?.[0] ?? String(issue.path[0]);
    throw new UsageError(`${flag}: ${issue.message}`);
  }
  return parsed.data;
}
