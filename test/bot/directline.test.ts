/**
 * The local Direct Line 3.0 subset, driven the way botframework-directlinejs (Web Chat's
 * client) drives it, against the real server and bot.
 */
import { describe, it, expect, afterEach } from '@jest/globals';
import { ActivityHandler } from 'botbuilder';
import { eventually, startServer, type Running } from './helpers/harness.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

interface Dl {
  status: number;
  body: Record<string, unknown> & { activities?: Record<string, unknown>[] };
}

async function call(method: string, url: string, token?: string, body?: unknown): Promise<Dl> {
  const r = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : {} };
}

async function startConversation(base: string, user = { id: 'learner-abc', name: 'Sam Patel' }) {
  const r = await call('POST', `${base}/v3/directline/conversations`, undefined, { user, locale: 'en-GB' });
  expect(r.status).toBe(201);
  return r.body as { conversationId: string; token: string; expires_in: number };
}

const activitiesUrl = (base: string, id: string, watermark?: string) =>
  `${base}/v3/directline/conversations/${id}/activities${watermark === undefined ? '' : `?watermark=${watermark}`}`;

describe('local Direct Line', () => {
  it('starts a conversation, sends the bot a conversationUpdate and streams its welcome', async () => {
    running = await startServer();
    const c = await startConversation(running.url);
    expect(c.expires_in).toBeGreaterThan(0);
    expect(c.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const stream = await eventually(async () => {
      const r = await call('GET', activitiesUrl(running!.url, c.conversationId, ''), c.token);
      return r.body.activities!.length > 0 && r.body;
    });
    const welcome = stream.activities![0] as { from: { role: string }; channelData: { speaker: string }; id: string };
    expect(welcome.from.role).toBe('bot');
    expect(welcome.channelData.speaker).toBe('coach');
    expect(welcome.id).toContain(c.conversationId);
  });

  it('echoes the learner’s activity with its clientActivityID and an id, then the reply', async () => {
    const seen: { text?: string; from: { id: string; name?: string; role?: string }; channelId: string }[] = [];
    running = await startServer({
      bot: () => {
        const bot = new ActivityHandler();
        bot.onMessage(async (ctx, next) => {
          seen.push(ctx.activity);
          await ctx.sendActivity({ text: `You said ${ctx.activity.text}`, channelData: { speaker: 'customer' } });
          await next();
        });
        return bot;
      },
    });
    const c = await startConversation(running.url);
    const posted = await call('POST', activitiesUrl(running.url, c.conversationId), c.token, {
      type: 'message',
      text: 'Good morning, Harbour & Pike',
      textFormat: 'plain',
      locale: 'en-GB',
      from: { id: 'learner-abc', name: 'Sam Patel', role: 'user' },
      channelData: { clientActivityID: 'client-1', clientTimestamp: new Date().toISOString() },
      entities: [{ type: 'ClientCapabilities', requiresBotState: true }],
    });
    expect(posted.status).toBe(200);
    const id = posted.body.id as string;
    const all = await eventually(async () => {
      const r = await call('GET', activitiesUrl(running!.url, c.conversationId), c.token);
      return r.body.activities!.length >= 2 && r.body.activities!;
    });
    const echo = all.find((a) => a.id === id) as { channelData: { clientActivityID: string }; from: { role: string; name: string } };
    expect(echo.channelData.clientActivityID).toBe('client-1');
    expect(echo.from).toMatchObject({ role: 'user', name: 'Sam Patel' });
    const reply = all[all.indexOf(echo) + 1] as { text: string; replyToId: string; channelData: { speaker: string } };
    expect(reply).toMatchObject({ text: 'You said Good morning, Harbour & Pike', replyToId: id, channelData: { speaker: 'customer' } });
    expect(seen[0]).toMatchObject({ channelId: 'webchat', from: { id: 'learner-abc', name: 'Sam Patel', role: 'user' } });
  });

  it('pages the stream with the watermark', async () => {
    running = await startServer();
    const c = await startConversation(running.url);
    const first = await eventually(async () => {
      const r = await call('GET', activitiesUrl(running!.url, c.conversationId), c.token);
      return r.body.activities!.length > 0 && r.body;
    });
    const watermark = first.watermark as string;
    expect((await call('GET', activitiesUrl(running.url, c.conversationId, watermark), c.token)).body.activities).toEqual([]);
    await call('POST', activitiesUrl(running.url, c.conversationId), c.token, { type: 'message', text: '/help', from: { id: 'x' } });
    const next = await eventually(async () => {
      const r = await call('GET', activitiesUrl(running!.url, c.conversationId, watermark), c.token);
      return r.body.activities!.length >= 2 && r.body;
    });
    expect((next.activities![0] as { text: string }).text).toBe('/help');
    expect(Number(next.watermark)).toBe(Number(watermark) + next.activities!.length);
  });

  it('keeps conversations to their own tokens', async () => {
    running = await startServer();
    const a = await startConversation(running.url, { id: 'learner-a', name: 'A' });
    const b = await startConversation(running.url, { id: 'learner-b', name: 'B' });
    expect((await call('GET', activitiesUrl(running.url, a.conversationId))).status).toBe(401);
    expect((await call('GET', activitiesUrl(running.url, a.conversationId), b.token)).status).toBe(403);
    expect((await call('GET', activitiesUrl(running.url, a.conversationId), 'made-up-token')).status).toBe(403);
    const post = await call('POST', activitiesUrl(running.url, a.conversationId), b.token, { type: 'message', text: 'hi' });
    expect(post.status).toBe(403);
  });

  it('resumes a conversation from its token, and refreshes tokens', async () => {
    running = await startServer();
    const c = await startConversation(running.url);
    const resumed = await call('POST', `${running.url}/v3/directline/conversations`, c.token, { user: { id: 'learner-abc' } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.conversationId).toBe(c.conversationId);
    const byId = await call('GET', `${running.url}/v3/directline/conversations/${c.conversationId}`, c.token);
    expect(byId.body.conversationId).toBe(c.conversationId);
    const refreshed = await call('POST', `${running.url}/v3/directline/tokens/refresh`, c.token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token).not.toBe(c.token);
    expect((await call('GET', activitiesUrl(running.url, c.conversationId), refreshed.body.token as string)).status).toBe(200);
    expect((await call('POST', `${running.url}/v3/directline/tokens/refresh`, 'nope')).status).toBe(403);
  });

  it('rejects bodies it does not understand', async () => {
    running = await startServer();
    const c = await startConversation(running.url);
    const url = activitiesUrl(running.url, c.conversationId);
    expect((await call('POST', url, c.token, { type: 'invoke', name: 'x' })).status).toBe(400);
    expect((await call('POST', url, c.token, { type: 'message', text: 'hi', attachments: [{ contentType: 'image/png' }] })).status).toBe(400);
    expect((await call('POST', url, c.token, { type: 'message', text: 'hi', surprise: true })).status).toBe(400);
    expect((await call('POST', `${running.url}/v3/directline/conversations`, undefined, { user: { id: '../../etc' } })).status).toBe(400);
  });

  it('is off (404) when MicrosoftAppId is set, unless switched on', async () => {
    const microsoftApp = { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' as const };
    running = await startServer({ microsoftApp });
    expect((await call('POST', `${running.url}/v3/directline/conversations`, undefined, {})).status).toBe(404);
    await running.stop();

    running = await startServer({ microsoftApp, directLineLocal: true });
    const c = await startConversation(running.url);
    const welcome = await eventually(async () => {
      const r = await call('GET', activitiesUrl(running!.url, c.conversationId), c.token);
      return r.body.activities!.length > 0 && r.body.activities![0];
    });
    expect(welcome).toMatchObject({ type: 'message', channelData: { speaker: 'coach' } });
  });
});
