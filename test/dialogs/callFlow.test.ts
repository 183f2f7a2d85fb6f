/**
 * The call flow as a client sees it (contract §2), through the real bot: /start with the
 * briefing and the customer's first line, speech and desk commands, session commands,
 * Teams mentions and card submits.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { ActivityTypes } from 'botbuilder';
import { lines, messages, speaker, startBot, type Harness } from './helpers/botHarness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('/start', () => {
  it('inbound: briefs the learner (practice: what is marked), then the customer speaks first', async () => {
    h = await startBot();
    const replies = messages(await h.say('/start place-ergo-chairs'));
    expect(replies.map(speaker)).toEqual(['coach', 'customer']);
    const brief = replies[0].text as string;
    expect(brief).toMatch(/^Practice call: place-ergo-chairs\. You are a customer service adviser on the Harbour & Pike Office Supplies Ltd order desk\. It is Monday 2 March 2026, 10:15\./);
    expect(brief).toContain('An inbound call is coming through from a business account customer who wants to place an order.');
    expect(brief).toContain('/quote <code> <qty>');
    expect(brief).toContain('/hint');
    expect(brief).toContain('Marked in this call: Opening the call; Verifying the caller;');
    expect(replies[1].text).toMatch(/order some office chairs|place an order for some office chairs/);
    expect((replies[0].channelData as { briefing: unknown }).briefing).toMatchObject({
      title: 'New order — six task chairs for a dental practice',
      text: 'An inbound call is coming through from a business account customer who wants to place an order.',
      facts: expect.arrayContaining([{ label: 'Date and time', value: 'Monday 2 March 2026, 10:15' }]),
    });
    const record = await h.latestRecord();
    expect(record).toMatchObject({ scenario: 'place-ergo-chairs', mode: 'practice', status: 'in-progress', seed: 1234, learner: { id: 'learner-1', name: 'Hannah' } });
  });

  it('outbound: the tutor’s briefing, then the customer answers the phone', async () => {
    h = await startBot();
    const replies = messages(await h.say('/start CALL-SPLIT-DELIVERY assessment'));
    expect(replies.map(speaker)).toEqual(['coach', 'customer']);
    expect(replies[0].text).toMatch(/^Assessment call: call-split-delivery\./);
    expect(replies[0].text).toContain('The warehouse has put a note on order SO-49002');
    expect(replies[0].text).not.toContain('Marked in this call');
    expect(replies[0].text).not.toContain('/hint');
    expect(replies[1].text).toMatch(/Brightside Dental, Priya speaking\.$/);
    expect((await h.latestRecord()).mode).toBe('assessment');
  });

  it('refuses an unknown scenario or mode with the list, starting nothing', async () => {
    h = await startBot();
    const unknown = messages(await h.say('/start no-such-call'));
    expect(unknown.map(speaker)).toEqual(['coach']);
    expect(unknown[0].text).toMatch(/^There is no scenario "no-such-call"\./);
    expect(unknown[0].text).toContain('place-ergo-chairs');
    expect(messages(await h.say('/start place-ergo-chairs exam'))[0].text).toMatch(/^"exam" is not a mode: use practice or assessment\./);
    expect((await h.calls.list()).total).toBe(0);
  });
});

describe('during a call', () => {
  it('the customer hears speech; desk commands are answered by the desk and not heard', async () => {
    h = await startBot();
    await h.say('/start place-ergo-chairs');
    const speech = messages(await h.say('Good morning, Harbour & Pike Office Supplies, Sam speaking. Could I take your account number, please?'));
    expect(speech.map(speaker)).toEqual(['customer']);
    expect(speech[0].text).toContain('AC-20417');
    const desk = messages(await h.say('/ACCOUNT ac-20417'));
    expect(desk.map(speaker)).toEqual(['desk']);
    expect(desk[0].text).toMatch(/^Account AC-20417 · Brightside Dental Ltd/);
    expect(desk[0].attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('an unknown slash command gets coach help and is not heard by the customer', async () => {
    h = await startBot();
    await h.say('/start place-ergo-chairs');
    expect(lines(await h.say('/discount 10%'))).toEqual([
      'coach: /discount is not a command here, and the customer did not hear it. Type /help for the desk and session commands.',
    ]);
  });

  it('/help and /scenarios answer without disturbing the call', async () => {
    h = await startBot();
    await h.say('/start place-ergo-chairs');
    const help = messages(await h.say('/help'));
    expect(help.map(speaker)).toEqual(['coach']);
    expect(help[0].text).toContain('/end — end the call and get your scorecard');
    expect(help[0].text).toContain('/refer <team> <note>');
    expect(help[0].text).toContain('Anything you type that does not start with / is said to the customer.');
    expect(messages(await h.say('/scenarios'))[0].text).toMatch(/^Scenarios:/);
    expect(messages(await h.say('/stock CH-ERG-200')).map(speaker)).toEqual(['desk']);
    expect((await h.latestRecord()).status).toBe('in-progress');
  });

  it('a second /start abandons the call in progress: kept, not marked', async () => {
    h = await startBot();
    await h.say('/start place-ergo-chairs');
    await h.say('Good morning, Harbour & Pike, Sam speaking.');
    const first = await h.latestRecord();
    const replies = messages(await h.say('/start cancel-home-desk'));
    expect(replies.map(speaker)).toEqual(['coach', 'coach', 'customer']);
    expect(replies[0].text).toBe('Your place-ergo-chairs call was ended without marking (it is kept as abandoned).');
    const old = await h.calls.get(first.id);
    expect(old).toMatchObject({ status: 'abandoned' });
    expect(old?.scorecard).toBeUndefined();
    expect(old?.transcript.map((a) => a.text)).not.toContain('/start cancel-home-desk');
    const now = await h.latestRecord();
    expect(now).toMatchObject({ scenario: 'cancel-home-desk', status: 'in-progress' });
    expect(now.transcript[0]).toMatchObject({ text: '/start cancel-home-desk', from: { role: 'user' } });
  });

  it('/end gives the scorecard: a readable message, a card and the JSON in channelData', async () => {
    h = await startBot();
    await h.say('/start place-ergo-chairs');
    await h.say('Good morning, Harbour & Pike Office Supplies, Sam speaking.');
    const end = messages(await h.say('/end'));
    expect(end.map(speaker)).toEqual(['coach']);
    const scorecard = (end[0].channelData as { scorecard: { scenario: string; score: number; passed: boolean; criteria: Record<string, { mark: string }> } }).scorecard;
    expect(scorecard.scenario).toBe('place-ergo-chairs');
    expect(Object.keys(scorecard.criteria)).toHaveLength(15);
    expect(scorecard.criteria.opening.mark).toBe('met');
    expect(scorecard.criteria.explain_problem.mark).toBe('n/a');
    expect(end[0].text).toMatch(new RegExp(`^Scorecard · place-ergo-chairs\\nScore ${scorecard.score} / 100 · NOT PASSED`));
    expect(end[0].text).toContain('✓ Opening the call: met');
    expect(end[0].text).toContain('Tip:');
    expect(end[0].attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const record = await h.latestRecord();
    expect(record.status).toBe('ended');
    expect(record.score).toBe(scorecard.score);
    expect(record.passed).toBe(false);
    // the call is over: speech now gets the coach, not the customer
    expect(messages(await h.say('hello?')).map(speaker)).toEqual(['coach']);
  });
});

describe('outside a call', () => {
  it('free text gets a prompt to pick a scenario; /end and /hint say there is no call', async () => {
    h = await startBot();
    const prompt = messages(await h.say('Hello, is anyone there?'));
    expect(prompt.map(speaker)).toEqual(['coach']);
    expect(prompt[0].text).toMatch(/^There is no call in progress yet, so nobody heard that\. Pick a scenario/);
    expect(messages(await h.say('/end'))[0].text).toMatch(/^There is no call in progress\./);
    expect(messages(await h.say('/hint'))[0].text).toMatch(/^There is no call in progress\./);
    expect(messages(await h.say('/quote CH-ERG-200 6'))[0].text).toMatch(/^\/quote is not a command here\./);
    expect((await h.calls.list()).total).toBe(0);
  });
});

describe('Teams and cards', () => {
  it('removes the bot’s @mention, identifies the learner by aadObjectId, and reads a card submit as its command', async () => {
    h = await startBot();
    await h.call.adapter.processActivity({
      type: ActivityTypes.Message,
      channelId: 'msteams',
      text: '<at>Order Call Trainer</at> /start place-ergo-chairs',
      from: { id: '29:teams-user', name: 'Hannah Teams', aadObjectId: 'aad-1111' },
      entities: [{ type: 'mention', mentioned: { id: 'order-call-trainer', name: 'Order Call Trainer' }, text: '<at>Order Call Trainer</at>' }],
    });
    const started = messages(h.call.adapter.activeQueue.splice(0));
    expect(started.map(speaker)).toEqual(['coach', 'customer']);
    const { rows } = await h.calls.list({ learner: 'aad-1111' });
    expect(rows).toHaveLength(1);
    expect(rows[0].learner).toEqual({ id: 'aad-1111', name: 'Hannah Teams', aadObjectId: 'aad-1111' });

    await h.call.adapter.processActivity({
      type: ActivityTypes.Message,
      channelId: 'msteams',
      value: { command: '/stock CH-ERG-200' },
      from: { id: '29:teams-user', name: 'Hannah Teams', aadObjectId: 'aad-1111' },
    });
    expect(messages(h.call.adapter.activeQueue.splice(0)).map(speaker)).toEqual(['desk']);
    const record = await h.calls.get(rows[0].id);
    expect(record?.transcript.filter((a) => a.from.role === 'user').map((a) => a.text)).toEqual(['/start place-ergo-chairs', '/stock CH-ERG-200']);
  });
});

describe('/history and /dispute', () => {
  it('list the learner’s calls and record a dispute of a mark on the last marked call', async () => {
    h = await startBot();
    expect(messages(await h.say('/history'))[0].text).toMatch(/^You have no calls yet\./);
    expect(messages(await h.say('/dispute opening I did greet them'))[0].text).toMatch(/^You have no marked call to dispute yet\./);
    await h.say('/start cancel-home-desk');
    await h.say('/start place-ergo-chairs');
    await h.say('Good morning, Harbour & Pike Office Supplies, Sam speaking.');
    const end = messages(await h.say('/end'));
    const score = (end[0].channelData as { scorecard: { score: number } }).scorecard.score;

    const history = messages(await h.say('/history'))[0].text as string;
    expect(history.split('\n').slice(0, 3)).toEqual([
      'Your calls, newest first:',
      expect.stringMatching(new RegExp(`^- \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC · place-ergo-chairs \\(practice\\) · score ${score}, not passed$`)),
      expect.stringMatching(/· cancel-home-desk \(practice\) · abandoned \(not marked\)$/),
    ]);

    expect(messages(await h.say('/dispute pricing wrong'))[0].text).toMatch(/^"pricing" is not a criterion\. Criteria: opening, verify_identity,/);
    expect(messages(await h.say('/dispute explain_problem x'))[0].text).toBe(
      'Explaining the problem was not marked in your place-ergo-chairs call, so there is nothing to dispute.',
    );
    const ok = messages(await h.say('/dispute State-Price I never got the chance to give it'))[0].text;
    expect(ok).toBe('Noted: your dispute of "Stating the price" (marked missed) on your place-ergo-chairs call is recorded for your assessor, who can moderate the mark. Type /history to see their answer.');
    const record = await h.latestRecord();
    expect(record.disputes).toEqual([{ criterion: 'state_price', reason: 'I never got the chance to give it', by: 'learner-1', at: expect.any(String) }]);
  });
});
