/**
 * What one turn of a call does, beyond its replies: it reads only the conversation's state
 * (not the learner's user state), writes it once, after the turn's messages are in the call
 * record; and every learner message is read once, in its scenario's one analysis context,
 * by the recogniser the customer and the marker share.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { silentLogger } from '../../bot/logger.js';
import { LowdbCallStore } from '../../bot/storage/lowdbCallStore.js';
import { InProcessCall } from '../../cli/simulate/inProcessCall.js';
import { Understanding, createBot } from '../../dialogs/index.js';
import { createRecogniser, type Recogniser } from '../../domain/language/recogniser.js';
import type { AnalyseContext } from '../../domain/language/types.js';
import { makeTempDir } from '../bot/storage/tempDir.js';
import { scenario, scenarios, TEST_EPOCH } from './helpers/botHarness.js';

const SCRIPT = [
  '/start place-ergo-chairs',
  'Good morning, Harbour & Pike Office Supplies, Sam speaking. How can I help?',
  'Certainly. Could I take your account number, please?',
  '/account AC-20417',
  'Thank you. Could you confirm the postcode on the account, please?',
];

/** botbuilder's MemoryStorage, noting what each turn reads and writes. */
class WatchedStorage extends MemoryStorage {
  readonly reads: string[] = [];
  readonly writes: { key: string; transcriptLength: number }[] = [];
  /** Called at each write: how many activities the call record holds at that moment. */
  transcriptLength: () => Promise<number> = async () => 0;

  override async read(keys: string[]): Promise<StoreItems> {
    this.reads.push(...keys);
    return super.read(keys);
  }

  override async write(changes: StoreItems): Promise<void> {
    const transcriptLength = await this.transcriptLength();
    for (const key of Object.keys(changes)) this.writes.push({ key, transcriptLength });
    return super.write(changes);
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function start(understanding?: Understanding): Promise<{ call: InProcessCall; calls: LowdbCallStore; storage: WatchedStorage }> {
  const tmp = await makeTempDir('oct-turnwork-');
  const calls = await LowdbCallStore.open(tmp.dir);
  cleanups.push(async () => {
    await calls.close();
    await tmp.remove();
  });
  const storage = new WatchedStorage();
  storage.transcriptLength = async () => {
    const { rows } = await calls.list();
    return rows[0] ? ((await calls.get(rows[0].id))?.transcript.length ?? 0) : 0;
  };
  let ticks = 0;
  const bot = createBot({ storage, calls, scenarios: scenarios(), logger: silentLogger(), seed: () => 7, now: () => TEST_EPOCH + ticks++, understanding });
  return { call: new InProcessCall(bot, { id: 'learner-tw', name: 'Hannah' }, 'conv-tw'), calls, storage };
}

describe('the work of a turn', () => {
  it('reads only the conversation state and saves it once, after the call record has the turn', async () => {
    const { call, storage } = await start();
    for (const text of SCRIPT) await call.say(text);
    const conversationKey = 'terminal/conversations/conv-tw/';
    const userKey = 'terminal/users/learner-tw/';

    storage.reads.length = 0;
    storage.writes.length = 0;
    const before = await storage.transcriptLength();
    await call.say('Which chairs would you like, and how many?');
    expect(storage.reads).toEqual([conversationKey]);
    // the learner's message and the customer's reply were recorded before the state was saved
    expect(storage.writes).toEqual([{ key: conversationKey, transcriptLength: before + 2 }]);

    // the learner's memory (user state) is read and written when the call ends
    storage.reads.length = 0;
    storage.writes.length = 0;
    await call.say('/end');
    expect(storage.reads).toContain(userKey);
    expect(storage.writes.map((w) => w.key).sort()).toEqual([conversationKey, userKey].sort());
  });

  it('reads each learner message in the scenario’s one analysis context, shared by the customer and the marker', async () => {
    const real = createRecogniser();
    // every reading the customer and the marker ask of the recogniser (analyse, and whatever
    // else its interface offers), passed on to the real one
    const contexts: { method: string; text: string; ctx: AnalyseContext }[] = [];
    const watched = Object.fromEntries(
      Object.entries(real).map(([method, member]) => [
        method,
        typeof member !== 'function' || method === 'warmUp'
          ? member
          : (text: string, ctx: AnalyseContext) => {
              contexts.push({ method, text, ctx });
              return (member as (t: string, c: AnalyseContext) => unknown)(text, ctx);
            },
      ]),
    ) as unknown as Recogniser;
    const understanding = new Understanding(watched);
    const { call } = await start(understanding);
    for (const text of SCRIPT) await call.say(text);
    const replies = await call.say('/end');
    expect(replies.some((r) => (r.channelData as { scorecard?: unknown } | undefined)?.scorecard)).toBe(true);

    const loaded = scenario('place-ergo-chairs');
    const prepared = understanding.prepared(loaded);
    expect(understanding.prepared(loaded)).toBe(prepared); // once per loaded scenario
    const spoken = SCRIPT.filter((t) => !t.startsWith('/'));
    // the customer read each message, then the marker read each again at /end: same context, so the
    // second reading is the recogniser's cached analysis
    for (const text of spoken) {
      const readings = contexts.filter((c) => c.text === text);
      expect(readings.length).toBeGreaterThanOrEqual(2);
      for (const r of readings) expect(r.ctx).toBe(prepared.analyseContext);
    }
    expect(understanding.read(spoken[0], loaded)).toBe(real.analyse(spoken[0], prepared.analyseContext));
  });

  it('prepares a reloaded scenario (a new loaded object) again', () => {
    const understanding = new Understanding();
    const loaded = scenario('place-ergo-chairs');
    const reloaded = structuredClone(loaded);
    expect(understanding.prepared(reloaded)).not.toBe(understanding.prepared(loaded));
    expect(understanding.prepared(reloaded).id).toBe('place-ergo-chairs');
  });
});

describe('the customer between turns', () => {
  it('is carried on from the saved state when another bot (instance) played the last turn', async () => {
    const tmp = await makeTempDir('oct-twoinst-');
    const calls = await LowdbCallStore.open(tmp.dir);
    cleanups.push(async () => {
      await calls.close();
      await tmp.remove();
    });
    let ticks = 0;
    const now = (): number => TEST_EPOCH + ticks++;
    const botOver = (storage: MemoryStorage) => createBot({ storage, calls, scenarios: scenarios(), logger: silentLogger(), seed: () => 11, now });
    const learner = { id: 'learner-two', name: 'Hannah' };
    const script = [
      ...SCRIPT,
      'Which chairs would you like, and how many?',
      'When do you need them by?',
      'Let me check the price for you.',
    ];

    // one bot plays the whole call
    const straight = new InProcessCall(botOver(new MemoryStorage()), learner, 'conv-straight');
    const expected: string[] = [];
    for (const text of script) expected.push(...(await straight.say(text)).map((r) => `${r.text}`));

    // two bots over one storage take turns: each time a bot's kept customer is out of date
    const shared = new MemoryStorage();
    const a = new InProcessCall(botOver(shared), learner, 'conv-alternate');
    const b = new InProcessCall(botOver(shared), learner, 'conv-alternate');
    const played: string[] = [];
    for (const [i, text] of script.entries()) played.push(...(await (i % 2 === 0 ? a : b).say(text)).map((r) => `${r.text}`));

    const noIds = (lines: string[]) => lines.map((l) => l.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>'));
    expect(noIds(played)).toEqual(noIds(expected));
  });
});
