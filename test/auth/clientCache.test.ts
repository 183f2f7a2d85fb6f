/**
 * The connector and user token clients botbuilder asks for on every activity are built once
 * per bot app id, service URL and audience, and reused by later turns (real botbuilder
 * authentication, no network: with no app id it lets requests in unauthenticated).
 */
import { describe, it, expect } from '@jest/globals';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { appIdOf, ClientCache, MAX_CACHED_CLIENTS } from '../../bot/auth/clientCache.js';
import { GuardedBotFrameworkAuthentication } from '../../bot/auth/guardedAuthentication.js';
import { botFrameworkAuthOptions } from '../../bot/auth/settings.js';
import { silentLogger } from '../../bot/logger.js';

/** The server's authentication with no app id (local use): requests are let in unauthenticated. */
function auth(): GuardedBotFrameworkAuthentication {
  return new GuardedBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(botFrameworkAuthOptions({})), silentLogger());
}

function activity(serviceUrl: string): Activity {
  return { type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'bot' } } as Activity;
}

describe('Bot Framework clients reused across turns', () => {
  it('gives every turn from one service URL the same connector client, and another URL its own', async () => {
    const a = auth();
    const clientOf = async (url: string) => {
      const result = await a.authenticateRequest(activity(url), '');
      if (!result.connectorFactory) throw new Error('no connector factory');
      return result.connectorFactory.create(url, result.audience);
    };
    const first = await clientOf('https://smba.example.test/emea/');
    expect(await clientOf('https://smba.example.test/emea/')).toBe(first);
    const other = await clientOf('https://smba.example.test/amer/');
    expect(other).not.toBe(first);
    // the local Direct Line builds its factory from the claims: the same clients
    const local = a.createConnectorFactory(new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType));
    expect(await local.create('https://smba.example.test/emea/', (await a.authenticateRequest(activity('x:'), '')).audience)).toBe(first);
  });

  it('keeps one user token client per bot app id', async () => {
    const a = auth();
    const anonymous = new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
    const client = await a.createUserTokenClient(anonymous);
    expect(await a.createUserTokenClient(new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType))).toBe(client);
  });

  it('reads the app id as botbuilder does: the audience claim, else the appid claim', () => {
    expect(appIdOf(new ClaimsIdentity([{ type: 'aud', value: 'A' }, { type: 'appid', value: 'B' }]))).toBe('A');
    expect(appIdOf(new ClaimsIdentity([{ type: 'appid', value: 'B' }]))).toBe('B');
    expect(appIdOf(new ClaimsIdentity([]))).toBe('');
  });
});

describe('ClientCache', () => {
  it('makes each client once, forgets the oldest beyond its size, and does not keep a failed creation', async () => {
    const cache = new ClientCache<{ n: number }>();
    let made = 0;
    const make = async () => ({ n: ++made });
    const first = await cache.get('k0', make);
    expect(await cache.get('k0', make)).toBe(first);
    for (let i = 1; i <= MAX_CACHED_CLIENTS; i++) await cache.get(`k${i}`, make);
    expect(cache.size).toBe(MAX_CACHED_CLIENTS);
    expect(await cache.get('k0', make)).not.toBe(first); // k0 was the oldest
    await expect(cache.get('bad', async () => Promise.reject(new Error('no credentials')))).rejects.toThrow('no credentials');
    expect(await cache.get('bad', make)).toEqual({ n: made });
  });
});
