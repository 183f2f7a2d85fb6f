/**
 * A server restart mid-call resumes the call (customer state and random position, desk state,
 * time line — all in conversation state on the lowdb storage), and the same seed replays the
 * same customer lines for the same learner lines.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import type { TranscriptActivity } from '../../domain/transcript.js';
import { lines, startBot, type Harness } from './helpers/botHarness.js';

const SCRIPT = [
  '/start place-ergo-chairs',
  'Good morning, Harbour & Pike Office Supplies, Sam speaking. How can I help?',
  'Certainly. Could I take your account number, please?',
  '/account AC-20417',
  'Thank you. Could you give me your full name and the billing postcode, please?',
  'Which chairs would you like, and how many?',
  '/place CH-ERG-200 6',
  '/refer purchasing chairs',
  'That is placed. Six chairs come to £965.52 including VAT and arrive on Thursday 5 March. Is there anything else?',
];

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.stop().catch(() => undefined);
});

async function play(h: Harness, script: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const line of script) out.push(`> ${line}`, ...lines(await h.say(line)));
  return out;
}

/** A transcript without the activity ids the channel gave. */
function plain(t: TranscriptActivity[]): unknown[] {
  return t.map(({ id: _id, ...rest }) => rest);
}

describe('restart mid-call', () => {
  it('a new bot over the same storage carries on exactly where the call was', async () => {
    const straight = await startBot({ seed: 99, state: 'lowdb' });
    open.push(straight);
    const expected = await play(straight, SCRIPT);
    const expectedTranscript = (await straight.latestRecord()).transcript;

    const before = await startBot({ seed: 99, state: 'lowdb' });
    const firstHalf = await play(before, SCRIPT.slice(0, 5));
    await before.close(); // the server stops

    const after = await startBot({ seed: 12345, state: 'lowdb', dir: before.dir }); // a new process: new bot, new adapter
    open.push(after);
    const secondHalf = await play(after, SCRIPT.slice(5));

    expect([...firstHalf, ...secondHalf]).toEqual(expected);
    const record = await after.latestRecord();
    expect(record.seed).toBe(99); // the call keeps its own seed
    expect(plain(record.transcript)).toEqual(plain(expectedTranscript));
    // the desk remembered the order placed before the restart
    expect(lines(await after.say('/order SO-49002'))[0]).toMatch(/^desk: Order SO-49002 · account AC-20417/);
  });
});

describe('seed', () => {
  it('is chosen at /start, stored with the call, and replays the same customer lines', async () => {
    const a = await startBot({ seed: 7 });
    const b = await startBot({ seed: 7 });
    open.push(a, b);
    const playedA = await play(a, SCRIPT);
    const playedB = await play(b, SCRIPT);
    expect(playedB).toEqual(playedA);
    expect(playedA.filter((l) => l.startsWith('customer: ')).length).toBeGreaterThan(4);
    expect((await a.latestRecord()).seed).toBe(7);
    expect(plain((await b.latestRecord()).transcript)).toEqual(plain((await a.latestRecord()).transcript));
  });
});

describe('a call that cannot be resumed', () => {
  it('is kept as abandoned, and the learner is told, when its saved customer state no longer loads', async () => {
    const h = await startBot();
    open.push(h);
    await h.say('/start place-ergo-chairs');
    const key = 'terminal/conversations/conv-1/';
    const saved = (await h.storage.read([key]))[key] as { dialogState: { dialogStack: { state: { dialogs: { dialogStack: { state: { call: { customer: unknown } } }[] } } }[] } };
    saved.dialogState.dialogStack[0].state.dialogs.dialogStack[0].state.call.customer = { version: 999 };
    await h.storage.write({ [key]: saved });

    expect(lines(await h.say('Hello?'))).toEqual([
      'coach: Sorry, this call cannot carry on after an update to the trainer. It is kept, unmarked. Start again with /start <scenario-id>.',
    ]);
    expect((await h.latestRecord()).status).toBe('abandoned');
    expect(lines(await h.say('/start place-ergo-chairs')).length).toBe(2);
  });
});
