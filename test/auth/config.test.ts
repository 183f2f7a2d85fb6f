/**
 * The OpenID metadata URLs in the configuration (zod at start-up) and what they become in
 * botbuilder's options: nothing when unset (production keeps botbuilder's defaults), the
 * whole public-cloud set when one is overridden.
 */
import { describe, it, expect } from '@jest/globals';
import { AuthenticationConstants } from 'botframework-connector';
import { ConfigError, loadConfig } from '../../bot/config.js';
import { botFrameworkAuthOptions } from '../../bot/auth/index.js';

const creds = { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' };

function issuesOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, '/srv/app');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map((i) => `${i.variable} ${i.message}`);
  }
  throw new Error('expected a ConfigError');
}

describe('OpenID metadata URLs in the configuration', () => {
  it('are absent unless set, so production uses botbuilder’s defaults', () => {
    expect(loadConfig(creds).microsoftApp).toEqual({ ...creds, MicrosoftAppType: 'MultiTenant' });
    expect(loadConfig({ ...creds, ToBotFromChannelOpenIdMetadataUrl: '' }).microsoftApp).not.toHaveProperty('ToBotFromChannelOpenIdMetadataUrl');
  });

  it('are read when set: https anywhere, http only on this machine', () => {
    const c = loadConfig({
      ...creds,
      ToBotFromChannelOpenIdMetadataUrl: 'https://login.example.ac.uk/v1/.well-known/openidconfiguration',
      ToBotFromEmulatorOpenIdMetadataUrl: ' http://127.0.0.1:4000/v2.0/.well-known/openid-configuration ',
    });
    expect(c.microsoftApp.ToBotFromChannelOpenIdMetadataUrl).toBe('https://login.example.ac.uk/v1/.well-known/openidconfiguration');
    expect(c.microsoftApp.ToBotFromEmulatorOpenIdMetadataUrl).toBe('http://127.0.0.1:4000/v2.0/.well-known/openid-configuration');
    expect(loadConfig({ ...creds, ToBotFromChannelOpenIdMetadataUrl: 'http://localhost:1/x' }).microsoftApp.ToBotFromChannelOpenIdMetadataUrl).toBe(
      'http://localhost:1/x',
    );
  });

  it('refuses plain http to another host, non-URLs and other schemes, naming the variable', () => {
    for (const bad of ['http://keys.example.com/openid', 'not a url', 'ftp://127.0.0.1/keys', 'file:///etc/keys.json']) {
      expect(issuesOf({ ...creds, ToBotFromChannelOpenIdMetadataUrl: bad })).toEqual([
        expect.stringMatching(/^ToBotFromChannelOpenIdMetadataUrl must be an https:\/\/ URL \(http:\/\/ only for localhost\)/),
      ]);
    }
    expect(issuesOf({ ...creds, ToBotFromEmulatorOpenIdMetadataUrl: 'http://10.0.0.5/keys' })).toEqual([
      expect.stringMatching(/^ToBotFromEmulatorOpenIdMetadataUrl must be an https/),
    ]);
  });

  it('need MicrosoftAppId: without it no token is checked at all', () => {
    expect(issuesOf({ ToBotFromChannelOpenIdMetadataUrl: 'https://login.example.ac.uk/openid' })).toEqual([
      expect.stringMatching(/^MicrosoftAppId is required when an OpenID metadata URL is set/),
    ]);
  });
});

describe('botFrameworkAuthOptions', () => {
  it('passes the credentials alone when no URL is overridden', () => {
    const settings = { ...creds, MicrosoftAppType: 'SingleTenant' as const, MicrosoftAppTenantId: 'tenant' };
    expect(botFrameworkAuthOptions(settings)).toEqual(settings);
  });

  it('fills in the rest of the public-cloud parameters when one URL is overridden', () => {
    const options = botFrameworkAuthOptions({ ...creds, ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/openid' });
    expect(options).toEqual({
      ...creds,
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/openid',
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: 'urn:botframework:azure',
    });
  });
});
