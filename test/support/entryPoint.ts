/**
 * Runs the real entry point (`bot/index.ts`, what `npm start` runs) as a child process with a
 * clean environment, reading its JSON log lines as they come, for tests of the whole server as
 * deployed. A test reacts to lines (e.g. the `listening` line with the URL) and stops the
 * process with a signal; a process still running after `timeoutMs` is killed.
 */
import { spawn } from 'node:child_process';

/** One log line of the server (pino JSON); a line that is not JSON is `{ msg: <the line> }`. */
export interface LogLine {
  msg?: string;
  url?: string;
  [field: string]: unknown;
}

/** What the test may do while the process runs. */
export interface RunningEntryPoint {
  /** Sends the process a signal (SIGTERM for a clean shutdown). */
  kill(signal: NodeJS.Signals): void;
  /** Every log line so far. */
  readonly lines: readonly LogLine[];
}

/** How the process ended. */
export interface EntryPointResult {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: LogLine[];
}

export interface EntryPointOptions {
  /** Called for each log line, in order. */
  onLine?: (line: LogLine, run: RunningEntryPoint) => void;
  /** Killed (SIGKILL) after this long; default 20 s. */
  timeoutMs?: number;
}

/** The URL of a `listening` log line, if this is one. */
export function listeningUrl(line: LogLine): string | undefined {
  return line.url && line.msg?.includes('listening') ? line.url : undefined;
}

/**
 * Starts `bot/index.ts` with only PATH, HOME, `NODE_ENV=test` and `env` set, and resolves when
 * it exits.
 */
export function runEntryPoint(env: Record<string, string>, options: EntryPointOptions = {}): Promise<EntryPointResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: LogLine[] = [];
    const run: RunningEntryPoint = { kill: (signal) => child.kill(signal), lines };
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      pending += d;
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const text of complete) {
        const line = parseLine(text);
        lines.push(line);
        options.onLine?.(line, run);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, lines });
    });
  });
}

function parseLine(text: string): LogLine {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as LogLine;
  } catch {
    // not JSON: kept as the message
  }
  return { msg: text };
}

/** Whether the server has logged a scenario reload that `change`d (added, changed, removed) scenario `id`. */
export function loggedReload(lines: readonly LogLine[], change: 'added' | 'changed' | 'removed', id: string): boolean {
  return lines.some((l) => l.msg === 'scenarios reloaded' && Array.isArray(l[change]) && (l[change] as unknown[]).includes(id));
}
