/**
 * `npm run bench`: the trainer against a bare echo bot on the same stack, driven by the same
 * simulated learners; the trainer again with 10,000 stored calls (lowdb, and PostgreSQL when
 * DATABASE_URL is set); then offline marking. All servers run at once and their rounds are
 * interleaved. See bench/args.ts for the options and docs/performance.md for recorded figures.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbCallStore } from '../bot/storage/index.js';
import { loadScenarioDir } from '../domain/scenario/load.js';
import type { TranscriptActivity } from '../domain/transcript.js';
import { USAGE, UsageError, parseBenchArgs, type BenchOptions } from './args.js';
import { REPO_ROOT, trainerEnv } from './child.js';
import { REFERENCE_SCRIPT } from './learner.js';
import { benchMarking } from './marking.js';
import { runInterleaved, type PhaseOptions, type PhaseResult } from './phase.js';
import { createScratchSchema, type ScratchSchema } from './postgres.js';
import { summariseProfile } from './profile.js';
import { note, startProgress } from './progress.js';
import { checkGoals, formatReport, machine, type BenchResults } from './report.js';
import { seedCalls, seedLowdbFiles, verifySeeded, type SeedOptions } from './seed.js';

const TRAINER = 'bot/index.ts';
const PROFILED_TRAINER = 'bench/profiled-trainer.ts';
const ECHO = 'bench/echo-server.ts';

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bench: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const usePostgres = options.postgres ?? databaseUrl !== undefined;
  if (usePostgres && !databaseUrl) {
    process.stderr.write('bench: --postgres needs DATABASE_URL (e.g. postgres://trainer:trainer@localhost:5432/trainer)\n');
    return 2;
  }

  const loadBefore = loadavg()[0];
  const work = await mkdtemp(join(tmpdir(), 'oct-bench-'));
  if (options.cpuProf) await mkdir(join(REPO_ROOT, 'bench-profiles'), { recursive: true });
  const quiet = options.quiet;
  const scenarioIds = loadScenarioDir(join(REPO_ROOT, 'scenarios')).scenarios.map((s) => s.scenario.id);
  const profileFile = join(REPO_ROOT, 'bench-profiles', `trainer-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
  const trainerSettings = (extra: Record<string, string>): Record<string, string> => trainerEnv({ SCENARIOS_DIR: join(REPO_ROOT, 'scenarios'), ...extra });
  const phase = (label: string, entry: string, env: Record<string, string>, idPrefix: string, profile = false): PhaseOptions => ({
    label,
    server: profile ? { entry: PROFILED_TRAINER, env: { ...env, BENCH_PROFILE_OUT: profileFile } } : { entry, env },
    learners: options.learners,
    callsPerLearner: options.calls,
    idPrefix,
    profile,
    quiet,
  });
  // The history runs' learners (`<prefix>-learner-<i>`) have calls among the stored ones.
  const seedOptions = (prefix: string, onCall: () => void): SeedOptions => ({
    calls: options.history,
    learnerIds: Array.from({ length: options.learners }, (_, i) => `${prefix}-learner-${i}`),
    scenarios: scenarioIds,
    onCall,
  });

  const schemas: ScratchSchema[] = [];
  try {
    // Data first: history seeded before any server starts.
    const emptyDir = join(work, 'lowdb-empty');
    const historyDir = join(work, 'lowdb-history');
    const label = (store: string, history: boolean): string =>
      history ? `trainer (${store}, ${options.history.toLocaleString('en-GB')} calls stored)` : `trainer (${store})`;
    const phases: PhaseOptions[] = [phase('echo bot', ECHO, { PORT: '0' }, 'echo'), phase(label('lowdb', false), TRAINER, trainerSettings({ DATA_DIR: emptyDir }), 'lowdb', options.cpuProf)];
    if (options.history > 0) {
      const bar = startProgress(`seeding ${options.history} calls (lowdb files)`, options.history, 'calls', quiet);
      await seedLowdbFiles(historyDir, seedOptions('hist', () => bar.tick()));
      bar.stop();
      const store = await LowdbCallStore.open(historyDir);
      await verifySeeded(store, seedOptions('hist', () => undefined));
      await store.close();
      phases.push(phase(label('lowdb', true), TRAINER, trainerSettings({ DATA_DIR: historyDir }), 'hist'));
    }
    if (usePostgres && databaseUrl) {
      const empty = await createScratchSchema(databaseUrl);
      schemas.push(empty);
      phases.push(phase(label('postgres', false), TRAINER, trainerSettings(empty.env), 'pg'));
      if (options.history > 0) {
        const full = await createScratchSchema(databaseUrl);
        schemas.push(full);
        const stores = await full.open();
        try {
          const bar = startProgress(`seeding ${options.history} calls (postgres)`, options.history, 'calls', quiet);
          await seedCalls(stores.calls, { ...seedOptions('pghist', () => bar.tick()), concurrency: 8 });
          bar.stop();
          await verifySeeded(stores.calls, seedOptions('pghist', () => undefined));
        } finally {
          await stores.close();
        }
        phases.push(phase(label('postgres', true), TRAINER, trainerSettings(full.env), 'pghist'));
      }
    }

    const measured = await runInterleaved(phases, options.rounds);
    const byLabel = (l: string): PhaseResult | undefined => measured.find((m) => m.label === l);
    const echo = measured[0];
    const trainer = measured[1];
    const history = byLabel(label('lowdb', true));
    const postgres: BenchResults['postgres'] = byLabel(label('postgres', false))
      ? { trainer: byLabel(label('postgres', false)) as PhaseResult, history: byLabel(label('postgres', true)) }
      : undefined;

    let marking: BenchResults['marking'];
    if (options.markingSeconds > 0) {
      const transcripts = await storedTranscripts(emptyDir);
      marking = await benchMarking(transcripts, { dir: join(work, 'transcripts'), scenariosDir: join(REPO_ROOT, 'scenarios'), seconds: options.markingSeconds, quiet });
    }

    let profile: BenchResults['profile'];
    if (options.cpuProf) {
      profile = await summariseProfile(profileFile, REPO_ROOT);
      note(`trainer CPU profile of the measured load: ${profileFile}`, quiet);
    }

    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: machine(loadBefore),
      config: { learners: options.learners, callsPerLearner: options.calls, rounds: options.rounds, turnsPerCall: REFERENCE_SCRIPT.length, history: options.history },
      echo,
      trainer,
      history,
      postgres,
      marking,
      profile,
    };
    const goals = checkGoals(results);
    process.stdout.write(options.json ? `${JSON.stringify({ ...results, goals }, null, 2)}\n` : `${formatReport(results, goals)}\n`);
    const failedTurns = [echo, trainer, history, postgres?.trainer, postgres?.history].reduce((n, p) => n + (p?.failed ?? 0), 0);
    if (failedTurns > 0) return 1;
    return options.strict && goals.some((g) => !g.met) ? 1 : 0;
  } finally {
    for (const schema of schemas) await schema.drop().catch((err: unknown) => note(`bench: could not drop schema ${schema.name}: ${String(err)}`));
    await rm(work, { recursive: true, force: true });
  }
}

/** The transcripts of the finished calls a trainer run left in a lowdb DATA_DIR. */
async function storedTranscripts(dataDir: string): Promise<TranscriptActivity[][]> {
  const store = await LowdbCallStore.open(dataDir);
  try {
    const page = await store.list({ status: 'ended' });
    const out: TranscriptActivity[][] = [];
    for (const row of page.rows) {
      const call = await store.get(row.id);
      if (call && call.transcript.length > 0) out.push(call.transcript);
    }
    return out;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
