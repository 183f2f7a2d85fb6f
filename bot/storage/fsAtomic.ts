/**
 * Durable file writes: a file is either its old or its new content after a crash, never
 * a mix, and a write that resolved survives a power cut (data and directory entry fsynced).
 * lowdb's own writer (steno) renames a temp file but does not fsync; we need both.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DurableWriter } from './durableWriter.js';

/** Owner-only permissions: these files hold learners' names and calls. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** Flushes a directory's entries (a created, renamed or removed name) to disk. */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Creates a directory (and parents) if missing, making each new entry durable. */
export async function mkdirDurable(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true, mode: DIR_MODE });
  if (first === undefined) return;
  // Every directory from `first` down to `dir` is new: fsync each one's parent.
  let d = dir;
  for (;;) {
    await fsyncDir(dirname(d));
    if (d === first) break;
    d = dirname(d);
  }
}

/** With the pid and a counter, names this process's temporary files apart from any other's. */
const PROCESS_TAG = randomBytes(4).toString('hex');
let temps = 0;

/** The worker threads doing the two writes every turn makes (see durableWriter.ts). */
let writer: DurableWriter | undefined;

/**
 * Replaces `path` with `data`: temp file in the same directory, fsync, rename, fsync directory
 * (on a writer thread).
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${PROCESS_TAG}.${(++temps).toString(36)}.tmp`);
  writer ??= new DurableWriter();
  await writer.replace(path, data, tmp, FILE_MODE);
}

/**
 * Appends `data` and waits until it is on disk (on a writer thread). Creates the file if
 * needed, unless `create: false` (then a missing file fails with ENOENT).
 */
export async function appendFileDurable(path: string, data: string, options: { create?: boolean } = {}): Promise<void> {
  writer ??= new DurableWriter();
  await writer.append(path, data, options.create !== false, FILE_MODE);
}

/** Was the error "no such file or directory"? */
export function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
