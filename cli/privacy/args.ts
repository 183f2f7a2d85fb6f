/** The arguments of `npm run data`: a command and its options, checked with zod. */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const HELP = `Usage:
  npm run data -- export --learner <id> [--out <file>]
  npm run data -- delete --learner <id> [--yes]
  npm run data -- purge [--days <n>]

Learners' call records, in the storage the server uses (STORAGE, DATA_DIR or DATABASE_URL,
read from the environment and .env exactly as the server reads them).

  export   every call record of the learner (header, transcript, scorecard, moderation,
           hints, disputes) as one JSON document, to stdout or to --out <file> (created with
           owner-only permissions; an existing file is not overwritten)
  delete   deletes every call record of the learner, after asking for confirmation (type
           "yes"); --yes skips the question. Prints how many calls were deleted.
  purge    deletes the calls started more than RETENTION_DAYS days ago (or --days <n>), as
           the server does at start-up and daily when RETENTION_DAYS is set

The learner id is the one in the call records: the Teams aadObjectId, or the Web Chat user
id (the assessor pages show it; /api/assessor/learners lists them).

Options:
  --learner <id>   the learner
  --out <file>     export: write here instead of stdout
  --yes            delete: do not ask
  --days <n>       purge: this many days instead of RETENTION_DAYS
  --help           this text

Exit status: 0 done, 1 failed (or deletion not confirmed), 2 bad usage or configuration.
`;

/** A wrong command line; the message says what. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const learner = z
  .string({ message: '--learner <id> is required' })
  .trim()
  .min(1, { message: '--learner <id> must not be empty' })
  .max(200, { message: '--learner is at most 200 characters' });

const commandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('export'), learner, out: z.string().min(1, { message: '--out needs a file name' }).optional() }).strict(),
  z.object({ command: z.literal('delete'), learner, yes: z.boolean().default(false) }).strict(),
  z
    .object({
      command: z.literal('purge'),
      days: z
        .string()
        .regex(/^\d{1,5}$/, { message: '--days must be a whole number of days' })
        .transform(Number)
        .pipe(z.number().min(1, { message: '--days must be at least 1' }).max(36_500, { message: '--days must be at most 36500' }))
        .optional(),
    })
    .strict(),
]);

/** A checked command line. */
export type DataCommand = z.infer<typeof commandSchema>;

/** `help` or the command. Throws {@link UsageError}. */
export function parseDataArgs(argv: readonly string[]): DataCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        learner: { type: 'string' },
        out: { type: 'string' },
        yes: { type: 'boolean' },
        days: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return 'help';
  if (positionals.length === 0) throw new UsageError('Which command? export, delete or purge.');
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  const input = Object.fromEntries(Object.entries({ command: positionals[0], ...values }).filter(([, v]) => v !== undefined));
  const result = commandSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.path[0] === 'command') throw new UsageError(`Unknown command "${positionals[0]}": use export, delete or purge.`);
  if (issue.code === 'unrecognized_keys') throw new UsageError(`--${issue.keys[0]} does not apply to ${positionals[0]}.`);
  throw new UsageError(issue.message);
}
