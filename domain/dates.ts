/**
 * Calendar dates without time zones. The trainer works in the scenario's local
 * (UK) time, given as plain strings, so no `Date` object ever shifts a day.
 * A {@link LocalDate} is an ISO `YYYY-MM-DD` string; arithmetic goes through UTC
 * midnight internally, which has no daylight-saving jumps.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/** The scenario clock: the local date and time at which the call takes place. */
export interface ScenarioClock {
  /** `YYYY-MM-DD` */
  date: LocalDate;
  /** `HH:MM`, 24-hour */
  time: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * UTC midnight (ms) of dates already validated: a call's few dates are parsed many times a
 * turn (transcript times, the calendar, the customer). Bounded; cleared when full.
 */
const parsed = new Map<string, number>();
const PARSED_MAX = 4096;

/** UTC midnight of `s` in ms, or undefined when `s` is not a real `YYYY-MM-DD` date. */
function utcMs(s: string): number | undefined {
  const known = parsed.get(s);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return undefined;
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(s, d.getTime());
  return d.getTime();
}

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isLocalDate(s: string): boolean {
  return utcMs(s) !== undefined;
}

/** True when `s` is a 24-hour `HH:MM` time. */
export function isClockTime(s: string): boolean {
  return HH_MM.test(s);
}

function toUtc(d: LocalDate): Date {
  const ms = utcMs(d);
  if (ms === undefined) throw new RangeError(`not a date (YYYY-MM-DD): ${d}`);
  return new Date(ms);
}

function fromUtc(d: Date): LocalDate {
  return d.toISOString().slice(0, 10);
}

/** `d` plus `n` calendar days (n may be negative). */
export function addDays(d: LocalDate, n: number): LocalDate {
  const u = toUtc(d);
  u.setUTCDate(u.getUTCDate() + n);
  return fromUtc(u);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(d: LocalDate): number {
  return toUtc(d).getUTCDay();
}

/** "Thursday" */
export function weekdayName(d: LocalDate): string {
  return WEEKDAYS[weekdayIndex(d)];
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** "Thursday 5 March 2026" */
export function formatLongDate(d: LocalDate): string {
  const u = toUtc(d);
  return `${WEEKDAYS[u.getUTCDay()]} ${u.getUTCDate()} ${MONTHS[u.getUTCMonth()]} ${u.getUTCFullYear()}`;
}

/** "Thu 5 Mar 2026" */
export function formatShortDate(d: LocalDate): string {
  const u = toUtc(d);
  return `${WEEKDAYS[u.getUTCDay()].slice(0, 3)} ${u.getUTCDate()} ${MONTHS[u.getUTCMonth()].slice(0, 3)} ${u.getUTCFullYear()}`;
}

/** Minutes after midnight of an `HH:MM` time. */
export function minutesOfDay(time: string): number {
  const m = HH_MM.exec(time);
  if (!m) throw new RangeError(`not a time (HH:MM): ${time}`);
  return +m[1] * 60 + +m[2];
}

/** Compare two dates: negative, zero or positive. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The clock as an ISO timestamp string for transcripts, `YYYY-MM-DDTHH:MM:SSZ`
 * (local scenario time written with a `Z`, as the reference transcripts do),
 * `offsetSeconds` after the clock.
 */
export function clockTimestamp(clock: ScenarioClock, offsetSeconds = 0): string {
  const base = toUtc(clock.date).getTime() + minutesOfDay(clock.time) * 60_000 + offsetSeconds * 1000;
  return new Date(base).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
