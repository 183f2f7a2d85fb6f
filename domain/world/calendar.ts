/**
 * The working-day calendar: which days are working days (weekdays named by the
 * organisation, less its bank holidays) and counting working days between dates.
 * Pure functions over `LocalDate` strings; no `Date` object reaches a caller.
 */
import { addDays, compareDates, isLocalDate, weekdayIndex, type LocalDate } from '../dates.js';
import type { Organisation } from '../scenario/organisation.js';
import { WorldError } from './errors.js';

const WEEKDAY_INDEX: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

/** The rules a calendar is built from. */
export interface CalendarRules {
  /** 0 = Sunday … 6 = Saturday */
  workingWeekdays: readonly number[];
  bankHolidays: readonly LocalDate[];
}

/** A working-day calendar. "After d" always means strictly later than d. */
export interface WorkingCalendar {
  readonly rules: CalendarRules;
  isWorkingDay(d: LocalDate): boolean;
  isBankHoliday(d: LocalDate): boolean;
  /** The first working day strictly after `d`. */
  nextWorkingDay(d: LocalDate): LocalDate;
  /** `d` itself when it is a working day, else the next working day. */
  sameOrNextWorkingDay(d: LocalDate): LocalDate;
  /** The `n`-th working day after `d` (n ≥ 1); `d` itself for n = 0. */
  addWorkingDays(d: LocalDate, n: number): LocalDate;
  /** Working days d with a < d ≤ b (negative, counted the same way, when b is before a). */
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
  /** Bank holidays falling on a normal working weekday with a < d ≤ b. */
  bankHolidaysBetween(a: LocalDate, b: LocalDate): LocalDate[];
}

/** Calendar of an organisation (its working weekdays and bank holidays). */
export function calendarFor(org: Pick<Organisation, 'calendar'>): WorkingCalendar {
  return makeCalendar({
    workingWeekdays: org.calendar.workingDays.map((d) => WEEKDAY_INDEX[d]),
    bankHolidays: org.calendar.bankHolidays,
  });
}

/** The same organisation's calendar with its bank holidays forgotten (a typical mistake). */
export function calendarIgnoringBankHolidays(org: Pick<Organisation, 'calendar'>): WorkingCalendar {
  return makeCalendar({
    workingWeekdays: org.calendar.workingDays.map((d) => WEEKDAY_INDEX[d]),
    bankHolidays: [],
  });
}

/** Build a calendar from explicit rules. */
export function makeCalendar(rules: CalendarRules): WorkingCalendar {
  if (rules.workingWeekdays.length === 0) {
    throw new WorldError('bad-date', 'a calendar needs at least one working weekday');
  }
  const holidays = new Set(rules.bankHolidays);
  const weekdays = new Set(rules.workingWeekdays);
  const check = (d: LocalDate): void => {
    if (!isLocalDate(d)) throw new WorldError('bad-date', `not a date (YYYY-MM-DD): ${d}`, { date: d });
  };
  const isWorkingDay = (d: LocalDate): boolean => {
    check(d);
    return weekdays.has(weekdayIndex(d)) && !holidays.has(d);
  };
  const nextWorkingDay = (d: LocalDate): LocalDate => {
    let x = addDays(d, 1);
    while (!isWorkingDay(x)) x = addDays(x, 1);
    return x;
  };
  const addWorkingDays = (d: LocalDate, n: number): LocalDate => {
    if (!Number.isInteger(n) || n < 0) {
      throw new WorldError('bad-quantity', `working days to add must be a whole number ≥ 0: ${n}`, { n });
    }
    check(d);
    let x = d;
    for (let i = 0; i < n; i++) x = nextWorkingDay(x);
    return x;
  };
  const workingDaysBetween = (a: LocalDate, b: LocalDate): number => {
    check(a);
    check(b);
    const sign = compareDates(a, b) <= 0 ? 1 : -1;
    const [from, to] = sign === 1 ? [a, b] : [b, a];
    let count = 0;
    for (let x = addDays(from, 1); compareDates(x, to) <= 0; x = addDays(x, 1)) {
      if (isWorkingDay(x)) count++;
    }
    return sign * count;
  };
  return {
    rules,
    isWorkingDay,
    isBankHoliday: (d) => holidays.has(d),
    nextWorkingDay,
    sameOrNextWorkingDay: (d) => (isWorkingDay(d) ? d : nextWorkingDay(d)),
    addWorkingDays,
    workingDaysBetween,
    bankHolidaysBetween: (a, b) =>
      [...holidays]
        .filter((h) => compareDates(a, h) < 0 && compareDates(h, b) <= 0 && weekdays.has(weekdayIndex(h)))
        .sort(),
  };
}
