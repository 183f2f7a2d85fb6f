/**
 * Word tables for dates: weekdays, months, ordinal and cardinal number words.
 */

/** Weekday name or abbreviation → 0 (Sunday) … 6 (Saturday). */
export const WEEKDAY_INDEX: Readonly<Record<string, number>> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, weds: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};

/** Month name or abbreviation → 1 … 12. */
export const MONTH_INDEX: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty-second': 22, 'twenty-third': 23,
  'twenty-fourth': 24, 'twenty-fifth': 25, 'twenty-sixth': 26, 'twenty-seventh': 27, 'twenty-eighth': 28,
  'twenty-ninth': 29, thirtieth: 30, 'thirty-first': 31,
};

const CARDINAL_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, couple: 2, few: 3,
};

/** Regex source for a weekday (full names; abbreviations that are not also words). */
export const WEEKDAY_RE = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu(?:rs?)?|fri)`;
/** Regex source for a month. */
export const MONTH_RE = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)`;
/** Regex source for a day of the month: "5", "5th", "fifth", "twenty-first". */
export const DAY_RE = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|${Object.keys(ORDINAL_WORDS).sort((a, b) => b.length - a.length).join('|')}`;
/** Regex source for a small count: "3", "three", "a couple of". */
export const COUNT_RE = String.raw`\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|a\s+couple\s+of|a\s+few|a|an`;

/** Day of month from "5", "5th", "fifth". */
export function dayNumber(s: string): number {
  const w = ORDINAL_WORDS[s.toLowerCase()];
  if (w !== undefined) return w;
  return parseInt(s, 10);
}

/** Count from "3", "three", "a couple of". */
export function countNumber(s: string): number {
  const t = s.toLowerCase().replace(/\s+of$/, '').replace(/^a\s+/, '').trim();
  if (/^\d+$/.test(t)) return parseInt(t, 10);
  return CARDINAL_WORDS[t] ?? CARDINAL_WORDS[s.toLowerCase()] ?? NaN;
}

/** Weekday index of a weekday word. */
export function weekdayOf(s: string): number {
  return WEEKDAY_INDEX[s.toLowerCase()];
}

/** Month number of a month word. */
export function monthOf(s: string): number {
  return MONTH_INDEX[s.toLowerCase()];
}
