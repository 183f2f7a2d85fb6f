/**
 * One measured server: start it as a child process, warm it up with one call (not
 * measured: the first call loads the language models and compiles the hot code), run the
 * load, read its peak memory and CPU time, stop it.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { peakRssBytes, startServerProcess, type ServerProcessOptions } from './child.js';
import { LearnerClient, REFERENCE_SCRIPT } from './learner.js';
import { runLoad, type LoadResult } from './load.js';
import { note } from './progress.js';

/** What to measure. */
export interface PhaseOptions {
  label: string;
  server: ServerProcessOptions;
  learners: number;
  callsPerLearner: number;
  /** Prefix of conversation and learner ids (learner `i` is `<idPrefix>-learner-<i>` in every round). */
  idPrefix: string;
  /** Loads run one after another on the same server; the best (most turns/s) is reported. */
  rounds?: number;
  /** The server is bench/profiled-trainer.ts: profile the measured rounds (SIGUSR2 around them). */
  profile?: boolean;
  quiet?: boolean;
}

/** A measured server. */
export interface PhaseResult extends LoadResult {
  label: string;
  /** From spawn to listening, ms. */
  startMs: number;
  /** The warm-up call (cold: first turns of the process), ms. */
  coldCallMs: number;
  /** Peak resident memory (VmHWM), bytes; undefined off Linux. */
  peakRssBytes?: number;
  /** Server CPU time (user + system) per measured turn, ms; undefined off Linux. */
  cpuMsPerTurn?: number;
  /** turns/s of every round, in order (the figures above are the best round's). */
  roundsTurnsPerSecond: number[];
}

/** Server CPU time so far (user + system), ms, from `/proc/<pid>/stat`. */
export async function cpuTimeMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state(0) … utime(11) stime(12), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return undefined;
  }
}

let ticks: number | undefined;
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/** Runs one phase; the server is always stopped, and its exit must be clean. */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  note(`${options.label}: starting ${options.server.entry}`, options.quiet);
  const spawned = performance.now();
  const server = await startServerProcess(options.server);
  const startMs = performance.now() - spawned;
  try {
    const warm = new LearnerClient(server.url, `${options.idPrefix}-warmup`, `${options.idPrefix}-warmup-learner`);
    const coldStarted = performance.now();
    for (const turn of REFERENCE_SCRIPT) await warm.send(turn);
    const coldCallMs = performance.now() - coldStarted;
    if (options.profile) {
      server.signal('SIGUSR2');
      await server.waitForLog('profile started');
    }
    const rounds: (LoadResult & { cpuMsPerTurn?: number })[] = [];
    for (let round = 0; round < Math.max(1, options.rounds ?? 1); round++) {
      const cpuBefore = await cpuTimeMs(server.pid);
      const load = await runLoad({
        url: server.url,
        learners: options.learners,
        callsPerLearner: options.callsPerLearner,
        idPrefix: `${options.idPrefix}-r${round}`,
        learnerPrefix: options.idPrefix,
        label: options.rounds && options.rounds > 1 ? `${options.label} #${round + 1}` : options.label,
        quiet: options.quiet,
      });
      const cpuAfter = await cpuTimeMs(server.pid);
      rounds.push({
        ...load,
        cpuMsPerTurn: cpuBefore !== undefined && cpuAfter !== undefined && load.turns > 0 ? (cpuAfter - cpuBefore) / load.turns : undefined,
      });
    }
    if (options.profile) {
      server.signal('SIGUSR2');
      await server.waitForLog('profile written', 60_000);
    }
    const best = rounds.reduce((a, b) => (b.turnsPerSecond > a.turnsPerSecond ? b : a));
    return {
      ...best,
      failed: rounds.reduce((n, r) => n + r.failed, 0),
      errors: rounds.flatMap((r) => r.errors).slice(0, 5),
      label: options.label,
      startMs,
      coldCallMs,
      peakRssBytes: await peakRssBytes(server.pid),
      roundsTurnsPerSecond: rounds.map((r) => r.turnsPerSecond),
    };
  } finally {
    const exit = await server.stop('SIGTERM');
    if (exit.code !== 0) note(`${options.label}: server exited with code ${exit.code} (signal ${exit.signal})\n${server.output().slice(-1500)}`);
  }
}
