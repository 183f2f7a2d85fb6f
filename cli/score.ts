/**
 * `npm run --silent score -- [--scenario <id>] <file.transcript> [<file.transcript> …]`
 *
 * Marks stored transcripts (contract §5): one JSON object per file on stdout (JSON Lines),
 * `{"file", "error"}` for a file that cannot be read or marked, and a non-zero exit after
 * marking the rest. Scenarios are loaded once from SCENARIOS_DIR (default ./scenarios).
 * Logs go to stderr only.
 */
import { BatchMarker } from '../dialogs/marking/transcript-file.js';

interface Args {
  scenario?: string;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const out: Args = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scenario') {
      out.scenario = argv[++i];
      if (!out.scenario) throw new Error('--scenario needs a scenario id');
    } else if (a.startsWith('--scenario=')) {
      out.scenario = a.slice('--scenario='.length);
    } else if (a === '--help' || a === '-h') {
      process.stderr.write('usage: npm run --silent score -- [--scenario <id>] <file.transcript> [...]\n');
      process.exit(0);
    } else {
      out.files.push(a);
    }
  }
  return out;
}

function main(): number {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`score: ${(e as Error).message}\n`);
    return 2;
  }
  if (args.files.length === 0) {
    process.stderr.write('score: no transcript files given\nusage: npm run --silent score -- [--scenario <id>] <file.transcript> [...]\n');
    return 2;
  }
  const dir = process.env.SCENARIOS_DIR || './scenarios';
  const marker = new BatchMarker(dir);
  for (const e of marker.loadErrors) process.stderr.write(`score: scenario file skipped: ${e}\n`);
  let failed = 0;
  const out: string[] = [];
  for (const file of args.files) {
    try {
      out.push(JSON.stringify(marker.markFile(file, args.scenario)));
    } catch (e) {
      failed++;
      out.push(JSON.stringify({ file, error: (e as Error).message }));
      process.stderr.write(`score: ${file}: ${(e as Error).message}\n`);
    }
    if (out.length >= 64) {
      process.stdout.write(`${out.join('\n')}\n`);
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return failed ? 1 : 0;
}

process.exitCode = main();
