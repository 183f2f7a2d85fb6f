/**
 * The Teams app manifest: filling the template's `${{NAME}}` placeholders, and validating the
 * result against Microsoft's manifest JSON schema shipped in `appPackage/schema/` (no network),
 * plus the Teams rules the schema does not express.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import { TEAMS_VERSION, type TeamsPackageSettings } from './config.js';
import { TeamsPackageError } from './errors.js';

/** A manifest as JSON (validated by the schema, not by TypeScript). */
export type TeamsManifest = Record<string, unknown>;

/** Teams shows at most 32 characters of a bot command title (the schema allows 128). */
export const MAX_COMMAND_TITLE = 32;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces every `${{NAME}}` in the template's strings with the setting of that name. Works on
 * parsed JSON, so values never need escaping. Throws a {@link TeamsPackageError} at stage
 * `template` naming each unknown placeholder and where it is.
 */
export function renderManifest(template: unknown, settings: TeamsPackageSettings): TeamsManifest {
  const values: Readonly<Record<string, string>> = settings;
  const issues: string[] = [];
  const fill = (node: unknown, pointer: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        if (Object.hasOwn(values, name)) return values[name];
        issues.push(`${pointer}: unknown placeholder ${whole} (known: ${Object.keys(values).join(', ')})`);
        return whole;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => fill(item, `${pointer}/${i}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, `${pointer}/${key}`)]));
    }
    return node;
  };
  const manifest = fill(template, '');
  if (issues.length > 0) throw new TeamsPackageError('template', issues);
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    throw new TeamsPackageError('template', ['the template must be a JSON object']);
  }
  return manifest as TeamsManifest;
}

/** Reads and parses the manifest template, naming the file in any error. */
export function readManifestTemplate(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TeamsPackageError('template', [`${file}: cannot be read (${(error as Error).message})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new TeamsPackageError('template', [`${file}: not valid JSON (${(error as Error).message})`]);
  }
}

// ajv-draft-04 and ajv-formats are CommonJS: under NodeNext the default import is module.exports,
// which carries the class / plugin as `.default` (and, with some loaders, is the class itself).
type AjvClass = typeof AjvDraft04.default;
type FormatsPlugin = typeof ajvFormats.default;
const Ajv: AjvClass = AjvDraft04.default ?? (AjvDraft04 as unknown as AjvClass);
const addFormats: FormatsPlugin = ajvFormats.default ?? (ajvFormats as unknown as FormatsPlugin);

const validators = new Map<string, ValidateFunction>();

/** The schema file for one manifest version, as laid out in `appPackage/schema/`. */
export function schemaFile(schemaDir: string, manifestVersion: string): string {
  return path.join(schemaDir, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/** Manifest versions that have a schema in `schemaDir` (folders named `v<version>`). */
export function shippedManifestVersions(schemaDir: string): string[] {
  try {
    return readdirSync(schemaDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('v'))
      .map((entry) => entry.name.slice(1))
      .sort();
  } catch {
    return [];
  }
}

function compiledSchema(file: string): ValidateFunction {
  let validate = validators.get(file);
  if (!validate) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as object;
    // The schema is Microsoft's, not ours: Ajv's strict mode checks how schemas are written
    // (e.g. `required` naming properties defined elsewhere), which is not ours to fix.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
    validators.set(file, validate);
  }
  return validate;
}

/** Friendly words for the schema's named patterns (`#/definitions/<name>/pattern`). */
const PATTERN_MEANINGS: Record<string, string> = {
  guid: 'must be a GUID such as 6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e',
  httpsUrl: 'must be an https:// address',
  hexColor: 'must be a colour like #1F6F78',
  semver: 'must be MAJOR.MINOR.PATCH, e.g. 1.0.0',
};

function valueAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function describeSchemaError(error: ErrorObject, manifest: unknown): string {
  const where = error.instancePath || '(top level)';
  const value = valueAt(manifest, error.instancePath);
  const shown = value === undefined ? '' : ` (is ${JSON.stringify(value)})`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where}: missing required property "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `${where}: property "${String(params.additionalProperty)}" is not allowed here`;
    case 'const':
      return `${where}: must be ${JSON.stringify(params.allowedValue)}${shown}`;
    case 'enum':
      return `${where}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${shown}`;
    case 'pattern': {
      const definition = /#\/definitions\/([^/]+)\/pattern$/.exec(error.schemaPath)?.[1];
      const meaning = (definition && PATTERN_MEANINGS[definition]) ?? `must match ${String(params.pattern)}`;
      return `${where}: ${meaning}${shown}`;
    }
    default:
      return `${where}: ${error.message ?? error.keyword}${shown}`;
  }
}

/** Checks Teams requires that the schema leaves out. */
function teamsRules(manifest: TeamsManifest): string[] {
  const issues: string[] = [];
  if (typeof manifest.version === 'string' && !TEAMS_VERSION.test(manifest.version)) {
    issues.push(`/version: must be MAJOR.MINOR.PATCH, e.g. 1.0.0 (is ${JSON.stringify(manifest.version)})`);
  }
  const icons = manifest.icons as Record<string, unknown> | undefined;
  for (const kind of ['color', 'outline']) {
    const file = icons?.[kind];
    if (typeof file === 'string' && (file.includes('/') || file.includes('\\'))) {
      issues.push(`/icons/${kind}: must be a file name at the package root, no folders (is ${JSON.stringify(file)})`);
    }
  }
  const bots = Array.isArray(manifest.bots) ? (manifest.bots as Array<Record<string, unknown>>) : [];
  bots.forEach((bot, b) => {
    const lists = Array.isArray(bot?.commandLists) ? (bot.commandLists as Array<Record<string, unknown>>) : [];
    lists.forEach((list, l) => {
      const commands = Array.isArray(list?.commands) ? (list.commands as Array<Record<string, unknown>>) : [];
      commands.forEach((command, c) => {
        if (typeof command?.title === 'string' && command.title.length > MAX_COMMAND_TITLE) {
          issues.push(`/bots/${b}/commandLists/${l}/commands/${c}/title: Teams shows at most ${MAX_COMMAND_TITLE} characters (is ${JSON.stringify(command.title)})`);
        }
      });
    });
  });
  return issues;
}

/**
 * Validates a manifest against the schema for its `manifestVersion` in `schemaDir`, then against
 * the Teams rules the schema leaves out. Returns one readable line per problem (JSON pointer into
 * the manifest first); an empty array means valid.
 */
export function validateManifest(manifest: unknown, schemaDir: string): string[] {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return ['(top level): the manifest must be a JSON object'];
  }
  const version = (manifest as TeamsManifest).manifestVersion;
  const shipped = shippedManifestVersions(schemaDir);
  if (typeof version !== 'string' || !shipped.includes(version)) {
    return [
      `/manifestVersion: no schema for ${JSON.stringify(version)} in ${schemaDir} (shipped: ${shipped.join(', ') || 'none'})`,
    ];
  }
  const validate = compiledSchema(schemaFile(schemaDir, version));
  const issues = validate(manifest) ? [] : (validate.errors ?? []).map((e) => describeSchemaError(e, manifest));
  return [...new Set([...issues, ...teamsRules(manifest as TeamsManifest)])];
}
