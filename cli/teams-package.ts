/**
 * Builds the Microsoft Teams app package (see docs/teams.md):
 *
 *   npm run teams:package [-- --env-file <file>] [-- --out <file.zip>]
 *
 * Reads the settings from the environment and `.env` (the environment wins), fills
 * appPackage/manifest.template.json, validates it against the shipped Teams manifest schema,
 * checks the icons, and writes appPackage/build/order-call-trainer.zip. Exits 1 with a list of
 * problems when anything is missing or wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import { TeamsPackageError } from './teams/errors.js';
import { buildTeamsPackage } from './teams/package.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function readEnvFile(file: string, required: boolean): Record<string, string | undefined> {
  if (!existsSync(file)) {
    if (required) throw new Error(`env file ${file} does not exist`);
    return {};
  }
  return parseEnv(readFileSync(file, 'utf8'));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'env-file': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const envFile = values['env-file'] ? path.resolve(values['env-file']) : path.join(repoRoot, '.env');
  const env = { ...readEnvFile(envFile, values['env-file'] !== undefined), ...process.env };
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

  try {
    const result = await buildTeamsPackage({
      env,
      appPackageDir: path.join(repoRoot, 'appPackage'),
      outFile: values.out ? path.resolve(values.out) : undefined,
      defaults: { version: pkg.version },
    });
    const bot = (result.manifest.bots as Array<{ botId: string }>)[0];
    console.log(`Teams app package written: ${path.relative(process.cwd(), result.outFile)}`);
    console.log(`  contains:          ${result.files.join(', ')}`);
    console.log(`  manifest schema:   ${String(result.manifest.manifestVersion)}`);
    console.log(`  app id / version:  ${String(result.manifest.id)} / ${String(result.manifest.version)}`);
    console.log(`  bot id:            ${bot.botId}`);
    for (const warning of result.warnings) console.warn(`Warning: ${warning}`);
    console.log('Next: upload it in Teams (Apps → Manage your apps → Upload an app); see docs/teams.md.');
    return 0;
  } catch (error) {
    if (error instanceof TeamsPackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
