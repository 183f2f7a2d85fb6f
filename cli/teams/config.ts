/**
 * The settings that fill the Teams manifest template, read from the environment (and `.env`),
 * validated with zod so that one run lists every missing or malformed value.
 */
import { z } from 'zod';
import { TeamsPackageError } from './errors.js';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** Teams requires MAJOR.MINOR.PATCH, numbers only, no leading zeros. */
export const TEAMS_VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
/** A DNS host name, optionally with a leading `*.` wildcard (as `validDomains` allows). */
const HOST_NAME = /^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const guid = z.string().regex(GUID, 'must be a GUID such as 6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e');
const httpsUrl = z.string().max(2048).refine(isHttpsUrl, 'must be a full https:// address');

/** What each setting is, for error messages and the docs. */
export const TEAMS_SETTING_HELP = {
  MicrosoftAppId: "the bot's Microsoft App ID (Azure Bot resource → Configuration), a GUID",
  TEAMS_APP_ID: 'the Teams app id, a GUID; optional, defaults to MicrosoftAppId',
  TEAMS_APP_VERSION: 'the app package version, MAJOR.MINOR.PATCH; optional, defaults to the trainer version',
  TEAMS_DEVELOPER_NAME: 'who publishes the app, e.g. the college name (at most 32 characters)',
  TEAMS_DEVELOPER_URL: 'https:// page with support information for learners',
  TEAMS_PRIVACY_URL: "https:// address of the college's privacy notice",
  TEAMS_TERMS_URL: 'https:// address of the terms of use',
  BOT_DOMAIN: 'host name where the bot is reachable, e.g. trainer.example.ac.uk (no https://, no path)',
} as const;

/** The names of the settings the packager reads. */
export type TeamsSettingName = keyof typeof TEAMS_SETTING_HELP;

/** The validated settings, keyed by the same names as the environment variables. */
export const teamsPackageSettingsSchema = z
  .object({
    MicrosoftAppId: guid,
    TEAMS_APP_ID: guid,
    TEAMS_APP_VERSION: z.string().regex(TEAMS_VERSION, 'must be MAJOR.MINOR.PATCH, e.g. 1.0.0'),
    TEAMS_DEVELOPER_NAME: z.string().max(32, 'must be at most 32 characters'),
    TEAMS_DEVELOPER_URL: httpsUrl,
    TEAMS_PRIVACY_URL: httpsUrl,
    TEAMS_TERMS_URL: httpsUrl,
    BOT_DOMAIN: z
      .string()
      .max(2048)
      .regex(HOST_NAME, 'must be a host name only, e.g. trainer.example.ac.uk (no https://, port or path)'),
  })
  .strict();

/** Settings that fill the manifest template's `${{NAME}}` placeholders. */
export type TeamsPackageSettings = z.infer<typeof teamsPackageSettingsSchema>;

/** Values used when a setting is not given. */
export interface TeamsSettingDefaults {
  /** Used for TEAMS_APP_VERSION when unset (normally package.json's version). */
  version: string;
}

/**
 * Reads the packager's settings from `env` (blank values count as unset). TEAMS_APP_ID falls back
 * to MicrosoftAppId and TEAMS_APP_VERSION to `defaults.version`. Throws a
 * {@link TeamsPackageError} at stage `settings` listing every missing or invalid setting.
 */
export function loadTeamsPackageSettings(
  env: Readonly<Record<string, string | undefined>>,
  defaults: TeamsSettingDefaults,
): TeamsPackageSettings {
  const read = (name: TeamsSettingName): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const input: Partial<Record<TeamsSettingName, string>> = {};
  for (const name of Object.keys(TEAMS_SETTING_HELP) as TeamsSettingName[]) input[name] = read(name);
  input.TEAMS_APP_ID ??= input.MicrosoftAppId;
  input.TEAMS_APP_VERSION ??= defaults.version;

  const parsed = teamsPackageSettingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;

  const issues: string[] = [];
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0]) as TeamsSettingName;
    const value = input[name];
    // A defaulted TEAMS_APP_ID repeats MicrosoftAppId's problem, which is reported already.
    if (name === 'TEAMS_APP_ID' && read('TEAMS_APP_ID') === undefined) continue;
    issues.push(
      value === undefined
        ? `${name} is not set: ${TEAMS_SETTING_HELP[name]}`
        : `${name} "${value}" ${issue.message}`,
    );
  }
  throw new TeamsPackageError('settings', issues);
}
