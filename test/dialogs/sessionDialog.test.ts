/**
 * The session dialog on its own, as in BotBuilder-Samples 05.multi-turn-prompt: a turn table
 * through botbuilder-testing's DialogTestClient, with the call recorder as middleware.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Activity } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { silentLogger } from '../../bot/logger.js';
import { LowdbCallStore } from '../../bot/storage/lowdbCallStore.js';
import { realCustomers, realMarker } from '../../dialogs/call/defaults.js';
import { recordCalls } from '../../dialogs/call/recorder.js';
import { ScenarioCatalogue, type CallServices } from '../../dialogs/call/services.js';
import { SessionDialog } from '../../dialogs/session/sessionDialog.js';
import { makeTempDir } from '../bot/storage/tempDir.js';
import { scenarios, TEST_EPOCH } from './helpers/botHarness.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function client(): Promise<{ client: DialogTestClient; calls: LowdbCallStore }> {
  const tmp = await makeTempDir('oct-session-');
  const calls = await LowdbCallStore.open(tmp.dir);
  cleanup = async () => {
    await calls.close();
    await tmp.remove();
  };
  let ticks = 0;
  const now = (): number => TEST_EPOCH + ticks++;
  const svc: CallServices = {
    calls,
    scenarios: new ScenarioCatalogue(scenarios()),
    customers: realCustomers,
    marker: realMarker(),
    seed: () => 5,
    now,
    logger: silentLogger(),
  };
  return { client: new DialogTestClient('test', new SessionDialog(svc), undefined, [recordCalls(calls, now)]), calls };
}

/** Sends `text`; returns the speakers of every reply of the turn. */
async function turn(c: DialogTestClient, text: string): Promise<string[]> {
  const speakers: string[] = [];
  let reply = (await c.sendActivity(text)) as Partial<Activity> | undefined;
  while (reply) {
    if (reply.type === 'message') speakers.push((reply.channelData as { speaker: string }).speaker);
    reply = c.getNextReply() as Partial<Activity> | undefined;
  }
  return speakers;
}

describe('SessionDialog turn table', () => {
  it('starts, runs and ends a call, and never ends itself', async () => {
    const { client: c, calls } = await client();
    const table: [string, string[]][] = [
      ['hello', ['coach']],
      ['/start place-ergo-chairs', ['coach', 'customer']],
      ['Good morning, Harbour & Pike, Sam speaking.', ['customer']],
      ['/stock CH-ERG-200', ['desk']],
      ['/help', ['coach']],
      ['/end', ['coach']],
      ['/end', ['coach']],
    ];
    for (const [text, speakers] of table) {
      expect({ text, speakers: await turn(c, text) }).toEqual({ text, speakers });
      expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    }
    const { rows } = await calls.list();
    expect(rows).toEqual([expect.objectContaining({ scenario: 'place-ergo-chairs', status: 'ended' })]);
    const record = await calls.get(rows[0].id);
    expect(record?.transcript.map((a) => a.text?.split('\n')[0].slice(0, 24))).toEqual([
      '/start place-ergo-chairs',
      expect.stringMatching(/^Practice call: place-er/),
      expect.any(String),
      'Good morning, Harbour & ',
      expect.any(String),
      '/stock CH-ERG-200',
      'CH-ERG-200 Ergo 200 task',
      '/help',
      'Session commands:',
      '/end',
    ]);
  });
});
