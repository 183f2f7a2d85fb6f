/**
 * The HTTP server as a channel sees it: the Bot Framework endpoint (expectReplies and
 * serviceUrl replies), the health check, turn errors, authentication, shutdown and the page.
 */
import { describe, it, expect, afterEach } from '@jest/globals';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { ActivityHandler, ConversationState } from 'botbuilder';
import { TURN_ERROR_TEXT } from '../../bot/adapter.js';
import { eventually, startServer, type Running } from './helpers/harness.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

function activity(fields: Record<string, unknown>) {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: 'conv-1' },
    from: { id: 'learner-1', name: 'Sam', role: 'user' },
    recipient: { id: 'bot', name: 'Bot', role: 'bot' },
    timestamp: new Date().toISOString(),
    ...fields,
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

describe('POST /api/messages', () => {
  it('answers in the response body with deliveryMode expectReplies', async () => {
    running = await startServer();
    const { status, body } = await post(`${running.url}/api/messages`, activity({ text: 'hello', deliveryMode: 'expectReplies' }));
    expect(status).toBe(200);
    // Trace activities (e.g. bot state for the Emulator) may come too; messages carry a speaker.
    const messages = body.activities.filter((a: { type: string }) => a.type === 'message');
    expect(messages.length).toBeGreaterThan(0);
    for (const a of messages) expect(['customer', 'desk', 'coach']).toContain(a.channelData?.speaker);
  });

  it('welcomes a learner added to the conversation', async () => {
    running = await startServer();
    const { body } = await post(
      `${running.url}/api/messages`,
      activity({ type: 'conversationUpdate', membersAdded: [{ id: 'learner-1', name: 'Sam' }], deliveryMode: 'expectReplies' }),
    );
    const welcome = body.activities.find((a: { type: string }) => a.type === 'message');
    expect(welcome.channelData.speaker).toBe('coach');
    expect(welcome.text.length).toBeGreaterThan(0);
  });

  it('posts replies to the activity’s serviceUrl otherwise', async () => {
    running = await startServer();
    const received: { url: string; body: Record<string, unknown> }[] = [];
    const channel = createHttpServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body: JSON.parse(data) });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${received.length}` }));
      });
    });
    await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
    try {
      const serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
      const incoming = activity({ text: 'hello', serviceUrl });
      const { status } = await post(`${running.url}/api/messages`, incoming);
      expect(status).toBe(200);
      expect(received.length).toBeGreaterThan(0);
      expect(received[0].url).toBe(`/v3/conversations/conv-1/activities/${incoming.id}`);
      expect(received[0].body).toMatchObject({ type: 'message', replyToId: incoming.id, channelData: { speaker: 'coach' } });
    } finally {
      await new Promise((r) => channel.close(r));
    }
  });

  it('tells the learner when a turn fails, and keeps the conversation state', async () => {
    running = await startServer({
      bot: (stores) => {
        const state = new ConversationState(stores.state);
        const turns = state.createProperty<number>('turns');
        const bot = new ActivityHandler();
        bot.onMessage(async (ctx, next) => {
          const n = ((await turns.get(ctx, 0)) ?? 0) + 1;
          await turns.set(ctx, n);
          await state.saveChanges(ctx);
          if (ctx.activity.text === 'boom') throw new Error('simulated failure');
          await ctx.sendActivity({ text: `turn ${n}`, channelData: { speaker: 'coach' } });
          await next();
        });
        return bot;
      },
    });
    const send = (text: string) => post(`${running!.url}/api/messages`, activity({ text, deliveryMode: 'expectReplies' }));
    expect((await send('one')).body.activities.map((a: { text: string }) => a.text)).toEqual(['turn 1']);
    const failed = await send('boom');
    expect(failed.status).toBe(200);
    const messages = failed.body.activities.filter((a: { type: string }) => a.type === 'message');
    expect(messages).toEqual([expect.objectContaining({ text: TURN_ERROR_TEXT, channelData: { speaker: 'coach' } })]);
    expect((await send('three')).body.activities.map((a: { text: string }) => a.text)).toEqual(['turn 3']);
  });

  it('requires a Bot Framework token when MicrosoftAppId is set', async () => {
    running = await startServer({ microsoftApp: { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' } });
    const { status } = await post(`${running.url}/api/messages`, activity({ text: 'hello', deliveryMode: 'expectReplies' }));
    expect(status).toBe(401);
    const forged = await post(`${running.url}/api/messages`, activity({ text: 'hello' }), { Authorization: 'Bearer not-a-jwt' });
    expect(forged.status).toBe(401);
  });
});

describe('GET /healthz', () => {
  it('answers 200 with each check when the bot can serve', async () => {
    running = await startServer();
    const r = await fetch(`${running.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok', checks: { storage: { ok: true } } });
  });

  it('answers 503 naming the check that fails', async () => {
    running = await startServer();
    await running.stores.close();
    const r = await fetch(`${running.url}/healthz`);
    expect(r.status).toBe(503);
    const body = await r.json();
    expect(body.status).toBe('unavailable');
    expect(body.checks.storage).toEqual({ ok: false, detail: expect.stringMatching(/closed/) });
  });
});

describe('shutdown', () => {
  it('finishes a turn in flight, then stops accepting', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    running = await startServer({
      bot: () => {
        const bot = new ActivityHandler();
        bot.onMessage(async (ctx, next) => {
          await gate;
          await ctx.sendActivity({ text: 'finished', channelData: { speaker: 'coach' } });
          await next();
        });
        return bot;
      },
    });
    const { url, app } = running;
    const inFlight = post(`${url}/api/messages`, activity({ text: 'slow', deliveryMode: 'expectReplies' }));
    await eventually(async () => app.turnsInFlight === 1);
    const closing = app.close();
    setTimeout(release, 100);
    const reply = await inFlight;
    expect(reply.status).toBe(200);
    expect(reply.body.activities.map((a: { text: string }) => a.text)).toEqual(['finished']);
    await closing;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

describe('the Web Chat page', () => {
  it('serves the page with a Content-Security-Policy that Web Chat can live with', async () => {
    running = await startServer();
    const r = await fetch(`${running.url}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self'");
    const html = await r.text();
    expect(html).toContain('src="/static/webchat.js"');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('serves Web Chat from the installed package, compressed and cacheable', async () => {
    running = await startServer();
    const plain = await fetch(`${running.url}/static/webchat.js`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.status).toBe(200);
    const body = Buffer.from(await plain.arrayBuffer());
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body.toString('utf8')).toContain('renderWebChat');
    const etag = plain.headers.get('etag') ?? '';
    expect(etag).not.toBe('');

    const { request } = await import('node:http');
    const gz = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${running!.url}/static/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(gz.encoding).toBe('gzip');
    expect(gz.body.length).toBeLessThan(body.length / 2);
    expect(gunzipSync(gz.body).equals(body)).toBe(true);

    const again = await fetch(`${running.url}/static/webchat.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves only its own files', async () => {
    running = await startServer();
    for (const path of ['/static/index.html', '/static/package.json', '/static/..%2F..%2Fpackage.json', '/static/%2e%2e%2fconfig.ts']) {
      expect((await fetch(`${running.url}${path}`)).status).toBe(404);
    }
    expect((await fetch(`${running.url}/static/app.js`)).status).toBe(200);
    expect((await fetch(`${running.url}/static/app.css`)).status).toBe(200);
  });
});
