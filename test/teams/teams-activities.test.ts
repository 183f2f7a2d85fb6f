/**
 * Activities shaped as Microsoft Teams sends them, end to end through the real endpoint,
 * authenticated as Teams requests are (an RS256 token from a loopback OpenID key server,
 * see test/auth/helpers), with replies in the HTTP body (`deliveryMode: expectReplies`):
 * welcome on install, the bot's @mention removed, a card submit starting a scenario, the
 * learner known by `aadObjectId`, and only Adaptive Cards Teams can show (version ≤ 1.5).
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CallRecord } from '../../domain/calls.js';
import { channelClaims, makeSigningKey, signJwt, startOpenIdServer, type OpenIdServer } from '../auth/helpers/openIdServer.js';
import { postActivity, repliesOf, startAuthServer, type AuthRunning } from '../auth/helpers/authHarness.js';

const APP_ID = '7e3b9c2a-1f4d-4b6e-8a0c-5d2f1e9b7a31';
const BOT = { id: `28:${APP_ID}`, name: 'Order Call Trainer' };
const TENANT = '72f988bf-0000-4000-8000-00000000c011';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
/** Actions the bot handles (a submit comes back as a message with `value`) or Teams handles itself. */
const ACTIONS_TEAMS_AND_BOT_HANDLE = new Set(['Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility']);

type Reply = ReturnType<typeof repliesOf>[number];

interface Learner {
  id: string;
  name: string;
  aadObjectId: string;
}

function newLearner(name: string): Learner {
  return { id: `29:${randomUUID().replace(/-/g, '')}`, name, aadObjectId: randomUUID() };
}

/** A personal (1:1) chat between one learner and the bot. */
function personalChat(learner: Learner) {
  const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: TENANT };
  const base = (fields: Record<string, unknown>) => ({
    id: `1:${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    locale: 'en-GB',
    from: { id: learner.id, name: learner.name, aadObjectId: learner.aadObjectId },
    recipient: BOT,
    conversation,
    channelData: { tenant: { id: TENANT } },
    ...fields,
  });
  return {
    conversation,
    installed: () => base({ type: 'installationUpdate', action: 'add' }),
    membersAdded: (...members: { id: string; name?: string; aadObjectId?: string }[]) => base({ type: 'conversationUpdate', membersAdded: members }),
    /** A typed message; with `mention`, it starts with the bot's @mention as Teams writes it. */
    message: (text: string, mention = false) =>
      base({
        type: 'message',
        textFormat: 'plain',
        text: mention ? `<at>${BOT.name}</at> ${text}` : text,
        entities: [
          ...(mention ? [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }] : []),
          { type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' },
        ],
      }),
    /** An Adaptive Card `Action.Submit`: its data as `value`, the text empty. */
    submit: (data: unknown, replyToId: string) =>
      base({ type: 'message', text: '', value: data, replyToId, channelData: { tenant: { id: TENANT }, source: { name: 'message' }, legacy: { replyToId } } }),
  };
}

let keys: OpenIdServer;
let running: AuthRunning;
const signing = makeSigningKey('teams-key', ['msteams']);
/** Every reply the bot sent in this file, for the card checks. */
const allReplies: Reply[] = [];

/** Sends an activity as Teams does (with a fresh token); returns the bot's messages. */
async function send(activity: Record<string, unknown>): Promise<Reply[]> {
  const posted = await postActivity(running.url, activity, signJwt(channelClaims(APP_ID, SERVICE_URL), signing));
  expect(posted.status).toBe(200);
  const replies = repliesOf(posted);
  allReplies.push(...replies);
  return replies;
}

const cardsOf = (replies: Reply[]) => replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === ADAPTIVE).map((a) => a.content as Record<string, unknown>));

/** Every `Action.Submit` data object in a card, wherever it sits. */
function submitData(node: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const n of node) submitData(n, found);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Submit') found.push(o.data);
    for (const v of Object.values(o)) submitData(v, found);
  }
  return found;
}

async function callsOf(learner: Learner): Promise<CallRecord[]> {
  const page = await running.stores.calls.list({ learner: learner.aadObjectId, order: 'asc' });
  return Promise.all(page.rows.map(async (r) => (await running.stores.calls.get(r.id))!));
}

beforeAll(async () => {
  keys = await startOpenIdServer([signing]);
  running = await startAuthServer({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'teams-test-password',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: TENANT,
    ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
  });
});

afterAll(async () => {
  await running?.stop();
  await keys?.close();
});

describe('a Teams personal chat', () => {
  const learner = newLearner('Priya Shah');
  const chat = personalChat(learner);
  let welcome: Reply[] = [];

  it('welcomes the learner once, when the app is installed (Teams adds only the bot to a personal chat)', async () => {
    // Teams sends conversationUpdate with the bot as the member added, then installationUpdate.
    expect(await send(chat.membersAdded({ id: BOT.id }))).toEqual([]);
    welcome = await send(chat.installed());
    expect(welcome).toHaveLength(1);
    expect(welcome[0].channelData?.speaker).toBe('coach');
    expect(welcome[0].text).toContain('Priya Shah');
    expect(welcome[0].text).toContain('place-ergo-chairs');
    // The same content as a card whose buttons submit the commands.
    const [card] = cardsOf(welcome);
    expect(submitData(card)).toContainEqual({ command: '/start place-ergo-chairs' });
    // No second welcome when the learner then shows up in a conversationUpdate.
    expect(await send(chat.membersAdded({ id: learner.id, name: learner.name, aadObjectId: learner.aadObjectId }))).toEqual([]);
  });

  it('reads "@Order Call Trainer /start …" as the command: briefing, the customer speaks, the call is the learner’s by aadObjectId', async () => {
    const replies = await send(chat.message('/start place-ergo-chairs', true));
    const speakers = replies.map((r) => r.channelData?.speaker);
    expect(speakers[0]).toBe('coach');
    expect(speakers).toContain('customer');
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(/not a command|nobody heard/);

    const calls = await callsOf(learner);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({
      scenario: 'place-ergo-chairs',
      mode: 'practice',
      status: 'in-progress',
      learner: { id: learner.aadObjectId, aadObjectId: learner.aadObjectId, name: learner.name },
    });
    // Stored without the mention, as contract §4 wants the first learner line.
    const firstLearnerLine = call.transcript.find((a) => a.from.role === 'user');
    expect(firstLearnerLine?.text).toBe('/start place-ergo-chairs');
    expect(JSON.stringify(call.transcript)).not.toContain('<at>');
  });

  it('passes what the learner says to the customer, and stores it as typed', async () => {
    const replies = await send(chat.message('Good morning, Harbour & Pike order desk, Sam speaking. How can I help?'));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.channelData?.speaker === 'customer')).toBe(true);
    const [call] = await callsOf(learner);
    expect(call.transcript.filter((a) => a.from.role === 'user').map((a) => a.text)).toEqual([
      '/start place-ergo-chairs',
      'Good morning, Harbour & Pike order desk, Sam speaking. How can I help?',
    ]);
  });

  it('starts the chosen scenario from a card submit with empty text (abandoning the call in progress)', async () => {
    const replies = await send(chat.submit({ command: '/start place-ergo-chairs assessment' }, 'welcome-card'));
    expect(replies.map((r) => r.channelData?.speaker)).toContain('customer');
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(/only read typed messages/);
    const calls = await callsOf(learner);
    expect(calls.map((c) => [c.mode, c.status])).toEqual([
      ['practice', 'abandoned'],
      ['assessment', 'in-progress'],
    ]);
    expect(calls[1].learner.id).toBe(learner.aadObjectId);
    // Recorded as the command the button stands for.
    expect(calls[1].transcript.find((a) => a.from.role === 'user')?.text).toBe('/start place-ergo-chairs assessment');
  });

  it('ends with /end @mentioned: the scorecard card and JSON, the call marked', async () => {
    const replies = await send(chat.message('/end', true));
    const scorecard = replies.find((r) => (r.channelData as { scorecard?: unknown } | undefined)?.scorecard);
    expect(scorecard?.channelData?.speaker).toBe('coach');
    const calls = await callsOf(learner);
    expect(calls[1]).toMatchObject({ status: 'ended', learner: { id: learner.aadObjectId } });
    expect(typeof calls[1].score).toBe('number');
  });
});

describe('a learner added by conversationUpdate (contract §2.1)', () => {
  it('is welcomed with the scenarios, card and text', async () => {
    const learner = newLearner('Tom Okafor');
    const chat = personalChat(learner);
    const replies = await send(chat.membersAdded({ id: learner.id, name: learner.name, aadObjectId: learner.aadObjectId }));
    expect(replies).toHaveLength(1);
    expect(replies[0].channelData?.speaker).toBe('coach');
    expect(replies[0].text).toContain('Tom Okafor');
    expect(cardsOf(replies)).toHaveLength(1);
  });
});

describe('Adaptive Cards sent to Teams', () => {
  it('are all version 1.5 or lower, with object submit data and only actions Teams or the bot handle', () => {
    const cards = cardsOf(allReplies);
    expect(cards.length).toBeGreaterThanOrEqual(3);
    for (const card of cards) {
      expect(card.type).toBe('AdaptiveCard');
      const [major, minor] = String(card.version).split('.').map(Number);
      expect(major * 100 + minor).toBeLessThanOrEqual(105);
      for (const data of submitData(card)) expect(data).toEqual(expect.any(Object));
      const actionTypes = JSON.stringify(card).match(/"type":"Action\.[A-Za-z]+"/g) ?? [];
      for (const t of actionTypes) expect(ACTIONS_TEAMS_AND_BOT_HANDLE).toContain(t.slice(8, -1));
    }
  });
});
