/**
 * Turns of one conversation arriving together (a double send, a channel retry) run one at a
 * time, so none is lost: each `/place` sees the order the one before it placed. And many
 * learners at once each get a complete, correct call record.
 */
import { describe, it, expect, afterEach } from '@jest/globals';
import { LearnerClient } from '../../bench/learner.js';
import { startServer, type Running } from '../bot/helpers/harness.js';
import { ScriptedLearner, expectStoredCallMatches, messageTexts } from './helpers.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('turns of one conversation at the same time', () => {
  it('run one after another: six concurrent /place get six different order numbers, all recorded', async () => {
    running = await startServer();
    const client = new LearnerClient(running.url, 'conv-double-send');
    await client.send({ kind: 'say', text: '/start place-ergo-chairs' });
    const results = await Promise.all(Array.from({ length: 6 }, () => client.send({ kind: 'say', text: '/place CH-ERG-200 1' })));
    const orders = results.map((r) => /Order (SO-\d+) placed/.exec(messageTexts(r.replies).join('\n'))?.[1]);
    expect(new Set(orders).size).toBe(6);
    expect(orders.sort()).toEqual(['SO-49002', 'SO-49003', 'SO-49004', 'SO-49005', 'SO-49006', 'SO-49007']);

    const [row] = (await running.stores.calls.list({ learner: client.learnerId })).rows;
    const call = await running.stores.calls.get(row.id);
    expect(call?.transcript.filter((a) => a.text === '/place CH-ERG-200 1')).toHaveLength(6);
  }, 60_000);
});

describe('many learners at once', () => {
  it('each gets a whole call: every message and reply stored in order, with the scorecard shown', async () => {
    running = await startServer();
    const url = running.url;
    const learners = Array.from({ length: 8 }, (_, i) => new ScriptedLearner(new LearnerClient(url, `conv-many-${i}`)));
    await Promise.all(learners.map((l) => l.run()));
    for (const learner of learners) {
      expect(learner.scorecard?.score).toEqual(expect.any(Number));
      await expectStoredCallMatches(running.stores.calls, learner);
    }
  }, 120_000);
});
