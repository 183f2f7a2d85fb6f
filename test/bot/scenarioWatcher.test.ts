/**
 * Live reload of scenario files: the watcher sees files change on disk (fs.watch, debounced),
 * reloads the registry, logs bad files with file:line keeping the old version, offers new
 * files, withdraws removed ones; through the real bot a call in progress keeps the version it
 * started with while a new call gets the new one.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryStorage, type Activity } from 'botbuilder';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { silentLogger } from '../../bot/logger.js';
import { ScenarioWatcher } from '../../bot/scenarioWatcher.js';
import { LowdbCallStore } from '../../bot/storage/lowdbCallStore.js';
import { InProcessCall } from '../../cli/simulate/inProcessCall.js';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { ScenarioRegistry, type ScenarioUpdate } from '../../domain/scenario/registry.js';
import { createBot } from '../../dialogs/index.js';
import { makeTempDir } from './storage/tempDir.js';

const ERGO = 'place-ergo-chairs.yaml';
const ergoText = readFileSync(join('scenarios', ERGO), 'utf8');
const withStock = (n: number): string => ergoText.replace('CH-ERG-200: { onHand: 42 }', `CH-ERG-200: { onHand: ${n} }`);

let tmp: { dir: string; remove(): Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('oct-scenarios-');
  mkdirSync(join(tmp.dir, 'organisations'));
  cpSync('scenarios/organisations', join(tmp.dir, 'organisations'), { recursive: true });
  writeFileSync(join(tmp.dir, ERGO), ergoText);
});
afterEach(async () => tmp.remove());

describe('ScenarioWatcher', () => {
  let watcher: ScenarioWatcher;
  let registry: ScenarioRegistry;
  const logs: { level: number; msg: string; file?: string }[] = [];
  let reloads: ScenarioUpdate[] = [];
  /** Resolves at the next reload. */
  let next: () => Promise<ScenarioUpdate>;

  beforeEach(() => {
    logs.length = 0;
    reloads = [];
    let wake: ((u: ScenarioUpdate) => void) | undefined;
    next = () => new Promise((resolve) => (wake = resolve));
    registry = new ScenarioRegistry(loadScenarioDir(tmp.dir).scenarios);
    const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _e, done) => (logs.push(JSON.parse(String(chunk))), done()) }));
    watcher = new ScenarioWatcher({
      dir: tmp.dir,
      registry,
      logger,
      debounceMs: 50,
      onReload: (u) => {
        reloads.push(u);
        wake?.(u);
      },
    }).start();
  });
  afterEach(() => watcher.close());

  it('reloads a changed file once, after the writes settle', async () => {
    const reloaded = next();
    const path = join(tmp.dir, ERGO);
    // an editor saving in steps: truncate, write, then write again
    await writeFile(path, '');
    await writeFile(path, withStock(5));
    await writeFile(path, withStock(3));
    expect(await reloaded).toEqual({ added: [], changed: ['place-ergo-chairs'], removed: [], kept: [] });
    await new Promise((r) => setTimeout(r, 150));
    expect(reloads).toHaveLength(1);
    expect(registry.get('place-ergo-chairs')?.scenario.stock['CH-ERG-200'].onHand).toBe(3);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'scenarios reloaded', changed: ['place-ergo-chairs'] }));
  });

  it('logs a bad file with file:line and keeps its previous version; then takes the fixed file', async () => {
    let reloaded = next();
    const path = join(tmp.dir, ERGO);
    await writeFile(path, ergoText.replace('title: New order', 'titel: New order'));
    expect((await reloaded).kept).toEqual([{ id: 'place-ergo-chairs', file: path }]);
    const warning = logs.find((l) => l.level === 40);
    expect(warning?.file).toBe(path);
    expect(warning?.msg).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: titel: unknown key "titel" \\(did you mean "title"\\?\\)`, 'm'));
    expect(warning?.msg).toContain('the previous version of this scenario stays in use');
    expect(registry.get('place-ergo-chairs')?.scenario.stock['CH-ERG-200'].onHand).toBe(42);

    reloaded = next();
    await writeFile(path, withStock(7));
    expect((await reloaded).changed).toEqual(['place-ergo-chairs']);
    expect(registry.get('place-ergo-chairs')?.scenario.stock['CH-ERG-200'].onHand).toBe(7);
  });

  it('offers a new file (saved by rename, as editors do) and withdraws a removed one; ignores other files', async () => {
    let reloaded = next();
    const copy = ergoText.replace('id: place-ergo-chairs', 'id: place-ergo-chairs-copy');
    await writeFile(join(tmp.dir, '.copy.yaml.tmp'), copy);
    await rename(join(tmp.dir, '.copy.yaml.tmp'), join(tmp.dir, 'copy.yaml'));
    expect((await reloaded).added).toEqual(['place-ergo-chairs-copy']);
    expect(registry.list().map((s) => s.scenario.id).sort()).toEqual(['place-ergo-chairs', 'place-ergo-chairs-copy']);

    await writeFile(join(tmp.dir, 'notes.txt'), 'not a scenario');
    await new Promise((r) => setTimeout(r, 150));
    expect(reloads).toHaveLength(1);

    reloaded = next();
    rmSync(join(tmp.dir, 'copy.yaml'));
    expect((await reloaded).removed).toEqual(['place-ergo-chairs-copy']);
  });

  it('reloads when an organisation file changes', async () => {
    const reloaded = next();
    const orgPath = join(tmp.dir, 'organisations', 'harbour-and-pike.yaml');
    await writeFile(orgPath, `${readFileSync(orgPath, 'utf8')}\n# edited\n`);
    expect(await reloaded).toEqual({ added: [], changed: [], removed: [], kept: [] });
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'scenario files changed; no scenario changed' }));
  });
});

describe('live reload through the bot', () => {
  const deskText = (replies: Partial<Activity>[]): string =>
    replies.filter((a) => (a.channelData as { speaker?: string } | undefined)?.speaker === 'desk').map((a) => a.text).join('\n');

  it('a call in progress keeps the scenario version it started with; a new call gets the new one', async () => {
    const data = await makeTempDir();
    const calls = await LowdbCallStore.open(data.dir);
    const registry = new ScenarioRegistry(loadScenarioDir(tmp.dir).scenarios);
    const watcher = new ScenarioWatcher({ dir: tmp.dir, registry, logger: silentLogger(), debounceMs: 60_000 });
    try {
      const bot = createBot({ storage: new MemoryStorage(), calls, scenarios: registry, logger: silentLogger(), seed: () => 7 });
      const first = new InProcessCall(bot, { id: 'learner-a', name: 'A' }, 'conv-a');
      await first.say('/start place-ergo-chairs');
      expect(deskText(await first.say('/stock CH-ERG-200'))).toMatch(/\b42 in stock/);

      writeFileSync(join(tmp.dir, ERGO), withStock(2));
      expect(watcher.reload().changed).toEqual(['place-ergo-chairs']);

      expect(deskText(await first.say('/stock CH-ERG-200'))).toMatch(/\b42 in stock/);
      const second = new InProcessCall(bot, { id: 'learner-b', name: 'B' }, 'conv-b');
      await second.say('/start place-ergo-chairs');
      expect(deskText(await second.say('/stock CH-ERG-200'))).toMatch(/\b2 in stock/);
      // the first call is marked against its own version too
      const end = (await first.say('/end')).find((a) => (a.channelData as { scorecard?: unknown } | undefined)?.scorecard);
      expect(end).toBeDefined();
    } finally {
      watcher.close();
      await calls.close();
      await data.remove();
    }
  }, 60_000);
});
