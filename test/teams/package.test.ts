import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import JSZip from 'jszip';
import { buildTeamsPackage, type TeamsPackageResult } from '../../cli/teams/package.js';
import { TeamsPackageError } from '../../cli/teams/errors.js';
import { validateManifest, type TeamsManifest } from '../../cli/teams/manifest.js';
import { drawColorIcon, drawOutlineIcon } from '../../cli/teams/icons.js';
import { decodePng, encodePng } from '../../cli/teams/png.js';

const APP_PACKAGE = path.resolve('appPackage');
const SCHEMA_DIR = path.join(APP_PACKAGE, 'schema');

const ENV = {
  MicrosoftAppId: '6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '11111111-2222-4333-8444-555555555555',
  TEAMS_APP_ID: 'a0b1c2d3-e4f5-4a6b-8c7d-8e9f0a1b2c3d',
  TEAMS_APP_VERSION: '2.3.4',
  TEAMS_DEVELOPER_NAME: 'Harbour College IT',
  TEAMS_DEVELOPER_URL: 'https://www.harbour.example.ac.uk/it-help',
  TEAMS_PRIVACY_URL: 'https://www.harbour.example.ac.uk/privacy',
  TEAMS_TERMS_URL: 'https://www.harbour.example.ac.uk/terms',
  BOT_DOMAIN: 'trainer.harbour.example.ac.uk',
};
const DEFAULTS = { version: '0.1.0' };

/** IHDR read straight from the bytes: signature, then length(4) 'IHDR'(4) width height depth type. */
function ihdr(png: Buffer): { width: number; height: number; bitDepth: number; colorType: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24], colorType: png[25] };
}

/** Compiles the shipped schema with Ajv directly, independently of the packager's validator. */
async function schemaValidator() {
  const schema = JSON.parse(await readFile(path.join(SCHEMA_DIR, 'v1.22', 'MicrosoftTeams.schema.json'), 'utf8'));
  const Ajv = AjvDraft04.default ?? (AjvDraft04 as unknown as typeof AjvDraft04.default);
  const addFormats = ajvFormats.default ?? (ajvFormats as unknown as typeof ajvFormats.default);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

async function expectPackageError(promise: Promise<unknown>): Promise<TeamsPackageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TeamsPackageError);
  return error as TeamsPackageError;
}

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'teams-package-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** A scratch copy of appPackage/ that a test may break. */
async function copyOfAppPackage(name: string): Promise<string> {
  const dir = path.join(workDir, name);
  await cp(APP_PACKAGE, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
  return dir;
}

describe('npm run teams:package (buildTeamsPackage)', () => {
  let result: TeamsPackageResult;
  let zip: JSZip;

  beforeAll(async () => {
    result = await buildTeamsPackage({
      env: ENV,
      appPackageDir: APP_PACKAGE,
      outFile: path.join(workDir, 'out', 'order-call-trainer.zip'),
      defaults: DEFAULTS,
    });
    zip = await JSZip.loadAsync(await readFile(result.outFile));
  });

  it('zips exactly manifest.json, color.png and outline.png at the root', () => {
    const entries = Object.values(zip.files);
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(entries.every((e) => !e.dir)).toBe(true);
  });

  it('writes a manifest that validates against the shipped Teams schema', async () => {
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as TeamsManifest;
    const validate = await schemaValidator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(validateManifest(manifest, SCHEMA_DIR)).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.22');
  });

  it('fills every placeholder from the settings', async () => {
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text);
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    expect(manifest.version).toBe(ENV.TEAMS_APP_VERSION);
    expect(manifest.developer).toEqual({
      name: ENV.TEAMS_DEVELOPER_NAME,
      websiteUrl: ENV.TEAMS_DEVELOPER_URL,
      privacyUrl: ENV.TEAMS_PRIVACY_URL,
      termsOfUseUrl: ENV.TEAMS_TERMS_URL,
    });
    expect(manifest.validDomains).toEqual([ENV.BOT_DOMAIN]);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(ENV.MicrosoftAppId);
  });

  it('offers the bot in personal scope with the session commands', async () => {
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    const [bot] = manifest.bots;
    expect(bot.scopes).toEqual(['personal']);
    const [list] = bot.commandLists;
    expect(list.scopes).toEqual(['personal']);
    const titles = list.commands.map((c: { title: string }) => c.title);
    expect(titles.sort()).toEqual(['/end', '/help', '/history', '/scenarios', '/start']);
    for (const command of list.commands) expect(command.description.length).toBeGreaterThan(10);
  });

  it('packs a 192×192 colour icon and a 32×32 outline icon', async () => {
    const color = await zip.file('color.png')!.async('nodebuffer');
    const outline = await zip.file('outline.png')!.async('nodebuffer');
    expect(ihdr(color)).toMatchObject({ width: 192, height: 192 });
    expect(ihdr(outline)).toMatchObject({ width: 32, height: 32 });
  });

  it('packs an outline icon with an alpha channel: transparent background, white glyph', async () => {
    const outline = await zip.file('outline.png')!.async('nodebuffer');
    expect([4, 6]).toContain(ihdr(outline).colorType); // grey+alpha or RGBA
    const { data } = decodePng(outline).pixels;
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) transparent++;
      else {
        visible++;
        expect([data[i], data[i + 1], data[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(visible).toBeGreaterThan(32 * 4);
  });

  it('builds the same bytes from the same inputs', async () => {
    const again = await buildTeamsPackage({
      env: ENV,
      appPackageDir: APP_PACKAGE,
      outFile: path.join(workDir, 'again', 'order-call-trainer.zip'),
      defaults: DEFAULTS,
    });
    expect(await readFile(again.outFile)).toEqual(await readFile(result.outFile));
  });

  it('defaults TEAMS_APP_ID to MicrosoftAppId and the version to the trainer version', async () => {
    const { TEAMS_APP_ID: _id, TEAMS_APP_VERSION: _version, ...env } = ENV;
    const built = await buildTeamsPackage({
      env: { ...env, TEAMS_APP_ID: '  ' },
      appPackageDir: APP_PACKAGE,
      outFile: path.join(workDir, 'defaults', 'order-call-trainer.zip'),
      defaults: DEFAULTS,
    });
    expect(built.manifest.id).toBe(ENV.MicrosoftAppId);
    expect(built.manifest.version).toBe('0.1.0');
  });

  it('warns about a multi-tenant registration without failing', async () => {
    const built = await buildTeamsPackage({
      env: { ...ENV, MicrosoftAppType: 'MultiTenant' },
      appPackageDir: APP_PACKAGE,
      outFile: path.join(workDir, 'multi', 'order-call-trainer.zip'),
      defaults: DEFAULTS,
    });
    expect(built.warnings.join('\n')).toMatch(/multi-tenant .*deprecated/i);
    expect(result.warnings).toEqual([]);
  });
});

describe('settings errors', () => {
  it('lists every missing setting, and writes nothing', async () => {
    const outFile = path.join(workDir, 'missing', 'order-call-trainer.zip');
    const error = await expectPackageError(
      buildTeamsPackage({ env: { BOT_DOMAIN: ENV.BOT_DOMAIN }, appPackageDir: APP_PACKAGE, outFile, defaults: DEFAULTS }),
    );
    expect(error.stage).toBe('settings');
    for (const name of ['MicrosoftAppId', 'TEAMS_DEVELOPER_NAME', 'TEAMS_DEVELOPER_URL', 'TEAMS_PRIVACY_URL', 'TEAMS_TERMS_URL']) {
      expect(error.message).toContain(`${name} is not set`);
    }
    expect(error.issues).toHaveLength(5); // TEAMS_APP_ID falls back to MicrosoftAppId: not repeated
    await expect(stat(outFile)).rejects.toThrow();
  });

  it('explains malformed values', async () => {
    const error = await expectPackageError(
      buildTeamsPackage({
        env: {
          ...ENV,
          MicrosoftAppId: 'not-a-guid',
          TEAMS_PRIVACY_URL: 'http://www.harbour.example.ac.uk/privacy',
          BOT_DOMAIN: 'https://trainer.harbour.example.ac.uk/api/messages',
          TEAMS_APP_VERSION: '1.0',
        },
        appPackageDir: APP_PACKAGE,
        outFile: path.join(workDir, 'bad', 'x.zip'),
        defaults: DEFAULTS,
      }),
    );
    expect(error.issues).toEqual([
      expect.stringMatching(/^MicrosoftAppId "not-a-guid" must be a GUID/),
      expect.stringMatching(/^TEAMS_APP_VERSION "1.0" must be MAJOR.MINOR.PATCH/),
      expect.stringMatching(/^TEAMS_PRIVACY_URL "http:.*" must be a full https:\/\/ address/),
      expect.stringMatching(/^BOT_DOMAIN ".*" must be a host name only/),
    ]);
  });
});

describe('manifest validation', () => {
  let good: TeamsManifest;

  beforeAll(async () => {
    const built = await buildTeamsPackage({
      env: ENV,
      appPackageDir: APP_PACKAGE,
      outFile: path.join(workDir, 'validation', 'x.zip'),
      defaults: DEFAULTS,
    });
    good = built.manifest;
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the JSON freely
  type Loose = Record<string, any>;
  const broken = (change: (m: Loose) => void): TeamsManifest => {
    const copy = structuredClone(good) as Loose;
    change(copy);
    return copy;
  };

  it('rejects a bot without a bot id', () => {
    const issues = validateManifest(broken((m) => delete m.bots[0].botId), SCHEMA_DIR);
    expect(issues).toContain('/bots/0: missing required property "botId"');
  });

  it('rejects a bot id that is not a GUID, showing the value', () => {
    const issues = validateManifest(broken((m) => (m.bots[0].botId = '<<YOUR-MICROSOFT-APP-ID>>')), SCHEMA_DIR);
    expect(issues).toEqual([expect.stringMatching(/^\/bots\/0\/botId: must be a GUID .*\(is "<<YOUR-MICROSOFT-APP-ID>>"\)$/)]);
  });

  it('rejects a manifest version with no shipped schema, naming the ones shipped', () => {
    const issues = validateManifest(broken((m) => (m.manifestVersion = '1.99')), SCHEMA_DIR);
    expect(issues).toEqual([expect.stringMatching(/^\/manifestVersion: no schema for "1.99" .*\(shipped: 1.22\)$/)]);
  });

  it('rejects an app version that is not MAJOR.MINOR.PATCH (the schema alone allows it)', () => {
    const manifest = broken((m) => (m.version = '1.0'));
    expect(validateManifest(manifest, SCHEMA_DIR)).toEqual(['/version: must be MAJOR.MINOR.PATCH, e.g. 1.0.0 (is "1.0")']);
  });

  it('rejects unknown properties, bad scopes and over-long command titles', () => {
    const issues = validateManifest(
      broken((m) => {
        m.bots[0].colour = 'teal';
        m.bots[0].scopes = ['everyone'];
        m.bots[0].commandLists[0].commands[0].title = '/scenarios-and-everything-else-you-can-do';
      }),
      SCHEMA_DIR,
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        '/bots/0: property "colour" is not allowed here',
        expect.stringMatching(/^\/bots\/0\/scopes\/0: must be one of "team", "personal"/),
        expect.stringMatching(/^\/bots\/0\/commandLists\/0\/commands\/0\/title: Teams shows at most 32 characters/),
      ]),
    );
  });

  it('stops the build before zipping when the template is broken', async () => {
    const dir = await copyOfAppPackage('broken-template');
    const templateFile = path.join(dir, 'manifest.template.json');
    const template = JSON.parse(await readFile(templateFile, 'utf8'));
    delete template.accentColor;
    template.bots[0].botId = '${{MICROSOFT_APP_ID}}';
    await writeFile(templateFile, JSON.stringify(template));
    const error = await expectPackageError(buildTeamsPackage({ env: ENV, appPackageDir: dir, defaults: DEFAULTS }));
    expect(error.stage).toBe('template');
    expect(error.message).toContain('/bots/0/botId: unknown placeholder ${{MICROSOFT_APP_ID}}');

    template.bots[0].botId = '${{MicrosoftAppId}}';
    await writeFile(templateFile, JSON.stringify(template));
    const schemaError = await expectPackageError(buildTeamsPackage({ env: ENV, appPackageDir: dir, defaults: DEFAULTS }));
    expect(schemaError.stage).toBe('manifest');
    expect(schemaError.issues).toEqual(['(top level): missing required property "accentColor"']);
    await expect(stat(path.join(dir, 'build'))).rejects.toThrow();
  });
});

describe('icons', () => {
  it('are what the committed generator draws', async () => {
    const committedColor = decodePng(await readFile(path.join(APP_PACKAGE, 'color.png'))).pixels;
    const committedOutline = decodePng(await readFile(path.join(APP_PACKAGE, 'outline.png'))).pixels;
    expect(committedColor).toEqual(drawColorIcon());
    expect(committedOutline).toEqual(drawOutlineIcon());
  });

  it('are checked for size and outline transparency before packaging', async () => {
    const dir = await copyOfAppPackage('bad-icons');
    const opaque = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 4).fill(255) };
    await writeFile(path.join(dir, 'outline.png'), encodePng(opaque));
    const small = drawOutlineIcon();
    await writeFile(path.join(dir, 'color.png'), encodePng(small));
    const error = await expectPackageError(buildTeamsPackage({ env: ENV, appPackageDir: dir, defaults: DEFAULTS }));
    expect(error.stage).toBe('icons');
    expect(error.issues).toEqual([
      'color.png: the color icon must be 192×192 pixels (is 32×32)',
      'outline.png: the outline icon has no transparent pixels; its background must be transparent',
    ]);
  });

  it('rejects an outline icon that is not white', async () => {
    const dir = await copyOfAppPackage('dark-outline');
    const dark = drawOutlineIcon();
    for (let i = 0; i < dark.data.length; i += 4) dark.data.set([31, 111, 120], i);
    await writeFile(path.join(dir, 'outline.png'), encodePng(dark));
    const error = await expectPackageError(buildTeamsPackage({ env: ENV, appPackageDir: dir, defaults: DEFAULTS }));
    expect(error.issues).toEqual([expect.stringMatching(/^outline\.png: the outline icon must be white on transparent, but \d+ visible pixels are not white$/)]);
  });
});
