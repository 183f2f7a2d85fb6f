/**
 * Transcript time: the scenario clock advanced by the call's real elapsed time, and never by
 * less than a plausible few seconds per message (typing for the learner, speaking for the
 * customer, a moment for the desk and the coach), so stored transcripts read like the
 * reference ones and timestamps always increase. The order system's business rules do not
 * use this: they are judged on the scenario clock itself.
 */
import { clockTimestamp, type ScenarioClock } from '../../domain/dates.js';
import type { Speaker } from '../../domain/transcript.js';

/** The time line of one call, kept in conversation state. */
export interface Timeline {
  /** the scenario clock when the call starts */
  start: ScenarioClock;
  /** real time (ms since the epoch) when the call started */
  startedAtMs: number;
  /** seconds after `start` of the last stamped activity; -1 before the first */
  offset: number;
}

/** A new time line starting now. */
export function startTimeline(start: ScenarioClock, nowMs: number): Timeline {
  return { start, startedAtMs: nowMs, offset: -1 };
}

/** Seconds a message plausibly takes. */
export function messageSeconds(who: Speaker | 'learner', text: string): number {
  const n = text.length;
  if (who === 'learner') return text.startsWith('/') ? Math.max(4, Math.min(20, Math.ceil(n / 3))) : Math.max(4, Math.min(90, Math.ceil(n / 4)));
  if (who === 'customer') return Math.max(3, Math.min(30, Math.ceil(n / 10)));
  return 5;
}

/** Stamps one activity: advances the time line and returns the ISO timestamp. */
export function stamp(t: Timeline, who: Speaker | 'learner', text: string, nowMs: number): string {
  const real = Math.max(0, Math.floor((nowMs - t.startedAtMs) / 1000));
  t.offset = t.offset < 0 ? 0 : Math.max(t.offset + messageSeconds(who, text), real);
  return clockTimestamp(t.start, t.offset);
}

/** The scenario clock at the time line's latest activity (for the customer simulator). */
export function clockNow(t: Timeline): ScenarioClock {
  const iso = clockTimestamp(t.start, Math.max(0, t.offset));
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
