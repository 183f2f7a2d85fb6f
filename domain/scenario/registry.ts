/**
 * The scenarios a running trainer offers, replaced as a whole when the tutor's files change
 * (see bot/scenarioWatcher.ts). Each loaded scenario has a version (a hash of its content and
 * its organisation's), and a call remembers the version it started with: the registry keeps
 * recent versions, so a call in progress goes on with the scenario it began with while new
 * calls get the new one. A file that no longer loads keeps its previous version on offer.
 */
import { createHash } from 'node:crypto';
import type { ScenarioDirResult } from './load.js';
import type { LoadedScenario } from './schema.js';

/** Versions of one scenario kept for calls in progress (the oldest beyond this are dropped). */
export const VERSIONS_KEPT = 20;

/** Where the bot looks scenarios up, every turn. */
export interface ScenarioSource {
  /**
   * The scenario with that id (any case): the given version when it is still kept, else the
   * current one; undefined when no version is offered.
   */
  get(id: string, version?: string): LoadedScenario | undefined;
  /** The scenarios on offer now, in file order. */
  list(): readonly LoadedScenario[];
  /** The version of a scenario this source gave out. */
  versionOf(loaded: LoadedScenario): string;
}

/** What an update changed, by scenario id. */
export interface ScenarioUpdate {
  added: string[];
  changed: string[];
  removed: string[];
  /** Scenarios whose file no longer loads: the previous version stays on offer. */
  kept: { id: string; file: string }[];
}

/** A short content hash of the scenario and its organisation (comments and layout do not count). */
export function scenarioVersion(loaded: LoadedScenario): string {
  return createHash('sha256').update(JSON.stringify([loaded.scenario, loaded.organisation])).digest('hex').slice(0, 16);
}

const key = (id: string): string => id.trim().toLowerCase();

/** The reloadable set of scenarios. */
export class ScenarioRegistry implements ScenarioSource {
  /** current scenarios by lower-case id, in file order */
  #current = new Map<string, LoadedScenario>();
  /** recent versions by lower-case id, oldest first */
  readonly #versions = new Map<string, Map<string, LoadedScenario>>();
  readonly #versionOf = new WeakMap<LoadedScenario, string>();

  constructor(initial: readonly LoadedScenario[] = []) {
    for (const loaded of initial) this.#offer(loaded, this.#current);
  }

  get(id: string, version?: string): LoadedScenario | undefined {
    const k = key(id);
    return (version !== undefined ? this.#versions.get(k)?.get(version) : undefined) ?? this.#current.get(k);
  }

  list(): readonly LoadedScenario[] {
    return [...this.#current.values()];
  }

  versionOf(loaded: LoadedScenario): string {
    let v = this.#versionOf.get(loaded);
    if (v === undefined) {
      v = scenarioVersion(loaded);
      this.#versionOf.set(loaded, v);
    }
    return v;
  }

  /**
   * Replaces the offer with a fresh load of the directory. A scenario whose file is now in
   * error keeps its previous version; one whose file is gone is withdrawn (calls already
   * using it keep their version).
   */
  update(result: ScenarioDirResult): ScenarioUpdate {
    const next = new Map<string, LoadedScenario>();
    for (const loaded of result.scenarios) this.#offer(loaded, next);
    const badFiles = new Set(result.errors.map((e) => e.file));
    const change: ScenarioUpdate = { added: [], changed: [], removed: [], kept: [] };
    for (const [k, old] of this.#current) {
      if (next.has(k)) continue;
      if (badFiles.has(old.file)) {
        next.set(k, old);
        change.kept.push({ id: old.scenario.id, file: old.file });
      } else change.removed.push(old.scenario.id);
    }
    for (const [k, loaded] of next) {
      const old = this.#current.get(k);
      if (!old) change.added.push(loaded.scenario.id);
      else if (this.versionOf(old) !== this.versionOf(loaded)) change.changed.push(loaded.scenario.id);
    }
    this.#current = next;
    return change;
  }

  /** Puts a scenario on offer (in `into`) and among the kept versions. */
  #offer(loaded: LoadedScenario, into: Map<string, LoadedScenario>): void {
    const k = key(loaded.scenario.id);
    const version = this.versionOf(loaded);
    let versions = this.#versions.get(k);
    if (!versions) {
      versions = new Map();
      this.#versions.set(k, versions);
    }
    // an unchanged file reloads as the same version: keep the object calls already hold
    const same = versions.get(version);
    if (same && same.file === loaded.file) {
      versions.delete(version);
      versions.set(version, same);
      into.set(k, same);
      return;
    }
    versions.delete(version);
    versions.set(version, loaded);
    while (versions.size > VERSIONS_KEPT) versions.delete(versions.keys().next().value as string);
    into.set(k, loaded);
  }
}
