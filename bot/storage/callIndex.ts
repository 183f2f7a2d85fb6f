/**
 * The summary index of the lowdb call store: an append-only JSON Lines file, one line per
 * change (`put` a summary row, `del` an id), the last line about an id winning. It is
 * written only when a call is created, finished, disputed, moderated or deleted — never per
 * turn — and read into memory, so `list` filters 10,000 rows without touching the disk. Lines appended by
 * another process are picked up on {@link CallIndex.refresh}. When dead lines outnumber
 * live rows the file is rewritten (atomically) on the next write.
 */
import { open, readFile, stat, truncate } from 'node:fs/promises';
import { z } from 'zod';
import { callIdSchema, callSummarySchema, type CallSummary } from '../../domain/calls.js';
import { appendFileDurable, isNotFound, writeFileAtomic } from './fsAtomic.js';

/**
 * A row written before summaries carried `openDisputes`: still read (as 0), and marked stale so
 * the store re-reads that call's header when it opens.
 */
const legacyRowSchema = callSummarySchema.omit({ openDisputes: true }).strict();

const indexLineSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), row: z.union([callSummarySchema, legacyRowSchema]) }).strict(),
  z.object({ op: z.literal('del'), id: callIdSchema }).strict(),
]);
type IndexLine = z.infer<typeof indexLineSchema>;

/** Rewrite when the file holds more than this many lines beyond twice the live rows. */
const COMPACT_SLACK = 1000;

export class CallIndex {
  readonly #rows = new Map<string, CallSummary>();
  /** Ids whose live row was written in an older shape (see {@link CallIndex.isStale}). */
  readonly #stale = new Set<string>();
  /** Bytes of the file consumed so far, and the file's inode (a rewrite changes it). */
  #offset = 0;
  #ino = -1;
  #lines = 0;
  #skipped = 0;
  #writerReady = false;
  /**
   * Reads and appends run one at a time: two overlapping reads would both consume the same
   * bytes (and compute a negative length once the other has moved the offset past them).
   */
  #queue: Promise<unknown> = Promise.resolve();
  /** Lines waiting for the next batch, and that batch (queued, not yet started). */
  #waiting: IndexLine[] = [];
  #nextBatch: Promise<void> | undefined;

  constructor(readonly path: string) {}

  /** Live rows (unordered). */
  rows(): IterableIterator<CallSummary> {
    return this.#rows.values();
  }

  get(id: string): CallSummary | undefined {
    return this.#rows.get(id);
  }

  /** Whether the row of `id` was written in an older shape and should be rebuilt from the call's header. */
  isStale(id: string): boolean {
    return this.#stale.has(id);
  }

  get size(): number {
    return this.#rows.size;
  }

  /** Lines that could not be read (damaged); the store reconciles from the call folders. */
  get skippedLines(): number {
    return this.#skipped;
  }

  /** Reads whatever was appended since the last read (everything on first call). */
  refresh(): Promise<void> {
    return this.#exclusive(() => this.#read());
  }

  /** Runs `work` after every earlier read or append of this index has settled. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #read(): Promise<void> {
    let info;
    try {
      info = await stat(this.path);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      this.#reset(-1);
      return;
    }
    if (info.ino !== this.#ino || info.size < this.#offset) this.#reset(info.ino);
    if (info.size === this.#offset) return;
    const fh = await open(this.path, 'r');
    let chunk: Buffer;
    try {
      chunk = Buffer.alloc(info.size - this.#offset);
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, this.#offset);
      chunk = chunk.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
    // Consume whole lines only: a line without its newline is still being written (or torn).
    const end = chunk.lastIndexOf(0x0a);
    if (end < 0) return;
    for (const text of chunk.subarray(0, end).toString('utf8').split('\n')) this.#apply(text);
    this.#offset += end + 1;
  }

  /** Records a row (after a create or finish). */
  async put(row: CallSummary): Promise<void> {
    await this.#append([{ op: 'put', row }]);
  }

  /** Records deletions. */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.#append(ids.map((id) => ({ op: 'del', id })));
  }

  #reset(ino: number): void {
    this.#rows.clear();
    this.#stale.clear();
    this.#offset = 0;
    this.#lines = 0;
    this.#skipped = 0;
    this.#ino = ino;
  }

  #apply(text: string): void {
    if (text.trim() === '') return;
    this.#lines += 1;
    let line: IndexLine;
    try {
      line = indexLineSchema.parse(JSON.parse(text));
    } catch {
      this.#skipped += 1;
      return;
    }
    if (line.op === 'put') {
      const row = line.row;
      if ('openDisputes' in row) {
        this.#rows.set(row.id, row);
        this.#stale.delete(row.id);
      } else {
        this.#rows.set(row.id, { ...row, openDisputes: 0 });
        this.#stale.add(row.id);
      }
    } else {
      this.#rows.delete(line.id);
      this.#stale.delete(line.id);
    }
  }

  /**
   * Appends `lines` durably. Appends made while another is being written are written together
   * in the next batch — one write and one fsync for all of them (a class starting calls at the
   * same moment does not queue behind one fsync each); each caller resolves once its lines are
   * on disk.
   */
  #append(lines: IndexLine[]): Promise<void> {
    this.#waiting.push(...lines);
    this.#nextBatch ??= this.#exclusive(async () => {
      this.#nextBatch = undefined;
      const batch = this.#waiting.splice(0);
      await this.#prepareForWriting();
      await this.#read();
      await appendFileDurable(this.path, batch.map((l) => JSON.stringify(l) + '\n').join(''));
      await this.#read();
    });
    return this.#nextBatch;
  }

  /** Before this process's first append: cut a torn last line, and compact if worth it. */
  async #prepareForWriting(): Promise<void> {
    if (this.#writerReady) return;
    this.#writerReady = true;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    if (text.length > 0 && !text.endsWith('\n')) {
      await truncate(this.path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
    }
    await this.#read();
    if (this.#lines > 2 * this.#rows.size + COMPACT_SLACK || this.#skipped > 0) await this.#compact();
  }

  async #compact(): Promise<void> {
    const text = [...this.#rows.values()].map((row) => JSON.stringify({ op: 'put', row }) + '\n').join('');
    await writeFileAtomic(this.path, text);
    this.#reset(-1);
    await this.#read();
  }
}
