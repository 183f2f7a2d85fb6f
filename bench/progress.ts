/**
 * Progress on stderr: a cli-progress bar in a terminal, a line every two seconds otherwise
 * (CI logs), nothing with `--quiet`. stdout is left for the results.
 */
import cliProgress from 'cli-progress';

/** A progress display for one phase. */
export interface Progress {
  tick(by?: number): void;
  stop(): void;
}

/** Shows `label: value/total` progress on stderr. */
export function startProgress(label: string, total: number, unit: string, quiet = false): Progress {
  if (quiet) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(34)} {bar} {value}/{total} {unit} | {duration}s`,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { unit });
  let value = 0;
  return {
    tick(by = 1) {
      value += by;
      bar.update(value);
    },
    stop() {
      bar.stop();
    },
  };
}

/** One line of news on stderr (unless quiet). */
export function note(message: string, quiet = false): void {
  if (!quiet) process.stderr.write(`${message}\n`);
}
