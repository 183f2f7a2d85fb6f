/**
 * The real bot in process for turn-table tests: createBot over a temporary DATA_DIR (lowdb
 * call records; bot state in memory or lowdb), the repository's scenarios, the real customer
 * simulator and marker, a fixed seed and a fixed clock, driven through botbuilder's TestAdapter.
 */
import { MemoryStorage, type Activity, type Storage } from 'botbuilder';
import { silentLogger } from '../../../bot/logger.js';
import { LowdbCallStore } from '../../../bot/storage/lowdbCallStore.js';
import { LowdbStorage } from '../../../bot/storage/lowdbStorage.js';
import { InProcessCall } from '../../../cli/simulate/inProcessCall.js';
import type { CallRecord } from '../../../domain/calls.js';
import { loadScenarioDir } from '../../../domain/scenario/load.js';
import type { LoadedScenario } from '../../../domain/scenario/schema.js';
import { createBot, type TrainerBot } from '../../../dialogs/index.js';
import { makeTempDir } from '../../bot/storage/tempDir.js';

let loaded: LoadedScenario[] | undefined;

/** The repository's scenarios (loaded once per test file). */
export function scenarios(): LoadedScenario[] {
  loaded ??= loadScenarioDir('scenarios').scenarios;
  return loaded;
}

/** One scenario by id. */
export function scenario(id: string): LoadedScenario {
  const s = scenarios().find((x) => x.scenario.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** The start of test "real time": it ticks 1 ms per reading, so transcript times depend on the messages only. */
export const TEST_EPOCH = Date.parse('2026-01-05T09:00:00.000Z');

export interface HarnessOptions {
  seed?: number;
  /** bot state: in memory (default) or lowdb files in the data folder (for restarts) */
  state?: 'memory' | 'lowdb';
  /** reuse a data folder (a "restarted server") */
  dir?: string;
  conversationId?: string;
  learner?: { id: string; name: string };
}

export interface Harness {
  dir: string;
  calls: LowdbCallStore;
  storage: Storage;
  bot: TrainerBot;
  call: InProcessCall;
  /** the texts of the bot's message replies */
  say(text: string): Promise<Partial<Activity>[]>;
  /** the only call record of the learner (throws unless exactly one … or takes the newest) */
  latestRecord(): Promise<CallRecord>;
  /** closes the stores (the data folder stays) */
  close(): Promise<void>;
  /** closes the stores and removes the data folder */
  stop(): Promise<void>;
}

/** Starts the bot. */
export async function startBot(options: HarnessOptions = {}): Promise<Harness> {
  const tmp = options.dir ? undefined : await makeTempDir('oct-dialogs-');
  const dir = options.dir ?? (tmp as { dir: string }).dir;
  const calls = await LowdbCallStore.open(dir);
  const lowdbState = options.state === 'lowdb' ? new LowdbStorage(dir) : undefined;
  const storage: Storage = lowdbState ?? new MemoryStorage();
  const seed = options.seed ?? 1234;
  let ticks = 0;
  const now = (): number => TEST_EPOCH + ticks++;
  const bot = createBot({ storage, calls, scenarios: scenarios(), logger: silentLogger(), seed: () => seed, now });
  const learner = options.learner ?? { id: 'learner-1', name: 'Hannah' };
  const call = new InProcessCall(bot, learner, options.conversationId ?? 'conv-1');
  const close = async (): Promise<void> => {
    await calls.close();
    await lowdbState?.close();
  };
  return {
    dir,
    calls,
    storage,
    bot,
    call,
    say: (text) => call.say(text),
    async latestRecord() {
      const { rows } = await calls.list({ learner: learner.id, sort: 'startedAt', order: 'desc' });
      if (rows.length === 0) throw new Error('no call record');
      return (await calls.get(rows[0].id)) as CallRecord;
    },
    close,
    async stop() {
      await close();
      await tmp?.remove();
    },
  };
}

/** The bot's messages only (no typing or trace activities). */
export function messages(replies: readonly Partial<Activity>[]): Partial<Activity>[] {
  return replies.filter((a) => a.type === 'message');
}

/** The speaker of a bot message. */
export function speaker(a: Partial<Activity>): string | undefined {
  return (a.channelData as { speaker?: string } | undefined)?.speaker;
}

/** "speaker: text" lines of the bot's messages. */
export function lines(replies: readonly Partial<Activity>[]): string[] {
  return messages(replies).map((a) => `${speaker(a)}: ${a.text}`);
}
