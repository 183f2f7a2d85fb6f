/**
 * A practice call over HTTP, as the Bot Framework Emulator plays it: the real server from
 * bot/ on port 0, `POST /api/messages` with `deliveryMode: "expectReplies"` (replies in the
 * response), and without it (replies POSTed to the activity's serviceUrl, a server the test
 * listens on). The call is stored as it happens.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, startServer, type Running } from '../bot/helpers/harness.js';

let running: Running | undefined;
let channel: Server | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  if (channel) await new Promise((r) => channel!.close(r));
  channel = undefined;
});

interface Reply {
  type: string;
  text?: string;
  channelData?: { speaker?: string; scorecard?: { scenario: string; score: number } };
}

let n = 0;
function activity(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `emu-${++n}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: 'emulator-conv-1' },
    from: { id: 'emulator-user', name: 'Sam', role: 'user' },
    recipient: { id: 'bot', name: 'Order Call Trainer', role: 'bot' },
    timestamp: new Date().toISOString(),
    locale: 'en-GB',
    ...fields,
  };
}

async function send(fields: Record<string, unknown>): Promise<Reply[]> {
  const r = await fetch(`${running!.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity({ deliveryMode: 'expectReplies', ...fields })),
  });
  expect(r.status).toBe(200);
  const body = (await r.json()) as { activities: Reply[] };
  return body.activities.filter((a) => a.type === 'message');
}

describe('a practice call over HTTP', () => {
  it('runs from the welcome to the scorecard, with replies in the response and at the serviceUrl', async () => {
    running = await startServer();
    const welcome = await send({ type: 'conversationUpdate', membersAdded: [{ id: 'emulator-user', name: 'Sam' }] });
    expect(welcome.map((a) => a.channelData?.speaker)).toEqual(['coach']);
    expect(welcome[0].text).toContain('place-ergo-chairs');

    const started = await send({ text: '/start place-ergo-chairs' });
    expect(started.map((a) => a.channelData?.speaker)).toEqual(['coach', 'customer']);

    const quote = await send({ text: '/quote CH-ERG-200 6' });
    expect(quote.map((a) => a.channelData?.speaker)).toEqual(['desk']);
    expect(quote[0].text).toContain('Total £965.52 inc VAT');
    expect(quote[0].text).toContain('Delivery: Thursday 5 March 2026');

    // without expectReplies: the reply goes to the channel's serviceUrl
    const received: { url: string; body: Reply }[] = [];
    channel = createHttpServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body: JSON.parse(data) as Reply });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `channel-${received.length}` }));
      });
    });
    await new Promise<void>((r) => channel!.listen(0, '127.0.0.1', r));
    const serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
    const incoming = activity({ text: 'Good morning, Harbour & Pike Office Supplies, Sam speaking.', serviceUrl });
    const r = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(incoming) });
    expect(r.status).toBe(200);
    await eventually(async () => received.length > 0);
    expect(received[0].url).toBe(`/v3/conversations/emulator-conv-1/activities/${incoming.id as string}`);
    expect(received[0].body).toMatchObject({ type: 'message', channelData: { speaker: 'customer' } });

    const end = await send({ text: '/end' });
    expect(end.map((a) => a.channelData?.speaker)).toEqual(['coach']);
    expect(end[0].channelData?.scorecard?.scenario).toBe('place-ergo-chairs');

    const { rows } = await running.stores.calls.list({ learner: 'emulator-user' });
    expect(rows).toEqual([expect.objectContaining({ scenario: 'place-ergo-chairs', status: 'ended', score: end[0].channelData?.scorecard?.score })]);
    const record = await running.stores.calls.get(rows[0].id);
    expect(record?.transcript.filter((a) => a.from.role === 'user').map((a) => a.text)).toEqual([
      '/start place-ergo-chairs',
      '/quote CH-ERG-200 6',
      'Good morning, Harbour & Pike Office Supplies, Sam speaking.',
      '/end',
    ]);
    expect(record?.transcript.map((a) => a.text)).toContain(received[0].body.text);
  }, 60_000);
});
