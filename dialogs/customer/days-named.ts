/**
 * The days a caller may name. A caller knows delivery and collection days only from the
 * adviser, so a line that names a day ("Friday? … Friday's fine", "Monday the 13th works")
 * may be said only when every day it names is one the adviser has said or one of the
 * caller's own (its needed-by day, its order's dates, today and tomorrow). A tutor's line
 * written with the right day in mind is then skipped when the adviser gives another.
 */
import { addDays, MONTHS, weekdayIndex, WEEKDAYS, type LocalDate } from '../../domain/dates.js';
import type { CallerProfile } from './profile.js';
import type { CustomerState } from './state.js';

/** The days a piece of text names: weekdays (0 = Sunday) and days of the month. */
export interface NamedDays {
  weekdays: number[];
  daysOfMonth: number[];
}

const WEEKDAY_RE = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'gi');
const MONTH_NAMES = MONTHS.join('|');
/** "13th", "the 6th", "6 March", "6th of March", "March 6" */
const DAY_OF_MONTH_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)\\b|\\b(\\d{1,2}) (?:of )?(?:${MONTH_NAMES})\\b|\\b(?:${MONTH_NAMES}) (\\d{1,2})\\b`, 'gi');

/** The weekdays and days of the month named in `text`. */
export function daysNamed(text: string): NamedDays {
  const weekdays = new Set<number>();
  const daysOfMonth = new Set<number>();
  for (const m of text.matchAll(WEEKDAY_RE)) {
    weekdays.add(WEEKDAYS.findIndex((w) => w.toLowerCase() === m[1].toLowerCase()));
  }
  for (const m of text.matchAll(DAY_OF_MONTH_RE)) {
    const n = Number(m[1] ?? m[2] ?? m[3]);
    if (n >= 1 && n <= 31) daysOfMonth.add(n);
  }
  return { weekdays: [...weekdays], daysOfMonth: [...daysOfMonth] };
}

/** True when `text` names `date`: by weekday, by day of the month, or as "tomorrow" (the day after `today`). */
export function namesDate(text: string, date: LocalDate, today: LocalDate): boolean {
  const named = daysNamed(text);
  if (named.weekdays.includes(weekdayIndex(date)) || named.daysOfMonth.includes(Number(date.slice(8, 10)))) return true;
  return /\btomorrow\b/i.test(text) && date === addDays(today, 1);
}

/** True when every day `text` names is one of `known`. */
export function namesOnlyKnownDays(text: string, known: readonly LocalDate[]): boolean {
  const named = daysNamed(text);
  if (named.weekdays.length === 0 && named.daysOfMonth.length === 0) return true;
  const weekdays = new Set(known.map(weekdayIndex));
  const days = new Set(known.map((d) => Number(d.slice(8, 10))));
  return named.weekdays.every((w) => weekdays.has(w)) && named.daysOfMonth.every((d) => days.has(d));
}

/** The caller's own days: today, tomorrow, its needed-by (or due) day and its order's dates. */
export function ownDates(profile: CallerProfile): LocalDate[] {
  const s = profile.scenario;
  const today = profile.clock.date;
  const out: LocalDate[] = [today, addDays(today, 1)];
  if (profile.expected) out.push(profile.expected.date);
  const order = s.orders.find((o) => o.number === s.wants.order);
  if (order) {
    out.push(order.placedAt.date);
    for (const d of [order.promised, order.delivered, order.dispatch?.date]) if (d) out.push(d);
  }
  return out;
}

/** Every day the caller may name now: its own, and every day the adviser has said. */
export function knownDates(profile: CallerProfile, state: CustomerState): LocalDate[] {
  return [...ownDates(profile), ...state.memory.dates.map((d) => d.date)];
}
