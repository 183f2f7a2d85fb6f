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
 */
import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durableJsonFile.js';
import { mkdirDurable } from './fsAtomic.js';
import { ETagConflictError, StorageClosedError } from './errors.js';
import { KeyedMutex } from './keyedMutex.js';

/** What one state file holds. */
interface StateFile {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

export class LowdbStorage implements Storage {
  readonly #dir: string;
  readonly #locks = new KeyedMutex();
  readonly #folders = new Set<string>();
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
        const file = await this.#load(key);
        if (file) items[key] = { ...file.value, eTag: file.eTag };
      }),
    );
    return items;
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
      await Promise.all(keys.map((key) => this.#save(key, changes[key])));
    });
  }

  async delete(keys: string[]): Promise<void> {
    this.#assertOpen();
    await this.#locks.runAll(keys, async () => {
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
    const hash = createHash('sha256').update(key, 'utf8').digest('hex');
    return join(this.#dir, hash.slice(0, 2), `${hash}.json`);
  }

  async #load(key: string): Promise<StateFile | undefined> {
    const db = new Low<StateFile | null>(new DurableJsonFile(this.#path(key)), null);
    await db.read();
    // A different key under the same hash would be a SHA-256 collision: treat as absent.
    return db.data && db.data.key === key ? db.data : undefined;
  }

  async #save(key: string, item: unknown): Promise<void> {
    const { eTag: _ignored, ...value } = (item ?? {}) as Record<string, unknown>;
    const path = this.#path(key);
    await this.#ensureFolder(dirname(path));
    const db = new Low<StateFile>(new DurableJsonFile(path), { key, eTag: newETag(), value });
    await db.write();
  }
}

function newETag(): string {
  return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}
