/**
 * Durable writes on worker threads. A durable replace is eight file-system steps (open a
 * temporary file, write, fsync, close, rename, open the folder, fsync it, close) and an
 * append four; through `fs/promises` each step is a round trip that costs the event loop
 * ~25 µs of bookkeeping, ~270 µs a trainer turn — time the one JavaScript thread then cannot
 * spend on other learners' turns. Here the main thread posts one message per write and a
 * small pool of worker threads runs the steps with the synchronous calls; the guarantees
 * are those of `fsAtomic.ts` (old or new content after a crash, on disk when resolved).
 *
 * The workers are plain JavaScript (no imports of ours), started on first use; they do not
 * keep the process alive when idle, and do while a write is pending.
 */
import { Worker } from 'node:worker_threads';

/** Worker threads in the pool (durable writes wait on the disk, so a few run at once). */
export const WRITER_THREADS = 2;

/** What a worker is asked to do. */
type Request =
  | { id: number; op: 'replace'; path: string; data: string; tmp: string; mode: number }
  | { id: number; op: 'append'; path: string; data: string; create: boolean; mode: number };

/** What it answers. */
interface Reply {
  id: number;
  error?: { message: string; code?: string; syscall?: string; path?: string };
}

const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');

function syncAndClose(fd, datasync) {
  try {
    if (datasync) fs.fdatasyncSync(fd); else fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeAll(fd, data) {
  const buffer = Buffer.from(data, 'utf8');
  let at = 0;
  while (at < buffer.length) at += fs.writeSync(fd, buffer, at, buffer.length - at);
}

function replace(m) {
  const fd = fs.openSync(m.tmp, 'w', m.mode);
  try {
    writeAll(fd, m.data);
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
  syncAndClose(fd, false);
  try {
    fs.renameSync(m.tmp, m.path);
  } catch (err) {
    fs.rmSync(m.tmp, { force: true });
    throw err;
  }
  syncAndClose(fs.openSync(path.dirname(m.path), 'r'), false);
}

function append(m) {
  const flags = m.create ? 'a' : fs.constants.O_WRONLY | fs.constants.O_APPEND;
  const fd = fs.openSync(m.path, flags, m.mode);
  try {
    writeAll(fd, m.data);
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
  syncAndClose(fd, true);
}

parentPort.on('message', (m) => {
  try {
    if (m.op === 'replace') replace(m); else append(m);
    parentPort.postMessage({ id: m.id });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: { message: String(err && err.message), code: err && err.code, syscall: err && err.syscall, path: err && err.path } });
  }
});
`;

/** A write the worker could not do: the file-system error, with its `code` (e.g. `ENOENT`). */
export class DurableWriteError extends Error {
  readonly code?: string;
  readonly syscall?: string;
  readonly path?: string;

  constructor(error: NonNullable<Reply['error']>) {
    super(error.message);
    this.name = 'DurableWriteError';
    this.code = error.code;
    this.syscall = error.syscall;
    this.path = error.path;
  }
}

/** The worker thread died with writes pending. */
export class WriterStoppedError extends Error {
  constructor(cause: unknown) {
    super(`The durable writer thread stopped: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'WriterStoppedError';
  }
}

interface Pending {
  resolve: () => void;
  reject: (err: Error) => void;
}

/** One worker and the writes it has been given. */
class WriterThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #dead = false;

  constructor() {
    // a plain CommonJS script: none of the parent's flags (loaders, --input-type) apply
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    this.#worker.on('message', (reply: Reply) => {
      const p = this.#pending.get(reply.id);
      if (!p) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if (reply.error) p.reject(new DurableWriteError(reply.error));
      else p.resolve();
    });
    const fail = (cause: unknown): void => {
      this.#dead = true;
      for (const p of this.#pending.values()) p.reject(new WriterStoppedError(cause));
      this.#pending.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    // after the listeners (adding a 'message' listener refs the worker again): idle, it does
    // not keep the process alive; run() refs it while a write is pending
    this.#worker.unref();
  }

  get alive(): boolean {
    return !this.#dead;
  }

  get load(): number {
    return this.#pending.size;
  }

  run(request: Request): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(request.id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  terminate(): Promise<number> {
    return this.#worker.terminate();
  }
}

/** Durable replace and append, done by a pool of worker threads. */
export class DurableWriter {
  readonly #threads: (WriterThread | undefined)[];
  #nextId = 1;

  constructor(threads: number = WRITER_THREADS) {
    this.#threads = Array.from({ length: Math.max(1, threads) }, () => undefined);
  }

  /** Replaces `path` with `data` through the temporary file `tmp` (same folder): see `writeFileAtomic`. */
  replace(path: string, data: string, tmp: string, mode: number): Promise<void> {
    return this.#thread().run({ id: this.#nextId++, op: 'replace', path, data, tmp, mode });
  }

  /** Appends `data` to `path` and waits until it is on disk: see `appendFileDurable`. */
  append(path: string, data: string, create: boolean, mode: number): Promise<void> {
    return this.#thread().run({ id: this.#nextId++, op: 'append', path, data, create, mode });
  }

  /** Stops the threads (writes still pending fail). */
  async close(): Promise<void> {
    const running = this.#threads.filter((t): t is WriterThread => t !== undefined);
    this.#threads.fill(undefined);
    await Promise.all(running.map((t) => t.terminate()));
  }

  /** The least busy live thread, starting one in an empty (or dead) slot. */
  #thread(): WriterThread {
    let best: WriterThread | undefined;
    for (let i = 0; i < this.#threads.length; i++) {
      let t = this.#threads[i];
      if (!t?.alive) {
        t = new WriterThread();
        this.#threads[i] = t;
      }
      if (!best || t.load < best.load) best = t;
    }
    return best as WriterThread;
  }
}
