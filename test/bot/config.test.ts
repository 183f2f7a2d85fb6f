import { describe, it, expect } from '@jest/globals';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config.js';

const issuesOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env, '/srv/app');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map((i) => `${i.variable} ${i.message}`);
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('has working defaults for local use', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toEqual({
      port: 3978,
      microsoftApp: {},
      storage: { kind: 'lowdb', dataDir: resolve('/srv/app', 'data') },
      scenariosDir: resolve('/srv/app', 'scenarios'),
      publicUrl: 'http://localhost:3978',
      assessorTokens: [],
      logLevel: 'info',
      directLineLocal: true,
    });
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    const c = loadConfig({ PORT: '', MicrosoftAppId: '', MicrosoftAppPassword: '', STORAGE: '', ASSESSOR_TOKENS: '' }, '/srv/app');
    expect(c.port).toBe(3978);
    expect(c.microsoftApp).toEqual({});
    expect(c.storage.kind).toBe('lowdb');
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        PORT: '8080',
        MicrosoftAppId: 'app-id',
        MicrosoftAppPassword: 'secret',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: 'tenant',
        STORAGE: 'postgres',
        DATABASE_URL: 'postgres://trainer@localhost/trainer',
        SCENARIOS_DIR: '/opt/scenarios',
        ASSESSOR_TOKENS: ' tok-one ,tok-two,, ',
        LOG_LEVEL: 'debug',
      },
      '/srv/app',
    );
    expect(c.port).toBe(8080);
    expect(c.microsoftApp).toEqual({
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(c.storage).toEqual({ kind: 'postgres', databaseUrl: 'postgres://trainer@localhost/trainer' });
    expect(c.scenariosDir).toBe('/opt/scenarios');
    expect(c.assessorTokens).toEqual(['tok-one', 'tok-two']);
    expect(c.logLevel).toBe('debug');
    expect(c.directLineLocal).toBe(false);
  });

  it('keeps the local Direct Line off with credentials unless DIRECTLINE_LOCAL=true', () => {
    const creds = { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' };
    expect(loadConfig(creds).directLineLocal).toBe(false);
    expect(loadConfig({ ...creds, DIRECTLINE_LOCAL: 'true' }).directLineLocal).toBe(true);
    expect(loadConfig({ DIRECTLINE_LOCAL: 'false' }).directLineLocal).toBe(false);
  });

  it('takes the public address from PUBLIC_URL, else http://localhost:<PORT>', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: '' }).publicUrl).toBe('http://localhost:3978');
    expect(loadConfig({ PUBLIC_URL: 'https://trainer.example.ac.uk/' }).publicUrl).toBe('https://trainer.example.ac.uk');
    expect(loadConfig({ PUBLIC_URL: ' https://college.example.ac.uk/trainer// ' }).publicUrl).toBe('https://college.example.ac.uk/trainer');
  });

  it.each(['trainer.example.ac.uk', 'ftp://trainer.example.ac.uk', 'https://trainer.example.ac.uk/?a=1', 'https://trainer.example.ac.uk/?', 'https://trainer.example.ac.uk/#top', 'https://user:pw@trainer.example.ac.uk', 'https://'])(
    'refuses PUBLIC_URL=%s, naming it',
    (value) => {
      expect(issuesOf({ PUBLIC_URL: value })).toEqual([expect.stringMatching(/^PUBLIC_URL must be an http:\/\/ or https:\/\/ address/)]);
    },
  );

  it('names each bad variable and what is wrong', () => {
    expect(issuesOf({ PORT: 'abc' })).toEqual([expect.stringMatching(/^PORT .*\(got "abc"\)$/)]);
    expect(issuesOf({ PORT: '70000' })).toEqual([expect.stringMatching(/^PORT must be 0–65535/)]);
    expect(issuesOf({ STORAGE: 'mongo' })).toEqual([expect.stringMatching(/^STORAGE must be lowdb or postgres/)]);
    expect(issuesOf({ STORAGE: 'postgres' })).toEqual(['DATABASE_URL is required when STORAGE=postgres']);
    expect(issuesOf({ STORAGE: 'postgres', DATABASE_URL: 'mysql://x' })).toEqual([
      expect.stringMatching(/^DATABASE_URL must be a postgres/),
    ]);
    expect(issuesOf({ LOG_LEVEL: 'loud' })).toEqual([expect.stringMatching(/^LOG_LEVEL must be one of fatal/)]);
    expect(issuesOf({ MicrosoftAppId: 'a' })).toEqual(['MicrosoftAppPassword is required when MicrosoftAppId is set']);
    expect(issuesOf({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' })).toEqual([
      'MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant',
    ]);
    expect(issuesOf({ MicrosoftAppPassword: 'p' })).toEqual(['MicrosoftAppId is required when other Microsoft credentials are set']);
    expect(issuesOf({ DIRECTLINE_LOCAL: 'maybe' })).toEqual([expect.stringMatching(/^DIRECTLINE_LOCAL must be true or false/)]);
  });

  it('reports several bad variables at once, without echoing secrets', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y', DATABASE_URL: 'secret-value', STORAGE: 'postgres' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      const e = err as ConfigError;
      expect(e.issues.map((i) => i.variable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
      expect(e.message).toMatch(/^Invalid configuration:/);
      expect(e.message).not.toContain('secret-value');
    }
  });
});
