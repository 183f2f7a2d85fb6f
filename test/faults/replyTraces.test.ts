/**
 * Replies in the HTTP response (`expectReplies`) carry the bot's messages and nothing of its
 * internals: botbuilder-dialogs sends a `BotState` trace (a snapshot of the whole call state,
 * the simulated customer's memory and seed included) every turn, which only the Bot Framework
 * Emulator should get.
 */
import { describe, it, expect, afterEach } from '@jest/globals';
import { LearnerClient } from '../../bench/learner.js';
import { startServer, type Running } from '../bot/helpers/harness.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('trace activities in expectReplies responses', () => {
  it('are left out for channels other than the Emulator', async () => {
    running = await startServer();
    for (const channel of ['webchat', 'msteams', 'directline']) {
      const client = new LearnerClient(running.url, `conv-traces-${channel}`, 'learner-traces', 'Sam', channel);
      for (const text of ['/start place-ergo-chairs', 'Good morning, Harbour & Pike, Sam speaking.', '/stock CH-ERG-200']) {
        const { replies } = await client.send({ kind: 'say', text });
        expect(replies.length).toBeGreaterThan(0);
        expect(replies.map((r) => r.type)).toEqual(replies.map(() => 'message'));
      }
    }
  }, 60_000);

  it('still reach the Emulator (its state inspector uses them)', async () => {
    running = await startServer();
    const client = new LearnerClient(running.url, 'conv-traces-emulator', 'learner-traces', 'Sam', 'emulator');
    const { replies } = await client.send({ kind: 'say', text: '/start place-ergo-chairs' });
    expect(replies.some((r) => r.type === 'trace')).toBe(true);
    expect(replies.some((r) => r.type === 'message')).toBe(true);
  }, 60_000);
});
