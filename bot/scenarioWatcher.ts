/**
 * Live reload of the tutor's files: watches `SCENARIOS_DIR` and its `organisations/` folder,
 * and a moment after the last change (debounced: editors write a file in several steps)
 * reloads the whole directory into the {@link ScenarioRegistry}. New files are offered, changed
 * ones replaced, removed ones withdrawn; a file that no longer loads is reported in the log
 * with `file:line` and its previous version stays on offer. Calls in progress keep the version
 * they started with (see domain/scenario/registry.ts).
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioDir, type ScenarioDirResult } from '../domain/scenario/load.js';
import type { ScenarioRegistry, ScenarioUpdate } from '../domain/scenario/registry.js';
import type { Logger } from './logger.js';

/** Default quiet time after the last change before reloading. */
export const RELOAD_DEBOUNCE_MS = 300;

const TUTOR_FILE = /\.ya?ml$/i;

export interface ScenarioWatcherOptions {
  dir: string;
  registry: ScenarioRegistry;
  logger: Logger;
  debounceMs?: number;
  /** Called after each reload (tests wait on it). */
  onReload?: (update: ScenarioUpdate, result: ScenarioDirResult) => void;
}

/** Watches the scenario files and reloads the registry when they change. */
export class ScenarioWatcher {
  readonly #options: ScenarioWatcherOptions;
  readonly #watchers = new Map<string, FSWatcher>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: ScenarioWatcherOptions) {
    this.#options = options;
  }

  /** Starts watching (the folders that exist now; `organisations/` also once it appears). */
  start(): this {
    this.#watch(this.#options.dir);
    this.#watch(join(this.#options.dir, 'organisations'));
    return this;
  }

  /** Reloads now: what changed, logged. */
  reload(): ScenarioUpdate {
    const { dir, registry, logger } = this.#options;
    const result = loadScenarioDir(dir);
    const update = registry.update(result);
    const kept = new Set(update.kept.map((k) => k.file));
    for (const error of result.errors) {
      logger.warn(
        { file: error.file, issues: error.issues.length },
        `${error.message}${kept.has(error.file) ? '\n(the previous version of this scenario stays in use until the file is fixed)' : ''}`,
      );
    }
    const changes = update.added.length + update.changed.length + update.removed.length;
    logger[changes > 0 ? 'info' : 'debug'](
      { added: update.added, changed: update.changed, removed: update.removed, kept: update.kept.map((k) => k.id), offered: registry.list().length },
      changes > 0 ? 'scenarios reloaded' : 'scenario files changed; no scenario changed',
    );
    this.#options.onReload?.(update, result);
    return update;
  }

  /** Stops watching; a pending reload is dropped. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const w of this.#watchers.values()) w.close();
    this.#watchers.clear();
  }

  #watch(path: string): void {
    if (this.#closed || this.#watchers.has(path) || !existsSync(path)) return;
    try {
      const watcher = watch(path, { persistent: false }, (_event, name) => {
        // editors' swap and backup files are not tutor files; the organisations folder appearing is news
        if (name === null || TUTOR_FILE.test(name) || name === 'organisations') this.#schedule();
      });
      watcher.on('error', (err) => {
        this.#options.logger.warn({ err, path }, 'stopped watching scenario files here (restart the server to watch again)');
        watcher.close();
        this.#watchers.delete(path);
      });
      this.#watchers.set(path, watcher);
    } catch (err) {
      this.#options.logger.warn({ err, path }, 'cannot watch scenario files: changes need a restart');
    }
  }

  #schedule(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#watch(join(this.#options.dir, 'organisations'));
      try {
        this.reload();
      } catch (err) {
        this.#options.logger.error({ err, dir: this.#options.dir }, 'reloading the scenario files failed; the scenarios in use are unchanged');
      }
    }, this.#options.debounceMs ?? RELOAD_DEBOUNCE_MS);
    this.#timer.unref();
  }
}
