/**
 * Bot Framework authentication on the real endpoint, checked for real: the test serves its
 * own OpenID metadata and signing keys on loopback, signs RS256 tokens as the Bot Connector
 * service does, and points the server at them with `ToBotFromChannelOpenIdMetadataUrl`.
 */
import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { MicrosoftAppSettings } from '../../bot/config.js';
import {
  channelClaims,
  closedPort,
  makeSigningKey,
  signJwt,
  startOpenIdServer,
  unsignedJwt,
  type OpenIdServer,
  type SigningKey,
} from './helpers/openIdServer.js';
import { postActivity, repliesOf, startAuthServer, type AuthRunning, type Posted } from './helpers/authHarness.js';

const APP_ID = '5b0c1f3e-6a7d-4e52-9f0a-0d2c3b4a5e6f';
const PASSWORD = 'pw-Zq8~not.a.real.secret~4471';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

/** Every token this file sends, and everything written to the console, for the secrets check. */
const tokensSent: string[] = [];
const consoleLines: string[] = [];
const servers: AuthRunning[] = [];

function token(claims: Record<string, unknown>, key: Pick<SigningKey, 'kid' | 'privateKey'>, header?: Record<string, unknown>): string {
  const t = signJwt(claims, key, header);
  tokensSent.push(t);
  return t;
}

function teamsMessage(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `1:${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    deliveryMode: 'expectReplies',
    from: { id: '29:1a2b3c', name: 'Sam Patel', aadObjectId: 'f0e1d2c3-0000-4000-8000-000000000001' },
    recipient: { id: `28:${APP_ID}`, name: 'Order Call Trainer' },
    conversation: { id: `a:conv-${Math.random().toString(36).slice(2)}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    timestamp: new Date().toISOString(),
    text,
    ...fields,
  };
}

async function start(settings: Partial<MicrosoftAppSettings>): Promise<AuthRunning> {
  const running = await startAuthServer({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: PASSWORD, MicrosoftAppType: 'MultiTenant', ...settings });
  servers.push(running);
  return running;
}

/** A refusal tells the caller what it may know and nothing of ours. */
function expectNothingInternal(posted: Posted): void {
  const body = posted.body as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['code', 'message']);
  expect(posted.text).not.toMatch(/https?:|127\.0\.0\.1|ECONNREFUSED|\bat \S+ \(|jwt|signature|kid|Error:|stack/i);
}

function expectRefused(posted: Posted): void {
  expect(posted.status).toBe(401);
  expect(posted.headers.get('www-authenticate')).toBe('Bearer');
  expect((posted.body as { code: string }).code).toBe('Unauthorized');
  expectNothingInternal(posted);
}

beforeAll(() => {
  // botbuilder writes some refusals to the console itself (jsonwebtoken errors, the public key
  // it tried); keep them to check they hold no secret, and out of the test output.
  for (const level of ['error', 'warn', 'log'] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (a instanceof Error ? `${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});

afterAll(async () => {
  jest.restoreAllMocks();
  for (const s of servers) await s.stop();
});

describe('with MicrosoftAppId set', () => {
  let keys: OpenIdServer;
  let running: AuthRunning;
  const good = makeSigningKey('key-1');
  const webchatOnly = makeSigningKey('key-webchat', ['webchat']);

  beforeAll(async () => {
    keys = await startOpenIdServer([good, webchatOnly]);
    running = await start({ ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl });
  });
  afterAll(() => keys.close());

  it('accepts a valid channel token: the bot replies, the keys were fetched from the metadata', async () => {
    const posted = await postActivity(running.url, teamsMessage('/help'), token(channelClaims(APP_ID, SERVICE_URL), good));
    expect(posted.status).toBe(200);
    const replies = repliesOf(posted);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0].channelData?.speaker).toBe('coach');
    expect(replies[0].text).toContain('/start');
    expect(keys.hits['/v1/.well-known/openidconfiguration']).toBeGreaterThanOrEqual(1);
    expect(keys.hits['/v1/.well-known/keys']).toBeGreaterThanOrEqual(1);
  });

  it('accepts a token up to five minutes past its expiry (botbuilder’s clock tolerance)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = channelClaims(APP_ID, SERVICE_URL, { iat: now - 3600, nbf: now - 3600, exp: now - 120 });
    const posted = await postActivity(running.url, teamsMessage('/help'), token(claims, good));
    expect(posted.status).toBe(200);
  });

  it('refuses a request without Authorization, and the turn never runs', async () => {
    const posted = await postActivity(running.url, teamsMessage('/start place-ergo-chairs'));
    expectRefused(posted);
    expect((posted.body as { message: string }).message).toMatch(/token is required/);
    expect((await running.stores.calls.list()).total).toBe(0);
  });

  const now = (): number => Math.floor(Date.now() / 1000);
  const refusals: [string, () => string][] = [
    ['signed with another key under the same kid', () => token(channelClaims(APP_ID, SERVICE_URL), { kid: good.kid, privateKey: makeSigningKey('x').privateKey })],
    ['signed with a key the metadata does not list', () => token(channelClaims(APP_ID, SERVICE_URL), makeSigningKey('key-unknown'))],
    [
      'unsigned (alg: none)',
      () => {
        const t = unsignedJwt(channelClaims(APP_ID, SERVICE_URL), good.kid);
        tokensSent.push(t);
        return t;
      },
    ],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      () => {
        const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: good.kid })).toString('base64url');
        const body = Buffer.from(JSON.stringify(channelClaims(APP_ID, SERVICE_URL))).toString('base64url');
        const pem = good.privateKey.export({ format: 'pem', type: 'pkcs1' });
        const mac = createHmac('sha256', pem).update(`${head}.${body}`).digest('base64url');
        tokensSent.push(`${head}.${body}.${mac}`);
        return `${head}.${body}.${mac}`;
      },
    ],
    ['for another bot (wrong audience)', () => token(channelClaims('another-app-id', SERVICE_URL), good)],
    ['from another issuer', () => token(channelClaims(APP_ID, SERVICE_URL, { iss: 'https://evil.example.com' }), good)],
    ['expired more than five minutes ago', () => token(channelClaims(APP_ID, SERVICE_URL, { iat: now() - 7200, nbf: now() - 7200, exp: now() - 600 }), good)],
    ['not valid until later', () => token(channelClaims(APP_ID, SERVICE_URL, { nbf: now() + 1800, iat: now() }), good)],
    ['for another serviceUrl', () => token(channelClaims(APP_ID, 'https://smba.example.net/attacker/'), good)],
    ['signed by a key endorsed only for another channel', () => token(channelClaims(APP_ID, SERVICE_URL), webchatOnly)],
    ['not a JWT at all', () => 'not-a-jwt'],
  ];

  it.each(refusals)('refuses a token %s with 401 and no internals', async (_name, make) => {
    const posted = await postActivity(running.url, teamsMessage('/start place-ergo-chairs'), make());
    expectRefused(posted);
    expect((posted.body as { message: string }).message).toMatch(/not accepted/);
  });

  it('ran no turn for any refused request', async () => {
    expect((await running.stores.calls.list()).total).toBe(0);
  });

  it('logs each refusal with its reason and botbuilder’s detail, never the token', () => {
    const refused = running.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'Bot Framework request refused');
    expect(refused.length).toBeGreaterThanOrEqual(refusals.length + 1);
    expect(refused.map((l) => l.reason)).toContain('missing-token');
    expect(refused.map((l) => l.reason)).toContain('invalid-token');
    expect(refused.every((l) => l.channelId === 'msteams' && typeof l.detail === 'string')).toBe(true);
    expect(refused.map((l) => l.detail).join('\n')).toMatch(/invalid signature|audience|expired|ServiceUrl|endorsement/i);
  });

  it('answers 400 to a body that is not an activity, before any authentication', async () => {
    const posted = await postActivity(running.url, { text: 'no type' }, token(channelClaims(APP_ID, SERVICE_URL), good));
    expect(posted.status).toBe(400);
    expectNothingInternal(posted);
  });
});

describe('tokens from the Bot Framework Emulator', () => {
  it('are checked against ToBotFromEmulatorOpenIdMetadataUrl’s keys, apart from the channel keys', async () => {
    const channelKey = makeSigningKey('channel-key');
    const emulatorKey = makeSigningKey('emulator-key', ['emulator']);
    const channelKeys = await startOpenIdServer([channelKey]);
    const emulatorKeys = await startOpenIdServer([emulatorKey]);
    try {
      const running = await start({ ToBotFromChannelOpenIdMetadataUrl: channelKeys.metadataUrl, ToBotFromEmulatorOpenIdMetadataUrl: emulatorKeys.metadataUrl });
      const now = Math.floor(Date.now() / 1000);
      // As the Emulator's v1 tokens from Azure AD: a Bot Framework tenant issuer, `appid` = our app.
      const claims = { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', aud: APP_ID, appid: APP_ID, ver: '1.0', nbf: now - 60, exp: now + 3600 };
      const activity = teamsMessage('/help', { channelId: 'emulator', serviceUrl: 'http://localhost:53000' });
      const accepted = await postActivity(running.url, activity, token(claims, emulatorKey));
      expect(accepted.status).toBe(200);
      expect(repliesOf(accepted).length).toBeGreaterThan(0);
      expect(emulatorKeys.hits['/v1/.well-known/keys']).toBeGreaterThanOrEqual(1);
      expectRefused(await postActivity(running.url, activity, token(claims, { kid: emulatorKey.kid, privateKey: channelKey.privateKey })));
      expectRefused(await postActivity(running.url, activity, token({ ...claims, appid: 'another-app' }, emulatorKey)));
    } finally {
      await channelKeys.close();
      await emulatorKeys.close();
    }
  });
});

describe('replies to the serviceUrl with MicrosoftAppId set', () => {
  it('need a token from Azure AD: without one (offline, or a made-up app) the turn fails, is logged, and nothing reaches the channel', async () => {
    const key = makeSigningKey('key-1');
    const keys = await startOpenIdServer([key]);
    const received: string[] = [];
    const channel = createHttpServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"reply"}');
    });
    await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
    try {
      const serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
      const running = await start({ ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl });
      const posted = await postActivity(
        running.url,
        teamsMessage('/help', { serviceUrl, deliveryMode: undefined }),
        token(channelClaims(APP_ID, serviceUrl), key),
      );
      // Authenticated, so the turn ran; its replies could not be sent.
      expect(posted.status).toBe(200);
      expect(received).toEqual([]);
      const failed = running.logs.map((l) => JSON.parse(l) as { msg: string }).filter((l) => l.msg === 'bot turn failed');
      expect(failed).toHaveLength(1);
    } finally {
      await new Promise((resolve) => channel.close(resolve));
      await keys.close();
    }
  });
});

describe('when the signing keys cannot be loaded', () => {
  it('answers 503 with Retry-After and nothing internal when the metadata URL refuses connections (never 500)', async () => {
    const port = await closedPort();
    const running = await start({ ToBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration` });
    const key = makeSigningKey('key-1');
    const posted = await postActivity(running.url, teamsMessage('/help'), token(channelClaims(APP_ID, SERVICE_URL), key));
    expect(posted.status).toBe(503);
    expect(posted.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((posted.body as { code: string }).code).toBe('ServiceUnavailable');
    expectNothingInternal(posted);
    expect(posted.text).not.toContain(String(port));
    // The operator's log says what failed (our own URL is not a secret; the token is).
    const entry = running.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.reason === 'metadata-unavailable');
    expect(entry).toMatchObject({ level: 50, status: 503 });
    expect(String(entry?.detail)).toMatch(/ECONNREFUSED/);
  });

  it('answers 503 while the metadata server fails, then lets requests in once it is back', async () => {
    const key = makeSigningKey('key-1');
    const keys = await startOpenIdServer([key]);
    try {
      keys.failWith = 500;
      const running = await start({ ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl });
      const down = await postActivity(running.url, teamsMessage('/help'), token(channelClaims(APP_ID, SERVICE_URL), key));
      expect(down.status).toBe(503);
      expectNothingInternal(down);
      keys.failWith = undefined;
      const up = await postActivity(running.url, teamsMessage('/help'), token(channelClaims(APP_ID, SERVICE_URL), key));
      expect(up.status).toBe(200);
      expect(repliesOf(up).length).toBeGreaterThan(0);
    } finally {
      await keys.close();
    }
  });
});

describe('botbuilder on its own', () => {
  it('refuses even a valid token when only the metadata URL is configured (why bot/auth fills in the rest)', async () => {
    const key = makeSigningKey('key-1');
    const keys = await startOpenIdServer([key]);
    try {
      const bare = new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: PASSWORD,
        ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
      });
      const activity = teamsMessage('/help') as unknown as Activity;
      await expect(bare.authenticateRequest(activity, `Bearer ${token(channelClaims(APP_ID, SERVICE_URL), key)}`)).rejects.toThrow(
        /No valid identity|Issuer/,
      );
    } finally {
      await keys.close();
    }
  });
});

describe('without MicrosoftAppId (local use)', () => {
  it('is open: no token needed, and an Authorization header is ignored', async () => {
    const running = await startAuthServer({});
    servers.push(running);
    const open = await postActivity(running.url, teamsMessage('/help', { channelId: 'emulator' }));
    expect(open.status).toBe(200);
    expect(repliesOf(open).length).toBeGreaterThan(0);
    const withJunk = await postActivity(running.url, teamsMessage('/help', { channelId: 'emulator' }), 'junk');
    expect(withJunk.status).toBe(200);
  });
});

describe('secrets', () => {
  it('never appear in the logs or on the console: not the app password, not a token', () => {
    const everything = [...servers.flatMap((s) => s.logs), ...consoleLines].join('\n');
    expect(everything.length).toBeGreaterThan(0);
    expect(everything).not.toContain(PASSWORD);
    for (const t of tokensSent) {
      expect(everything).not.toContain(t);
      // Nor the signature alone (a token cut at its dots).
      const signature = t.split('.')[2];
      if (signature) expect(everything).not.toContain(signature);
    }
  });
});
