/**
 * Keeping call records no longer than the retention period (`RETENTION_DAYS`): calls started
 * more than that many days ago are deleted, at start-up and then daily by the server, or on
 * demand with `npm run data -- purge`. Several instances may each run it; deleting is
 * idempotent.
 */
import type { CallStore } from '../domain/calls.js';
import type { Logger } from './logger.js';

/** One day in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which calls are out of retention: `days` × 24 hours before `now`. */
export function retentionCutoff(days: number, now: Date): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Retention must be a whole number of days, at least 1 (got ${days})`);
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** What one purge did. */
export interface PurgeResult {
  days: number;
  /** Calls started before this instant were deleted. */
  before: string;
  deleted: number;
}

/** Deletes the calls started more than `days` days before `now`. */
export async function purgeExpiredCalls(calls: CallStore, days: number, now: Date): Promise<PurgeResult> {
  const before = retentionCutoff(days, now);
  return { days, before, deleted: await calls.deleteOlderThan(before) };
}

/** What {@link startRetention} needs. */
export interface RetentionOptions {
  calls: CallStore;
  days: number;
  logger: Logger;
  /** Default the system clock. */
  now?: () => Date;
  /** Time between purges; default one day. */
  intervalMs?: number;
}

/** The running schedule. */
export interface RetentionJob {
  /** Settles when the start-up purge has run (it never rejects: failures are logged). */
  readonly firstRun: Promise<void>;
  /** Stops the schedule and waits for a purge in progress. */
  stop(): Promise<void>;
}

/**
 * Purges now and then every `intervalMs` (the timer does not keep the process alive). A purge
 * that fails is logged and tried again at the next interval; a purge still running when the
 * next is due is not doubled.
 */
export function startRetention(options: RetentionOptions): RetentionJob {
  const { calls, days, logger } = options;
  const now = options.now ?? (() => new Date());
  retentionCutoff(days, now()); // a bad `days` fails here, at start-up
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = (): Promise<void> => {
    if (running || stopped) return running ?? Promise.resolve();
    running = purgeExpiredCalls(calls, days, now())
      .then((r) => {
        if (r.deleted > 0) logger.info({ deleted: r.deleted, before: r.before, retentionDays: days }, 'retention: old calls deleted');
        else logger.debug({ before: r.before, retentionDays: days }, 'retention: no calls to delete');
      })
      .catch((err: unknown) => logger.error({ err, retentionDays: days }, 'retention: deleting old calls failed; trying again at the next run'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void run(), options.intervalMs ?? DAY_MS);
  timer.unref();
  const firstRun = run();
  return {
    firstRun,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
