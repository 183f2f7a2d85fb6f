/**
 * Shared by the fault and scale tests: the real server as a child process on a temporary
 * DATA_DIR, learners that play the reference script over HTTP keeping a log of what they sent
 * and received, and the check that a stored call is exactly what its learner saw.
 */
import { expect } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, trainerEnv, type ServerProcess } from '../../bench/child.js';
import { LearnerClient, REFERENCE_SCRIPT, scorecardOf, type LearnerTurn, type ReplyActivity } from '../../bench/learner.js';
import type { CallRecord, CallStore } from '../../domain/calls.js';

export { REFERENCE_SCRIPT };

/** Starts `bot/index.ts` (what `npm start` runs) on a free port with `env` and every other setting at its default. */
export function startTrainer(env: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess({ entry: 'bot/index.ts', env: trainerEnv(env), startTimeoutMs: 60_000 });
}

/** A temporary folder, removed by `remove()`. */
export async function tempDir(prefix: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** One turn a learner completed: what was sent and every reply. */
export interface TurnRecord {
  turn: LearnerTurn;
  replies: ReplyActivity[];
}

/** A learner working through a script, one turn at a time, keeping the log. */
export class ScriptedLearner {
  readonly log: TurnRecord[] = [];
  #next = 0;

  constructor(
    readonly client: LearnerClient,
    readonly script: readonly LearnerTurn[] = REFERENCE_SCRIPT,
  ) {}

  /** The scorecard, once the call has ended. */
  get scorecard(): ReturnType<typeof scorecardOf> {
    for (const t of this.log) {
      const card = scorecardOf(t.replies);
      if (card) return card;
    }
    return undefined;
  }

  /** The script is done, or the call has ended (the customer hangs up after the close). */
  get finished(): boolean {
    return this.scorecard !== undefined || this.#next >= this.script.length;
  }

  /** Turns completed so far. */
  get turnsDone(): number {
    return this.#next;
  }

  /** Sends the next turn (to `url`, default the client's) and logs it; a failed turn is not logged and will be sent again. */
  async step(url?: string): Promise<TurnRecord> {
    const turn = this.script[this.#next];
    const result = await this.client.send(turn, url);
    const record = { turn, replies: result.replies };
    this.log.push(record);
    this.#next++;
    return record;
  }

  /** Steps until finished; `urlFor(turnIndex)` picks the server for each turn. */
  async run(urlFor?: (turnIndex: number) => string): Promise<void> {
    while (!this.finished) await this.step(urlFor?.(this.#next));
  }
}

/** Message replies only (no traces), as texts. */
export function messageTexts(replies: readonly ReplyActivity[]): string[] {
  return replies.filter((r) => r.type === 'message').map((r) => r.text ?? '');
}

/**
 * The stored call of a learner's finished call, found by its learner id (the one ended call),
 * checked against the log: every learner message from `/start` on, in order; every bot
 * message they received during the call (all but the scorecard itself), in order; ended, with
 * the scorecard they were shown.
 */
export async function expectStoredCallMatches(store: CallStore, learner: ScriptedLearner): Promise<CallRecord> {
  const page = await store.list({ learner: learner.client.learnerId, status: 'ended' });
  expect(page.total).toBe(1);
  const call = await store.get(page.rows[0].id);
  expect(call).toBeDefined();
  const record = call as CallRecord;
  const inCall = learner.log.slice(learner.log.findIndex((t) => t.turn.kind === 'say' && t.turn.text.startsWith('/start')));
  const sent = inCall.map((t) => (t.turn.kind === 'say' ? t.turn.text : ''));
  const received = inCall.flatMap((t) => t.replies.filter((r) => r.type === 'message' && !r.channelData?.scorecard).map((r) => r.text ?? ''));
  expect(record.transcript.filter((a) => a.from?.role === 'user').map((a) => a.text)).toEqual(sent);
  expect(record.transcript.filter((a) => a.from?.role !== 'user').map((a) => a.text)).toEqual(received);
  const shown = learner.scorecard;
  expect(record.status).toBe('ended');
  expect(record.scorecard?.score).toBe(shown?.score);
  expect(record.scorecard?.passed).toBe(shown?.passed);
  expect(Object.keys(record.scorecard?.criteria ?? {}).sort()).toEqual(Object.keys(shown?.criteria ?? {}).sort());
  return record;
}
