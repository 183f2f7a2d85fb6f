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
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if (isNotFound(err)) return null;
      throw new StorageFileError(this.path, 'cannot be read', { cause: err });
    }
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new StorageFileError(this.path, 'is not valid JSON', { cause: err });
    }
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data));
  }
}
