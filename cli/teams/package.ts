/**
 * Builds the Teams app package: settings → manifest from the template → schema validation →
 * icon checks → a flat zip of manifest.json, color.png and outline.png. Nothing is written unless
 * every check passes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { loadTeamsPackageSettings, type TeamsSettingDefaults } from './config.js';
import { TeamsPackageError } from './errors.js';
import { checkIcon, type IconKind } from './icon-checks.js';
import { readManifestTemplate, renderManifest, validateManifest, type TeamsManifest } from './manifest.js';

/** Where the packager reads from and writes to. */
export interface BuildTeamsPackageOptions {
  /** Settings by name (normally `process.env` merged with `.env`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Folder holding manifest.template.json, the icons and schema/ (the repo's `appPackage/`). */
  appPackageDir: string;
  /** The zip to write; default `<appPackageDir>/build/order-call-trainer.zip`. */
  outFile?: string;
  /** Fallbacks for optional settings. */
  defaults: TeamsSettingDefaults;
}

/** What was built. */
export interface TeamsPackageResult {
  outFile: string;
  manifest: TeamsManifest;
  /** The zip's entries, in order. */
  files: string[];
  /** Things worth telling the admin that do not stop the build. */
  warnings: string[];
}

/** The template file name inside the app package folder. */
export const MANIFEST_TEMPLATE = 'manifest.template.json';
/** The default zip name, under `<appPackageDir>/build/`. */
export const PACKAGE_FILE = 'order-call-trainer.zip';

// A fixed timestamp keeps the zip byte-for-byte reproducible from the same inputs.
const ZIP_DATE = new Date('2024-01-01T00:00:00Z');

function warningsFor(env: Readonly<Record<string, string | undefined>>): string[] {
  const warnings: string[] = [];
  const appType = env.MicrosoftAppType?.trim();
  if (!appType || appType.toLowerCase() === 'multitenant') {
    warnings.push(
      `MicrosoftAppType is ${appType ? `"${appType}"` : 'not set'}: new multi-tenant bot registrations are deprecated; ` +
        'register the bot as SingleTenant and set MicrosoftAppType=SingleTenant and MicrosoftAppTenantId (docs/teams.md).',
    );
  } else if (appType.toLowerCase() === 'singletenant' && !env.MicrosoftAppTenantId?.trim()) {
    warnings.push('MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is not set: the bot cannot authenticate without it.');
  }
  return warnings;
}

/**
 * Builds and writes the Teams app package. Throws a {@link TeamsPackageError} listing every
 * problem at the first stage that has any (settings, template, manifest, icons).
 */
export async function buildTeamsPackage(options: BuildTeamsPackageOptions): Promise<TeamsPackageResult> {
  const { appPackageDir, env } = options;
  const outFile = options.outFile ?? path.join(appPackageDir, 'build', PACKAGE_FILE);

  const settings = loadTeamsPackageSettings(env, options.defaults);
  const manifest = renderManifest(readManifestTemplate(path.join(appPackageDir, MANIFEST_TEMPLATE)), settings);

  const manifestIssues = validateManifest(manifest, path.join(appPackageDir, 'schema'));
  if (manifestIssues.length > 0) throw new TeamsPackageError('manifest', manifestIssues);

  const icons = manifest.icons as Record<IconKind, string>;
  const iconFiles = new Map<string, Buffer>();
  const iconIssues: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const name = icons[kind];
    try {
      const file = await readFile(path.join(appPackageDir, name));
      iconIssues.push(...checkIcon(kind, name, file));
      iconFiles.set(name, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      iconIssues.push(`${name}: the ${kind} icon named in the manifest is not in ${appPackageDir}`);
    }
  }
  if (iconIssues.length > 0) throw new TeamsPackageError('icons', iconIssues);

  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2) + '\n', { date: ZIP_DATE });
  for (const [name, file] of iconFiles) zip.file(name, file, { date: ZIP_DATE });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, bytes);

  return { outFile, manifest, files: ['manifest.json', ...iconFiles.keys()], warnings: warningsFor(env) };
}
