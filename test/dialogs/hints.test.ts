/** `/hint`: a nudge in practice, recorded on the call and shown on the scorecard; refused in assessment. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { criterionInfo } from '../../dialogs/marking/criteria.js';
import { messages, speaker, startBot, type Harness } from './helpers/botHarness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('/hint', () => {
  it('in practice, nudges towards the first criterion not yet met, records it, and lists it on the scorecard', async () => {
    h = await startBot();
    await h.say('/start place-ergo-chairs');
    await h.say('Good morning, Harbour & Pike Office Supplies, Sam speaking. How can I help?');
    const first = messages(await h.say('/hint'));
    expect(first.map(speaker)).toEqual(['coach']);
    // the opening is met, so the nudge is about verifying the caller — the criterion's tip, no scenario figure
    const verify = criterionInfo().verify_identity;
    expect(first[0].text).toBe(`Hint: ${verify.title}: ${verify.tip}`);

    const second = messages(await h.say('/hint'));
    expect(second[0].text).not.toBe(first[0].text);

    const record = await h.latestRecord();
    expect(record.hints.map((x) => x.criterion)).toEqual(['verify_identity', expect.any(String)]);
    expect(record.hints[0].text).toBe(`${verify.title}: ${verify.tip}`);

    const end = messages(await h.say('/end'));
    expect(end[0].text).toContain('Hints used: 2.');
    expect(end[0].text).toContain(`1. ${verify.title}: ${verify.tip}`);
    expect((end[0].channelData as { hints: string[] }).hints).toEqual(record.hints.map((x) => x.text));
    // the hints are recorded apart from the scorecard, which stays exactly the marker's
    expect(JSON.stringify((end[0].channelData as { scorecard: unknown }).scorecard)).not.toContain('Hints used');
  });

  it('is refused politely in an assessment, and nothing is recorded as a hint', async () => {
    h = await startBot();
    await h.say('/start place-ergo-chairs assessment');
    const reply = messages(await h.say('/hint'));
    expect(reply.map(speaker)).toEqual(['coach']);
    expect(reply[0].text).toBe('Hints are for practice calls. This is an assessment, so you are on your own — good luck.');
    expect((await h.latestRecord()).hints).toEqual([]);
  });
});
