/**
 * The call store (`CallStore`, domain/calls.ts) on lowdb files under `DATA_DIR/calls/`:
 *
 *   calls/index.jsonl          summary rows, appended at create/finish/dispute/moderation/delete (callIndex.ts)
 *   calls/<id>/call.json       the header: everything but the transcript (lowdb, atomic rewrite)
 *   calls/<id>/transcript.jsonl  one activity per line, appended and fsynced per turn
 *
 * A turn touches only its call's transcript file, so its cost does not grow with the number
 * of stored calls. A crash loses at most the write in flight: a torn transcript line is cut
 * before the next append and ignored on read; a call folder is built under a temporary name
 * and renamed into place; on open, the index is reconciled with the folders (calls created
 * or finished just before a crash are picked up). One process writes a DATA_DIR at a time.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import {
  CallNotFoundError,
  CallStateError,
  CorruptCallError,
  DuplicateCallError,
  callHeaderSchema,
  callIdSchema,
  callOutcomeSchema,
  callQuerySchema,
  compareCallSummaries,
  disputeSchema,
  hintSchema,
  matchesCallQuery,
  moderationSchema,
  newCallSchema,
  summarise,
  type CallHeader,
  type CallOutcome,
  type CallPage,
  type CallQuery,
  type CallRecord,
  type CallStore,
  type CallSummary,
  type DisputeEntry,
  type HintEntry,
  type ModerationEntry,
  type NewCall,
} from '../../domain/calls.js';
import { transcriptActivitySchema, type TranscriptActivity } from '../../domain/transcript.js';
import { CallIndex } from './callIndex.js';
import { DurableJsonFile } from './durableJsonFile.js';
import { StorageClosedError, StorageFileError } from './errors.js';
import { appendFileDurable, DIR_MODE, FILE_MODE, fsyncDir, isNotFound, mkdirDurable, writeFileAtomic } from './fsAtomic.js';
import { KeyedMutex } from './keyedMutex.js';

const HEADER = 'call.json';
const TRANSCRIPT = 'transcript.jsonl';
const TEMP_PREFIX = '.tmp-';
const DELETED_PREFIX = '.del-';
/** Leftover temporary folders older than this are removed on open (younger ones may be in use). */
const STALE_TEMP_MS = 60 * 60 * 1000;

export class LowdbCallStore implements CallStore {
  readonly #dir: string;
  readonly #index: CallIndex;
  readonly #locks = new KeyedMutex();
  /** Calls whose transcript tail this process has checked for a torn line. */
  readonly #tailChecked = new Set<string>();
  #closed = false;

  private constructor(dataDir: string) {
    this.#dir = join(dataDir, 'calls');
    this.#index = new CallIndex(join(this.#dir, 'index.jsonl'));
  }

  /** Opens (creating if needed) the store under `<dataDir>/calls/` and reconciles its index. */
  static async open(dataDir: string): Promise<LowdbCallStore> {
    const store = new LowdbCallStore(dataDir);
    await mkdirDurable(store.#dir);
    await store.#index.refresh();
    await store.#reconcile();
    return store;
  }

  async create(input: NewCall): Promise<CallRecord> {
    this.#assertOpen();
    const call = newCallSchema.parse(input);
    const id = call.id ?? randomUUID();
    return this.#locks.run(id, async () => {
      if (await this.#exists(id)) throw new DuplicateCallError(id);
      const header: CallHeader = {
        id,
        learner: call.learner,
        scenario: call.scenario,
        mode: call.mode,
        seed: call.seed,
        startedAt: call.startedAt ?? new Date().toISOString(),
        status: 'in-progress',
        moderation: [],
        hints: [],
        disputes: [],
      };
      // Build the folder under a temporary name, then rename it into place. Four fsyncs: the
      // header, the folder (its two names; the transcript is empty), calls/ (the rename), the
      // index. The temporary folder needs none of its own: a crash before the rename leaves
      // only leftovers, removed on open.
      const temp = join(this.#dir, `${TEMP_PREFIX}${id}-${randomUUID()}`);
      await mkdir(temp, { mode: DIR_MODE });
      try {
        await writeFile(join(temp, TRANSCRIPT), '', { mode: FILE_MODE, flag: 'wx' });
        await writeFileAtomic(join(temp, HEADER), JSON.stringify(header));
        await rename(temp, this.#callDir(id));
      } catch (err) {
        await rm(temp, { recursive: true, force: true });
        throw err;
      }
      await fsyncDir(this.#dir);
      await this.#index.put(summarise(header));
      this.#tailChecked.add(id);
      return { ...header, transcript: [] };
    });
  }

  async appendActivities(id: string, activities: readonly TranscriptActivity[]): Promise<void> {
    this.#assertOpen();
    const callId = callIdSchema.parse(id);
    if (activities.length === 0) return;
    const lines = activities.map((a) => JSON.stringify(transcriptActivitySchema.parse(a)) + '\n').join('');
    await this.#locks.run(callId, async () => {
      const path = join(this.#callDir(callId), TRANSCRIPT);
      if (!this.#tailChecked.has(callId)) {
        if (!(await this.#exists(callId))) throw new CallNotFoundError(callId);
        await cutTornTail(path);
        this.#tailChecked.add(callId);
      }
      // No stat on every turn: a call folder is created whole and removed whole (renamed
      // away), so a missing transcript means the call is gone.
      await appendFileDurable(path, lines, { create: false }).catch((err: unknown) => {
        throw isNotFound(err) ? new CallNotFoundError(callId) : err;
      });
    });
  }

  async finish(id: string, input: CallOutcome): Promise<CallSummary> {
    this.#assertOpen();
    const outcome = callOutcomeSchema.parse(input);
    return this.#updateHeader(id, 'finish', (h) => {
      if (h.status !== 'in-progress') throw new CallStateError(h.id, h.status, 'finish');
      const next: CallHeader = { ...h, status: outcome.status, endedAt: outcome.endedAt ?? new Date().toISOString() };
      if (outcome.status === 'ended' && outcome.scorecard) {
        next.scorecard = outcome.scorecard;
        next.score = outcome.scorecard.score;
        next.passed = outcome.scorecard.passed;
      }
      return next;
    }, true);
  }

  async get(id: string): Promise<CallRecord | undefined> {
    this.#assertOpen();
    if (!callIdSchema.safeParse(id).success) return undefined;
    const header = await this.#readHeader(id);
    if (!header) return undefined;
    return { ...header, transcript: await this.#readTranscript(id) };
  }

  async list(input: CallQuery = {}): Promise<CallPage> {
    this.#assertOpen();
    const query = callQuerySchema.parse(input);
    await this.#index.refresh();
    const matches = [...this.#index.rows()].filter((row) => matchesCallQuery(row, query));
    matches.sort(compareCallSummaries(query));
    const offset = query.offset ?? 0;
    const rows = matches.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
    return { total: matches.length, rows: structuredClone(rows) };
  }

  async addModeration(id: string, entry: ModerationEntry): Promise<void> {
    const valid = moderationSchema.parse(entry);
    // the index too: a moderation may answer a dispute (the row's open-dispute count)
    await this.#updateHeader(id, 'moderate', (h) => ({ ...h, moderation: [...h.moderation, valid] }), true);
  }

  async addHint(id: string, hint: HintEntry): Promise<void> {
    const valid = hintSchema.parse(hint);
    await this.#updateHeader(id, 'add a hint to', (h) => ({ ...h, hints: [...h.hints, valid] }), false);
  }

  async addDispute(id: string, dispute: DisputeEntry): Promise<void> {
    const valid = disputeSchema.parse(dispute);
    await this.#updateHeader(id, 'dispute', (h) => ({ ...h, disputes: [...h.disputes, valid] }), true);
  }

  async deleteByLearner(learnerId: string): Promise<number> {
    this.#assertOpen();
    await this.#index.refresh();
    return this.#deleteWhere((row) => row.learner.id === learnerId);
  }

  async deleteOlderThan(instant: string): Promise<number> {
    this.#assertOpen();
    await this.#index.refresh();
    return this.#deleteWhere((row) => row.startedAt < instant);
  }

  async ping(): Promise<void> {
    this.#assertOpen();
    const info = await stat(this.#dir);
    if (!info.isDirectory()) throw new StorageFileError(this.#dir, 'is not a folder');
    await this.#index.refresh();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#locks.idle();
  }

  #assertOpen(): void {
    if (this.#closed) throw new StorageClosedError('Call store');
  }

  #callDir(id: string): string {
    return join(this.#dir, id);
  }

  async #exists(id: string): Promise<boolean> {
    try {
      return (await stat(join(this.#callDir(id), HEADER))).isFile();
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async #readHeader(id: string): Promise<CallHeader | undefined> {
    const db = new Low<unknown>(new DurableJsonFile(join(this.#callDir(id), HEADER)), null);
    try {
      await db.read();
    } catch (err) {
      throw new CorruptCallError(id, 'its header cannot be read', { cause: err });
    }
    if (db.data === null) return undefined;
    const parsed = callHeaderSchema.safeParse(db.data);
    if (!parsed.success) throw new CorruptCallError(id, `its header is invalid (${parsed.error.issues[0]?.message})`);
    return parsed.data;
  }

  async #readTranscript(id: string): Promise<TranscriptActivity[]> {
    let text: string;
    try {
      text = await readFile(join(this.#callDir(id), TRANSCRIPT), 'utf8');
    } catch (err) {
      if (isNotFound(err)) return [];
      throw new CorruptCallError(id, 'its transcript cannot be read', { cause: err });
    }
    // A last line without its newline was torn by a crash mid-append: it never counted.
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const activities: TranscriptActivity[] = [];
    complete.split('\n').forEach((line, n) => {
      if (line === '') return;
      try {
        activities.push(transcriptActivitySchema.parse(JSON.parse(line)));
      } catch (err) {
        throw new CorruptCallError(id, `transcript line ${n + 1} is invalid`, { cause: err });
      }
    });
    return activities;
  }

  /** Read-modify-write of a call's header under its lock; the index is updated when asked. */
  async #updateHeader(
    id: string,
    operation: string,
    change: (h: CallHeader) => CallHeader,
    updateIndex: boolean,
  ): Promise<CallSummary> {
    this.#assertOpen();
    const callId = callIdSchema.parse(id);
    return this.#locks.run(callId, async () => {
      const header = await this.#readHeader(callId);
      if (!header) throw new CallNotFoundError(callId);
      const next = callHeaderSchema.parse(change(header));
      if (next.id !== callId) throw new Error(`Cannot ${operation} call "${callId}": the id must not change`);
      await writeFileAtomic(join(this.#callDir(callId), HEADER), JSON.stringify(next));
      const row = summarise(next);
      if (updateIndex) await this.#index.put(row);
      return row;
    });
  }

  async #deleteWhere(test: (row: CallSummary) => boolean): Promise<number> {
    const ids = [...this.#index.rows()].filter(test).map((row) => row.id);
    if (ids.length === 0) return 0;
    await this.#locks.runAll(ids, async () => {
      // Tombstones first: once they are durable the calls are gone from every listing.
      await this.#index.remove(ids);
      for (const id of ids) {
        const doomed = join(this.#dir, `${DELETED_PREFIX}${id}-${randomUUID()}`);
        try {
          await rename(this.#callDir(id), doomed);
        } catch (err) {
          if (isNotFound(err)) continue;
          throw err;
        }
        await rm(doomed, { recursive: true, force: true });
        this.#tailChecked.delete(id);
      }
      await fsyncDir(this.#dir);
    });
    return ids.length;
  }

  /**
   * Makes the index agree with the folders after a crash: folders missing from the index are
   * added, rows whose folder is gone are dropped, rows still `in-progress` are re-read from
   * their header (a finish may have reached the header but not the index), and so are rows
 * written in an older shape (before the open-dispute count). Leftover
   * temporary and deleted folders are removed.
   */
  async #reconcile(): Promise<void> {
    const entries = await readdir(this.#dir, { withFileTypes: true });
    const folders = new Set<string>();
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const path = join(this.#dir, e.name);
      if (e.name.startsWith(DELETED_PREFIX)) {
        await removeQuietly(path);
      } else if (e.name.startsWith(TEMP_PREFIX)) {
        const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
        if (age > STALE_TEMP_MS) await removeQuietly(path);
      } else if (callIdSchema.safeParse(e.name).success) {
        folders.add(e.name);
      }
    }
    const gone = [...this.#index.rows()].map((r) => r.id).filter((id) => !folders.has(id));
    await this.#index.remove(gone);
    for (const id of folders) {
      const row = this.#index.get(id);
      if (row && row.status !== 'in-progress' && !this.#index.isStale(id)) continue;
      const header = await this.#readHeader(id).catch(() => undefined);
      if (!header) continue;
      const fresh = summarise(header);
      if (!row || JSON.stringify(row) !== JSON.stringify(fresh)) await this.#index.put(fresh);
    }
  }
}

/** Removes a leftover folder; another process may be removing it too. */
async function removeQuietly(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true }).catch(() => undefined);
}

/** Cuts a transcript's last line if a crash left it without its newline. */
async function cutTornTail(path: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (isNotFound(err)) return;
    throw err;
  }
  if (text.length === 0 || text.endsWith('\n')) return;
  await truncate(path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1), 'utf8'));
}
