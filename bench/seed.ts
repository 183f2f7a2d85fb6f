/**
 * History for the benchmark: finished calls already in the store when the trainer starts,
 * spread over learners, the repository's scenarios, statuses and the past year. The
 * benchmark's own learners get a share first, so anything the bot looks up per learner
 * meets history.
 *
 * Two ways in: {@link seedCalls} writes through the `CallStore` API (any back-end;
 * PostgreSQL), {@link seedLowdbFiles} writes the lowdb file layout directly (decision 0004:
 * `calls/<id>/call.json`, `calls/<id>/transcript.jsonl`, `calls/index.jsonl`) without the
 * per-write fsyncs, which is ~20× faster; {@link verifySeeded} then reads the result back
 * through the store so a change of layout fails loudly instead of measuring an empty store.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { callHeaderSchema, summarise, type CallHeader, type CallStore } from '../domain/calls.js';
import type { TranscriptActivity } from '../domain/transcript.js';
import { REFERENCE_SCRIPT } from './learner.js';

/** What to seed. */
export interface SeedOptions {
  calls: number;
  /** Learner ids that get ten calls each first (the benchmark's learners). */
  learnerIds: readonly string[];
  /** How many other learners the rest of the calls are spread over (default 500). */
  otherLearners?: number;
  scenarios: readonly string[];
  /** Called after each stored call. */
  onCall?: () => void;
  /** Calls end before this instant (default now). */
  now?: number;
}

/** A seeded call: its header as stored, and its transcript. */
export interface SeededCall {
  header: CallHeader;
  transcript: TranscriptActivity[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The `n`-th seeded call (deterministic). */
export function seededCall(n: number, options: SeedOptions): SeededCall {
  const others = Math.max(1, options.otherLearners ?? 500);
  const now = options.now ?? Date.now();
  const learnerId =
    n < options.learnerIds.length * 10 ? options.learnerIds[n % options.learnerIds.length] : `learner-${n % others}`;
  const scenario = options.scenarios[n % options.scenarios.length];
  const startedAt = now - DAY_MS - ((n * 7919) % 365) * DAY_MS - (n % 600) * 1000;
  const base = {
    id: `seed-${n}`,
    learner: { id: learnerId, name: `Learner ${learnerId}` },
    scenario,
    mode: n % 5 === 0 ? ('assessment' as const) : ('practice' as const),
    seed: n,
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(startedAt + 20 * 60_000).toISOString(),
    moderation: [],
    hints: [],
    disputes: [],
  };
  const score = 40 + ((n * 37) % 61);
  const header: CallHeader =
    n % 10 === 9
      ? { ...base, status: 'abandoned' }
      : {
          ...base,
          status: 'ended',
          score,
          passed: score >= 70,
          scorecard: {
            scenario,
            criteria: { opening: { mark: 'met', evidence: [{ activity: 2, quote: 'Good morning, Harbour & Pike' }], note: '' } },
            score,
            passed: score >= 70,
          },
        };
  return { header, transcript: seedTranscript(scenario, learnerId, startedAt) };
}

/** A finished call's transcript: the reference script's learner lines, each with a reply. */
export function seedTranscript(scenario: string, learnerId: string, startedAt: number): TranscriptActivity[] {
  const out: TranscriptActivity[] = [];
  let t = startedAt;
  for (const turn of REFERENCE_SCRIPT) {
    if (turn.kind !== 'say') continue;
    const text = turn.text.startsWith('/start') ? `/start ${scenario}` : turn.text;
    t += 20_000;
    out.push({ type: 'message', from: { id: learnerId, name: 'Seeded Learner', role: 'user' }, text, timestamp: new Date(t).toISOString() });
    const speaker = text.startsWith('/') ? 'desk' : 'customer';
    t += 5_000;
    out.push({
      type: 'message',
      from: { id: 'order-call-trainer', name: 'Order Call Trainer', role: 'bot' },
      text: speaker === 'desk' ? 'Desk screen for the command: a few lines of account, stock or price detail.' : 'Yes, that is right, thank you.',
      timestamp: new Date(t).toISOString(),
      channelData: { speaker },
    });
  }
  return out;
}

/** Writes the calls through the store API, `concurrency` at a time; resolves with the number written. */
export async function seedCalls(store: CallStore, options: SeedOptions & { concurrency?: number }): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let n = next++; n < options.calls; n = next++) {
      const { header, transcript } = seededCall(n, options);
      await store.create({ id: header.id, learner: header.learner, scenario: header.scenario, mode: header.mode, seed: header.seed, startedAt: header.startedAt });
      await store.appendActivities(header.id, transcript);
      await store.finish(
        header.id,
        header.status === 'ended' ? { status: 'ended', endedAt: header.endedAt, scorecard: header.scorecard } : { status: 'abandoned', endedAt: header.endedAt },
      );
      options.onCall?.();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 32) }, worker));
  return options.calls;
}

/**
 * Writes the calls in the lowdb layout under `<dataDir>/calls/` (no fsync: a benchmark
 * fixture, not a record). The folder must be new.
 */
export async function seedLowdbFiles(dataDir: string, options: SeedOptions): Promise<number> {
  const root = join(dataDir, 'calls');
  await mkdir(root, { recursive: true, mode: 0o700 });
  const index: string[] = [];
  const batch = 64;
  for (let start = 0; start < options.calls; start += batch) {
    const end = Math.min(options.calls, start + batch);
    await Promise.all(
      Array.from({ length: end - start }, async (_, k) => {
        const { header, transcript } = seededCall(start + k, options);
        const dir = join(root, header.id);
        await mkdir(dir, { mode: 0o700 });
        await writeFile(join(dir, 'call.json'), JSON.stringify(callHeaderSchema.parse(header)), { mode: 0o600 });
        await writeFile(join(dir, 'transcript.jsonl'), transcript.map((a) => JSON.stringify(a) + '\n').join(''), { mode: 0o600 });
        options.onCall?.();
      }),
    );
    for (let n = start; n < end; n++) index.push(JSON.stringify({ op: 'put', row: summarise(seededCall(n, options).header) }) + '\n');
  }
  await writeFile(join(root, 'index.jsonl'), index.join(''), { mode: 0o600 });
  return options.calls;
}

/** The store did not read back what was seeded. */
export class SeedMismatchError extends Error {
  constructor(message: string) {
    super(`Seeded history does not read back: ${message} (has the storage layout changed? see bench/seed.ts)`);
    this.name = 'SeedMismatchError';
  }
}

/**
 * Reads the seeded calls back through the store: the count, and one call whole.
 * @throws SeedMismatchError when they differ from what was written
 */
export async function verifySeeded(store: CallStore, options: SeedOptions): Promise<void> {
  const page = await store.list({ limit: 1 });
  if (page.total !== options.calls) throw new SeedMismatchError(`list() counts ${page.total} calls, expected ${options.calls}`);
  const probe = seededCall(options.calls - 1, options);
  const stored = await store.get(probe.header.id);
  if (!stored) throw new SeedMismatchError(`call ${probe.header.id} is missing`);
  if (stored.transcript.length !== probe.transcript.length || stored.status !== probe.header.status) {
    throw new SeedMismatchError(`call ${probe.header.id} has ${stored.transcript.length} activities and status ${stored.status}`);
  }
}
