/**
 * `/history` and `/dispute` through the real bot: each learner sees only their own calls
 * (identified by the Teams aadObjectId when there is one, else the channel's user id); a
 * dispute is kept for the assessor, refused when it cannot apply, and shown answered once an
 * assessor moderates that criterion.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { ActivityTypes, type Activity } from 'botbuilder';
import { InProcessCall } from '../../cli/simulate/inProcessCall.js';
import { messages, startBot, type Harness } from './helpers/botHarness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const text = (replies: Partial<Activity>[]): string => messages(replies).map((a) => a.text ?? '').join('\n');

/** A short marked call: start, one line, end. */
async function shortCall(say: (t: string) => Promise<Partial<Activity>[]>, scenario = 'place-ergo-chairs'): Promise<number> {
  await say(`/start ${scenario}`);
  await say('Good morning, Harbour & Pike Office Supplies, Sam speaking.');
  const end = messages(await say('/end'));
  return (end[0].channelData as { scorecard: { score: number } }).scorecard.score;
}

/** Sends a message as a Teams user with an aadObjectId (and a per-device channel id). */
async function sayAs(call: InProcessCall, from: { id: string; name: string; aadObjectId?: string }, message: string): Promise<Partial<Activity>[]> {
  await call.adapter.processActivity({ type: ActivityTypes.Message, text: message, from });
  return call.adapter.activeQueue.splice(0, call.adapter.activeQueue.length);
}

describe('/history: a learner sees only their own calls', () => {
  it('keeps two learners on the same server apart, for history and disputes', async () => {
    h = await startBot({ learner: { id: 'learner-ann', name: 'Ann' } });
    const bob = new InProcessCall(h.bot, { id: 'learner-bob', name: 'Bob' }, 'conv-bob');
    const annScore = await shortCall((t) => h!.say(t), 'place-ergo-chairs');
    await bob.say('/start cancel-home-desk');
    await bob.say('/start chase-late-cabinets'); // abandons the first

    const annHistory = text(await h.say('/history'));
    expect(annHistory).toContain(`place-ergo-chairs (practice) · score ${annScore}`);
    expect(annHistory).not.toMatch(/cancel-home-desk|chase-late-cabinets/);
    const bobHistory = text(await bob.say('/history'));
    expect(bobHistory).toMatch(/cancel-home-desk \(practice\) · abandoned/);
    expect(bobHistory).toMatch(/chase-late-cabinets \(practice\) · in progress/);
    expect(bobHistory).not.toContain('place-ergo-chairs');

    // Bob has no marked call of his own: Ann's marked call is not his to dispute.
    expect(text(await bob.say('/dispute opening I greeted them'))).toMatch(/^You have no marked call to dispute yet\./);
    const { rows } = await h.calls.list({ disputed: true });
    expect(rows).toEqual([]);
  });

  it('knows a Teams learner by aadObjectId on every device, and two people with one name apart', async () => {
    h = await startBot();
    const phone = new InProcessCall(h.bot, { id: 'unused', name: 'unused' }, 'teams-phone');
    const desktop = new InProcessCall(h.bot, { id: 'unused', name: 'unused' }, 'teams-desktop');
    const sam = { name: 'Sam Patel', aadObjectId: '6f1c2b1e-0000-4000-8000-00000000a11ce' };
    await shortCall((t) => sayAs(phone, { id: '29:phone-sam', ...sam }, t));
    const onDesktop = text(await sayAs(desktop, { id: '29:desktop-sam', ...sam }, '/history'));
    expect(onDesktop).toMatch(/place-ergo-chairs \(practice\) · score \d+/);
    const otherSam = text(await sayAs(desktop, { id: '29:other', name: 'Sam Patel', aadObjectId: '6f1c2b1e-0000-4000-8000-0000000000b0b' }, '/history'));
    expect(otherSam).toMatch(/^You have no calls yet\./);
    const record = await h.calls.get((await h.calls.list()).rows[0].id);
    expect(record?.learner).toEqual({ id: sam.aadObjectId, name: 'Sam Patel', aadObjectId: sam.aadObjectId });
  });
});

describe('/dispute', () => {
  it('flags a mark for the assessor once, shows it waiting, then answered after moderation', async () => {
    h = await startBot();
    await shortCall((t) => h!.say(t));
    const call = (await h.calls.list({ status: 'ended' })).rows[0];

    expect(text(await h.say('/dispute state_price I was about to give the total'))).toMatch(/^Noted: your dispute of "Stating the price" \(marked missed\)/);
    expect(text(await h.say('/dispute state-price and again'))).toMatch(/^You have already disputed "Stating the price" on your place-ergo-chairs call, and your assessor has not answered yet\./);
    expect(text(await h.say(`/dispute opening ${'x'.repeat(1001)}`))).toBe('Please keep the reason under 1000 characters (yours has 1001).');
    expect((await h.calls.list({ disputed: true })).rows.map((r) => [r.id, r.openDisputes])).toEqual([[call.id, 1]]);
    expect(text(await h.say('/history'))).toContain('    your dispute of "Stating the price": waiting for your assessor');

    // The assessor answers by moderating that criterion (what POST …/moderation stores).
    await h.calls.addModeration(call.id, { criterion: 'state_price', mark: 'partly', reason: 'No total was given, but the call was cut short', by: 'Pat Assessor', at: '2026-02-01T10:00:00.000Z' });
    await h.calls.addModeration(call.id, { criterion: 'close_call', mark: 'missed', reason: 'Confirmed', by: 'Pat Assessor', at: '2026-02-01T10:01:00.000Z' });
    expect(await h.calls.list({ disputed: true })).toEqual({ total: 0, rows: [] });
    const history = text(await h.say('/history'));
    expect(history).toContain('    your dispute of "Stating the price": answered — your assessor marked it partly (“No total was given, but the call was cut short”)');
    expect(history).toContain('    your assessor marked "Closing the call" missed (“Confirmed”)');
    expect(history).not.toContain('waiting for your assessor');

    // once answered, the learner may dispute that criterion again
    expect(text(await h.say('/dispute state_price I still think it was right'))).toMatch(/^Noted:/);
    expect((await h.calls.get(call.id))?.disputes.map((d) => d.reason)).toEqual(['I was about to give the total', 'I still think it was right']);
  });
});
