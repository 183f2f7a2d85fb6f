/**
 * A lowdb adapter for one small JSON file, written atomically and durably
 * (see {@link writeFileAtomic}). `read` gives null when the file does not exist.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { isNotFound, writeFileAtomic } from './fsAtomic.js';
import { StorageFileError } from './errors.js';

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    const text = await this.readText();
    return text === null ? null : this.parse(text);
  }

  async write(data: T): Promise<void> {
    await this.writeText(JSON.stringify(data));
  }

  /** The file's text, or null when it does not exist. */
  async readText(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (err) {
      if (isNotFound(err)) return null;
      throw new StorageFileError(this.path, 'cannot be read', { cause: err });
    }
  }

  /** The file's text read as JSON. @throws StorageFileError when it is not JSON */
  parse(text: string): T {
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new StorageFileError(this.path, 'is not valid JSON', { cause: err });
    }
  }

  /** Replaces the file with `text` (JSON already), atomically and durably. */
  async writeText(text: string): Promise<void> {
    await writeFileAtomic(this.path, text);
  }
}
