/**
 * `npm run data -- export|delete|purge …`: learners' call records for data-protection
 * requests and retention. See `npm run data -- --help` and cli/privacy/run.ts.
 */
import { createInterface } from 'node:readline/promises';
import { pino } from 'pino';
import { loadDotEnv } from '../bot/config.js';
import { runData } from './privacy/run.js';

/** Reads one line from stdin after printing the question on stderr (stdout may carry data). */
async function ask(question: string): Promise<string | undefined> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true });
  try {
    const closed = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
    return await Promise.race([rl.question(question), closed]);
  } finally {
    rl.close();
  }
}

loadDotEnv();
runData(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  ask,
  now: () => new Date(),
  logger: pino({ name: 'data', level: 'warn' }, pino.destination({ fd: 2, sync: true })),
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    process.stderr.write(`npm run data failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
