/**
 * A server under measurement: started as a child process, warmed up with one call (not
 * measured: the first call loads the language models and compiles the hot code), then
 * measured in rounds. The run interleaves the rounds of all its servers (echo, trainer,
 * trainer with history, …) so that other work on the machine weighs on each alike; each
 * server reports its best round.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { peakRssBytes, startServerProcess, type ServerProcess, type ServerProcessOptions } from './child.js';
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
  /** The server is bench/profiled-trainer.ts: profile its measured rounds (SIGUSR2 around them). */
  profile?: boolean;
  quiet?: boolean;
}

/** One round's load, with the server's CPU time per turn. */
export type RoundResult = LoadResult & { cpuMsPerTurn?: number };

/** A measured server: its best round, and facts about the process. */
export interface PhaseResult extends RoundResult {
  label: string;
  /** From spawn to listening, ms. */
  startMs: number;
  /** The warm-up call (cold: first turns of the process), ms. */
  coldCallMs: number;
  /** Peak resident memory (VmHWM), bytes; undefined off Linux. */
  peakRssBytes?: number;
  /** turns/s of every round, in order (the other figures are the best round's). */
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

/** A started, warmed-up server whose rounds can be run when the caller chooses. */
export class ServerUnderTest {
  readonly #rounds: RoundResult[] = [];
  #profiling = false;

  private constructor(
    readonly options: PhaseOptions,
    readonly server: ServerProcess,
    readonly startMs: number,
    readonly coldCallMs: number,
  ) {}

  /** Starts the server and plays the warm-up call. */
  static async start(options: PhaseOptions): Promise<ServerUnderTest> {
    note(`${options.label}: starting ${options.server.entry}`, options.quiet);
    const spawned = performance.now();
    const server = await startServerProcess(options.server);
    const startMs = performance.now() - spawned;
    try {
      const warm = new LearnerClient(server.url, `${options.idPrefix}-warmup`, `${options.idPrefix}-warmup-learner`);
      const coldStarted = performance.now();
      for (const turn of REFERENCE_SCRIPT) await warm.send(turn);
      return new ServerUnderTest(options, server, startMs, performance.now() - coldStarted);
    } catch (err) {
      await server.stop('SIGKILL');
      throw err;
    }
  }

  /** Runs round `n` (fresh conversations, the same learners every round). */
  async round(n: number, of: number): Promise<RoundResult> {
    const { options, server } = this;
    if (options.profile && !this.#profiling) {
      server.signal('SIGUSR2');
      await server.waitForLog('profile started');
      this.#profiling = true;
    }
    const cpuBefore = await cpuTimeMs(server.pid);
    const load = await runLoad({
      url: server.url,
      learners: options.learners,
      callsPerLearner: options.callsPerLearner,
      idPrefix: `${options.idPrefix}-r${n}`,
      learnerPrefix: options.idPrefix,
      label: of > 1 ? `${options.label} #${n + 1}` : options.label,
      quiet: options.quiet,
    });
    const cpuAfter = await cpuTimeMs(server.pid);
    const result = {
      ...load,
      cpuMsPerTurn: cpuBefore !== undefined && cpuAfter !== undefined && load.turns > 0 ? (cpuAfter - cpuBefore) / load.turns : undefined,
    };
    this.#rounds.push(result);
    return result;
  }

  /** The best round (most turns/s) with the process's peak memory; writes the profile if one runs. */
  async result(): Promise<PhaseResult> {
    if (this.#rounds.length === 0) throw new Error(`${this.options.label}: no round was run`);
    if (this.#profiling) {
      this.server.signal('SIGUSR2');
      await this.server.waitForLog('profile written', 60_000);
      this.#profiling = false;
    }
    const best = this.#rounds.reduce((a, b) => (b.turnsPerSecond > a.turnsPerSecond ? b : a));
    return {
      ...best,
      failed: this.#rounds.reduce((n, r) => n + r.failed, 0),
      errors: this.#rounds.flatMap((r) => r.errors).slice(0, 5),
      label: this.options.label,
      startMs: this.startMs,
      coldCallMs: this.coldCallMs,
      peakRssBytes: await peakRssBytes(this.server.pid),
      roundsTurnsPerSecond: this.#rounds.map((r) => r.turnsPerSecond),
    };
  }

  /** Stops the server (SIGTERM); notes an unclean exit. */
  async stop(): Promise<void> {
    const exit = await this.server.stop('SIGTERM');
    if (exit.code !== 0) note(`${this.options.label}: server exited with code ${exit.code} (signal ${exit.signal})\n${this.server.output().slice(-1500)}`);
  }
}

/**
 * Starts every server (one after another, so start-up does not compete), runs `rounds`
 * rounds interleaved — round 1 on each server, then round 2 on each, … — and stops them all.
 * Results are in the order of `phases`.
 */
export async function runInterleaved(phases: readonly PhaseOptions[], rounds: number): Promise<PhaseResult[]> {
  const servers: ServerUnderTest[] = [];
  try {
    for (const phase of phases) servers.push(await ServerUnderTest.start(phase));
    for (let n = 0; n < rounds; n++) for (const s of servers) await s.round(n, rounds);
    const results: PhaseResult[] = [];
    for (const s of servers) results.push(await s.result());
    return results;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
