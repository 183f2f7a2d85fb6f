/**
 * Durable file writes: a file is either its old or its new content after a crash, never
 * a mix, and a write that resolved survives a power cut (data and directory entry fsynced).
 * lowdb's own writer (steno) renames a temp file but does not fsync; we need both.
 */
import { randomBytes } from 'node:crypto';
import { constants, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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

/** Replaces `path` with `data`: temp file in the same directory, fsync, rename, fsync directory. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'w', FILE_MODE);
  try {
    await fh.writeFile(data, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/**
 * Appends `data` and waits until it is on disk. Creates the file if needed, unless
 * `create: false` (then a missing file fails with ENOENT).
 */
export async function appendFileDurable(path: string, data: string, options: { create?: boolean } = {}): Promise<void> {
  const fh = await open(path, options.create === false ? constants.O_WRONLY | constants.O_APPEND : 'a', FILE_MODE);
  try {
    await fh.appendFile(data, 'utf8');
    await fh.datasync();
  } finally {
    await fh.close();
  }
}

/** Was the error "no such file or directory"? */
export function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
