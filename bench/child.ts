/**
 * A server as a child process (the benchmark's echo bot and trainer, the fault and scale
 * tests' trainer): started with `node --import tsx <entry>`, so the child's pid is the
 * server's own (its peak memory is read from `/proc/<pid>/status`), ready once it logs its
 * URL, stopped with a signal.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { envSchema } from '../bot/config.js';

/** The repository root (this file lives in `bench/`). */
export const REPO_ROOT = resolve(import.meta.dirname, '..');

/**
 * Environment for the trainer (`bot/index.ts`) on a free port: every setting it reads is set —
 * to `extra`'s value, or blank (= its default) — so a developer's `.env`, which `npm start`
 * loads for unset variables only, cannot change what a benchmark or test runs against.
 */
export function trainerEnv(extra: Record<string, string> = {}): Record<string, string> {
  const blank = Object.fromEntries(Object.keys(envSchema.shape).map((name) => [name, '']));
  return { ...blank, PORT: '0', LOG_LEVEL: 'info', ...extra };
}

/** The server did not start (exited, or logged no URL in time). */
export class ServerStartError extends Error {
  constructor(
    readonly entry: string,
    reason: string,
    readonly output: string,
  ) {
    super(`${entry} did not start: ${reason}\n--- its output (last 2,000 characters) ---\n${output.slice(-2000)}`);
    this.name = 'ServerStartError';
  }
}

/** How to start a server. */
export interface ServerProcessOptions {
  /** Entry file, relative to the repository root (e.g. `bot/index.ts`). */
  entry: string;
  /** Environment on top of PATH, HOME, TZ and NODE_ENV=production (nothing else is inherited). */
  env?: Record<string, string>;
  /** Extra node flags (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** How long to wait for the URL (default 30 s). */
  startTimeoutMs?: number;
}

/** A running server process. */
export interface ServerProcess {
  readonly pid: number;
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Log lines (stdout JSON) whose `msg` contains `text`. */
  logged(text: string): Record<string, unknown>[];
  /** Sends a signal without waiting. */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the first log line (from now on, or already logged) whose `msg` contains `text`. */
  waitForLog(text: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (null if killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal; resolves when the process has exited. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `entry` and waits until it logs a line with a `url` (pino's JSON, as `bot/index.ts`
 * and `bench/echo-server.ts` do). Set `PORT=0` in `env` for a free port.
 * @throws ServerStartError with the child's output when it exits or logs no URL in time
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', options.entry],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const lines: Record<string, unknown>[] = [];
  let pending = '';
  let onUrl: ((url: string) => void) | undefined;
  const watchers = new Set<(entry: Record<string, unknown>) => void>();
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        lines.push(entry);
        if (typeof entry.url === 'string' && onUrl) onUrl(entry.url);
        for (const watch of watchers) watch(entry);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr.on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new ServerStartError(options.entry, `no URL logged within ${options.startTimeoutMs ?? 30_000} ms`, output));
    }, options.startTimeoutMs ?? 30_000);
    onUrl = (u) => {
      clearTimeout(timer);
      ready(u);
    };
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new ServerStartError(options.entry, `exited (code ${code}, signal ${signal})`, output));
    });
  });
  onUrl = undefined;
  return {
    pid: child.pid as number,
    url,
    exited,
    output: () => output,
    logged: (text) => lines.filter((l) => typeof l.msg === 'string' && l.msg.includes(text)),
    signal(signal) {
      child.kill(signal);
    },
    waitForLog(text, timeoutMs = 30_000) {
      const matches = (l: Record<string, unknown>): boolean => typeof l.msg === 'string' && l.msg.includes(text);
      const seen = lines.find(matches);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`${options.entry} logged no "${text}" within ${timeoutMs} ms`));
        }, timeoutMs);
        const watch = (entry: Record<string, unknown>): void => {
          if (!matches(entry)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(entry);
        };
        watchers.add(watch);
      });
    },
    async stop(signal = 'SIGTERM', timeoutMs = 20_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Peak resident memory of a live process in bytes (`VmHWM` in `/proc/<pid>/status`), or undefined off Linux. */
export async function peakRssBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
