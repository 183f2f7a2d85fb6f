/**
 * Bot state storage (botbuilder `Storage`) on lowdb files under `DATA_DIR/state/`.
 *
 * One small JSON file per state key, so a turn reads and writes only its own keys and its
 * cost does not grow with the number of conversations. File names are the SHA-256 of the
 * key (no key can name a path outside the folder), spread over 256 sub-folders.
 *
 * Concurrency follows botbuilder's `MemoryStorage`: a write whose `eTag` is absent or `*`
 * (what `BotState.saveChanges` sends) overwrites; any other `eTag` must equal the stored
 * one, else the write fails with {@link ETagConflictError} and nothing is written. Writing
 * a key that does not exist always succeeds. Checks hold within this process: one process
 * owns a DATA_DIR (use `STORAGE=postgres` to run several).
 *
 * Because one process owns the files, the last-read or last-written text of recently used
 * keys is kept in memory ({@link STATE_CACHE_ENTRIES}): a conversation's turn reads its state
 * from there (a fresh parse each time, never a shared object) instead of opening the file.
 * Writes still go to disk, durably, before they resolve.
 *
 * Besides botbuilder's `Storage` it reads and writes values as JSON text ({@link readJson},
 * {@link writeJson}) for a caller that serialises them anyway (the bot's state classes
 * compare JSON text to find changes): the stored text is handed over and taken as it is,
 * without parsing and serialising the state once more on each side.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { DurableJsonFile } from './durableJsonFile.js';
import { mkdirDurable } from './fsAtomic.js';
import { ETagConflictError, StorageClosedError } from './errors.js';
import { KeyedMutex } from './keyedMutex.js';

/** How many state files' texts are kept in memory (the most recently used; a few KB each). */
export const STATE_CACHE_ENTRIES = 2000;

/** What one state file holds. */
interface StateFile {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

/** A stored value as JSON text (`JSON.stringify` of the object, without its eTag), and its eTag. */
export interface JsonItem {
  json: string;
  eTag: string;
}

export class LowdbStorage implements Storage {
  readonly #dir: string;
  readonly #locks = new KeyedMutex();
  readonly #folders = new Set<string>();
  /** key → the stored value's JSON text and eTag, least recently used first. */
  readonly #cache = new Map<string, JsonItem>();
  /** key → its file (the SHA-256 of recently used keys, computed once). */
  readonly #paths = new Map<string, string>();
  /** Counts writes and deletes: a file read while one ran may be stale and is not cached. */
  #changes = 0;
  #root: Promise<void> | undefined;
  #closed = false;

  /** @param dataDir the DATA_DIR; files go to `<dataDir>/state/`. */
  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'state');
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.#assertOpen();
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const stored = await this.#load(key);
        if (stored) items[key] = { ...(JSON.parse(stored.json) as Record<string, unknown>), eTag: stored.eTag };
      }),
    );
    return items;
  }

  /** The stored values of `keys` as JSON text, with their eTags (absent keys are left out). */
  async readJson(keys: string[]): Promise<Record<string, JsonItem>> {
    this.#assertOpen();
    const items: Record<string, JsonItem> = {};
    await Promise.all(
      keys.map(async (key) => {
        const stored = await this.#load(key);
        if (stored) items[key] = { ...stored };
      }),
    );
    return items;
  }

  /**
   * Writes values given as JSON text — each `JSON.stringify` of a plain object, without an
   * eTag — overwriting what is stored (as a write with eTag `*`).
   * @throws TypeError when a text is not a JSON object
   */
  async writeJson(changes: Record<string, string>): Promise<void> {
    this.#assertOpen();
    const keys = Object.keys(changes);
    for (const key of keys) {
      const json = changes[key];
      if (typeof json !== 'string' || !json.startsWith('{') || !json.endsWith('}')) throw new TypeError(`The state of ${key} must be given as the JSON text of an object`);
    }
    if (keys.length === 0) return;
    await this.#locks.runAll(keys, async () => {
      await Promise.all(keys.map((key) => this.#save(key, changes[key])));
    });
  }

  async write(changes: StoreItems): Promise<void> {
    this.#assertOpen();
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    await this.#locks.runAll(keys, async () => {
      // Check every eTag first: a conflicting batch writes nothing. Only changes carrying an
      // eTag are compared (botbuilder's BotState writes '*': no read on its every turn).
      const checked = keys.filter((key) => {
        const wanted = (changes[key] as { eTag?: unknown } | undefined)?.eTag;
        return typeof wanted === 'string' && wanted !== '*';
      });
      const current = await Promise.all(checked.map((k) => this.#load(k)));
      checked.forEach((key, i) => {
        const wanted = (changes[key] as { eTag: string }).eTag;
        const stored = current[i];
        if (stored && wanted !== stored.eTag) throw new ETagConflictError(key, wanted, stored.eTag);
      });
      await Promise.all(
        keys.map((key) => {
          const { eTag: _ignored, ...value } = (changes[key] ?? {}) as Record<string, unknown>;
          return this.#save(key, JSON.stringify(value));
        }),
      );
    });
  }

  async delete(keys: string[]): Promise<void> {
    this.#assertOpen();
    await this.#locks.runAll(keys, async () => {
      this.#changes++;
      for (const key of keys) this.#cache.delete(key);
      await Promise.all(keys.map((key) => rm(this.#path(key), { force: true })));
    });
  }

  /** Waits for writes in flight. */
  async flush(): Promise<void> {
    await this.#locks.idle();
  }

  /** Waits for writes in flight; later calls fail. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }

  /** Creates `state/` and a shard folder once, fsyncing each new directory entry. */
  async #ensureFolder(folder: string): Promise<void> {
    if (this.#folders.has(folder)) return;
    this.#root ??= mkdirDurable(this.#dir).catch((err: unknown) => {
      this.#root = undefined;
      throw err;
    });
    await this.#root;
    await mkdirDurable(folder);
    this.#folders.add(folder);
  }

  #assertOpen(): void {
    if (this.#closed) throw new StorageClosedError('State storage');
  }

  #path(key: string): string {
    let path = this.#paths.get(key);
    if (path === undefined) {
      const hash = createHash('sha256').update(key, 'utf8').digest('hex');
      path = join(this.#dir, hash.slice(0, 2), `${hash}.json`);
      if (this.#paths.size >= STATE_CACHE_ENTRIES) this.#paths.delete(this.#paths.keys().next().value as string);
      this.#paths.set(key, path);
    }
    return path;
  }

  async #load(key: string): Promise<JsonItem | undefined> {
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      this.#remember(key, cached);
      return cached;
    }
    const file = new DurableJsonFile<StateFile>(this.#path(key));
    const changes = this.#changes;
    const text = await file.readText();
    if (text === null) return undefined;
    const data = file.parse(text);
    // A different key under the same hash would be a SHA-256 collision: treat as absent.
    if (!data || data.key !== key) return undefined;
    const stored: JsonItem = { json: JSON.stringify(data.value ?? {}), eTag: data.eTag };
    if (changes === this.#changes) this.#remember(key, stored);
    return stored;
  }

  /** Writes `json` (the value's JSON text) as the key's file, with a new eTag. */
  async #save(key: string, json: string): Promise<void> {
    const path = this.#path(key);
    await this.#ensureFolder(dirname(path));
    const eTag = newETag();
    // = JSON.stringify({ key, eTag, value }), with the value's text as given
    const text = `{"key":${JSON.stringify(key)},"eTag":${JSON.stringify(eTag)},"value":${json}}`;
    // Forgotten while the write is in flight: if it fails, the next read goes to the file.
    this.#changes++;
    this.#cache.delete(key);
    try {
      await new DurableJsonFile<StateFile>(path).writeText(text);
    } finally {
      // again: a read that began during the write may have seen the old file
      this.#changes++;
    }
    this.#remember(key, { json, eTag });
  }

  /** Keeps `stored` as the newest entry of the cache, forgetting the oldest beyond the limit. */
  #remember(key: string, stored: JsonItem): void {
    this.#cache.delete(key);
    this.#cache.set(key, stored);
    if (this.#cache.size > STATE_CACHE_ENTRIES) this.#cache.delete(this.#cache.keys().next().value as string);
  }
}

/** Distinguishes this process's eTags from those of earlier runs on the same files. */
const PROCESS_TAG = randomBytes(4).toString('hex');
let eTags = 0;

/** A new eTag: unique within this process (a counter), and across its runs (the process tag). */
function newETag(): string {
  return `${Date.now().toString(36)}-${PROCESS_TAG}-${(++eTags).toString(36)}`;
}
