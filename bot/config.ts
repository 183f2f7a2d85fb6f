/**
 * Configuration from the environment (contract §8), validated once at start-up. A bad value
 * stops start-up with a {@link ConfigError} naming each variable that is wrong.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { openIdMetadataUrlSchema } from './auth/settings.js';
import { urlSetting } from './urlSetting.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The address learners and assessors reach the trainer at (`PUBLIC_URL`): http(s), no query,
 * fragment or user name; a trailing slash is dropped. xAPI ids are built on it.
 */
export const publicUrlSchema = urlSetting(
  (url, text) => (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !/[?#\s]/.test(text),
  'must be an http:// or https:// address with no query, fragment or user name, e.g. https://trainer.example.ac.uk',
)
  .transform((value) => value.replace(/\/+$/, ''));

/** The environment variables we read; empty strings count as unset. */
export const envSchema = z
  .object({
    PORT: z.coerce
      .number({ message: 'must be a port number' })
      .int({ message: 'must be a whole number' })
      .min(0, { message: 'must be 0–65535' })
      .max(65535, { message: 'must be 0–65535' })
      .default(3978),
    MicrosoftAppId: z.string().trim().optional(),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppType: z.enum(APP_TYPES, { message: `must be one of ${APP_TYPES.join(', ')}` }).optional(),
    MicrosoftAppTenantId: z.string().trim().optional(),
    /** Where Bot Framework signing keys come from; unset = botbuilder's public-cloud defaults. */
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrlSchema.optional(),
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrlSchema.optional(),
    STORAGE: z.enum(['lowdb', 'postgres'], { message: 'must be lowdb or postgres' }).default('lowdb'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    SCENARIOS_DIR: z.string().default('./scenarios'),
    /** The trainer's public address, base of xAPI ids; unset = `http://localhost:<PORT>`. */
    PUBLIC_URL: publicUrlSchema.optional(),
    ASSESSOR_TOKENS: z.string().optional(),
    /** Delete calls started more than this many days ago (at start-up and daily); unset = keep. */
    RETENTION_DAYS: z.coerce
      .number({ message: 'must be a whole number of days' })
      .int({ message: 'must be a whole number of days' })
      .min(1, { message: 'must be at least 1 (leave it empty to keep calls)' })
      .max(36_500, { message: 'must be at most 36500 (100 years)' })
      .optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    /** Serve the local Direct Line subset even when MicrosoftAppId is set. */
    DIRECTLINE_LOCAL: flag.optional(),
  })
  .strict();

/** Rules between variables, checked on the raw values so they are reported with field errors. */
function crossFieldIssues(env: Record<string, string | undefined>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (env.STORAGE === 'postgres' && !env.DATABASE_URL) {
    issues.push({ variable: 'DATABASE_URL', message: 'is required when STORAGE=postgres' });
  }
  if (env.MicrosoftAppId) {
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      issues.push({ variable: 'MicrosoftAppPassword', message: 'is required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      issues.push({ variable: 'MicrosoftAppTenantId', message: 'is required when MicrosoftAppType=SingleTenant' });
    }
  } else if (env.MicrosoftAppPassword || env.MicrosoftAppTenantId) {
    issues.push({ variable: 'MicrosoftAppId', message: 'is required when other Microsoft credentials are set' });
  } else if (env.ToBotFromChannelOpenIdMetadataUrl || env.ToBotFromEmulatorOpenIdMetadataUrl) {
    issues.push({ variable: 'MicrosoftAppId', message: 'is required when an OpenID metadata URL is set (without it no token is checked)' });
  }
  return issues;
}

/** Bot Framework credentials in the shape `ConfigurationBotFrameworkAuthentication` reads. */
export interface MicrosoftAppSettings {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppType?: (typeof APP_TYPES)[number];
  MicrosoftAppTenantId?: string;
  /** OpenID metadata for tokens from channels; unset = botbuilder's default (login.botframework.com). */
  ToBotFromChannelOpenIdMetadataUrl?: string;
  /** OpenID metadata for tokens from the Emulator; unset = botbuilder's default (login.microsoftonline.com). */
  ToBotFromEmulatorOpenIdMetadataUrl?: string;
}

export type StorageConfig = { kind: 'lowdb'; dataDir: string } | { kind: 'postgres'; databaseUrl: string };

/** The validated configuration. */
export interface AppConfig {
  port: number;
  /** Empty when running locally (unauthenticated). */
  microsoftApp: MicrosoftAppSettings;
  storage: StorageConfig;
  /** Absolute path. */
  scenariosDir: string;
  /**
   * The trainer's public address without a trailing slash (`PUBLIC_URL`, default
   * `http://localhost:<port>`): the base of xAPI statement and activity ids.
   */
  publicUrl: string;
  /** Bearer tokens for the assessor API; empty = assessor API and pages off. */
  assessorTokens: string[];
  logLevel: LogLevel;
  /** Whether `/v3/directline/*` and the Web Chat page's chat are served. */
  directLineLocal: boolean;
  /** Calls started more than this many days ago are deleted; absent = kept until deleted. */
  retentionDays?: number;
}

/** One wrong variable. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/** The configuration is invalid; the message lists every wrong variable. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.variable} ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment. Relative paths resolve against `cwd`.
 * @throws ConfigError naming each variable that is wrong
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AppConfig {
  const raw: Record<string, string | undefined> = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = envSchema.safeParse(raw);
  const issues: ConfigIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment');
        const value = raw[variable];
        const shown = value === undefined || /PASSWORD|TOKENS|DATABASE_URL/i.test(variable) ? '' : ` (got "${value}")`;
        return { variable, message: issue.message + shown };
      });
  for (const issue of crossFieldIssues(raw)) if (!issues.some((i) => i.variable === issue.variable)) issues.push(issue);
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues);
  const e = parsed.data;
  const microsoftApp: MicrosoftAppSettings = {};
  if (e.MicrosoftAppId) {
    microsoftApp.MicrosoftAppId = e.MicrosoftAppId;
    // Unset means MultiTenant, as in botbuilder; new registrations should be SingleTenant.
    microsoftApp.MicrosoftAppType = e.MicrosoftAppType ?? 'MultiTenant';
    if (e.MicrosoftAppPassword) microsoftApp.MicrosoftAppPassword = e.MicrosoftAppPassword;
    if (e.MicrosoftAppTenantId) microsoftApp.MicrosoftAppTenantId = e.MicrosoftAppTenantId;
    if (e.ToBotFromChannelOpenIdMetadataUrl) microsoftApp.ToBotFromChannelOpenIdMetadataUrl = e.ToBotFromChannelOpenIdMetadataUrl;
    if (e.ToBotFromEmulatorOpenIdMetadataUrl) microsoftApp.ToBotFromEmulatorOpenIdMetadataUrl = e.ToBotFromEmulatorOpenIdMetadataUrl;
  }
  return {
    port: e.PORT,
    microsoftApp,
    storage:
      e.STORAGE === 'postgres'
        ? { kind: 'postgres', databaseUrl: e.DATABASE_URL as string }
        : { kind: 'lowdb', dataDir: resolve(cwd, e.DATA_DIR) },
    scenariosDir: resolve(cwd, e.SCENARIOS_DIR),
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    assessorTokens: (e.ASSESSOR_TOKENS ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t.length > 0),
    logLevel: e.LOG_LEVEL,
    directLineLocal: e.DIRECTLINE_LOCAL ?? !e.MicrosoftAppId,
    ...(e.RETENTION_DAYS !== undefined ? { retentionDays: e.RETENTION_DAYS } : {}),
  };
}

/** Loads `.env` from `cwd` into `process.env` if the file exists; set variables win. */
export function loadDotEnv(cwd: string = process.cwd()): boolean {
  const path = resolve(cwd, '.env');
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}
