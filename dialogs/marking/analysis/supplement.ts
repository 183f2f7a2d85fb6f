/**
 * Marking-side corrections to the recogniser's amounts and dates, kept apart so they can
 * move into `domain/language/` (see the marker's report):
 * - an amount written without "£" but with pence ("this is 1,579.20") is money;
 * - "in a couple of days", "three working days" are spans, not dates;
 * - words that name no day ("this afternoon", "now", "at the moment") are not dates.
 */
import type { Recognised, RecognisedDate, RecognisedMoney } from './analyse.js';

const BARE_MONEY = /(?<![£$€\d.,:/-])(\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d+\.\d{2})(?![\d:%/]|\.\d)/g;
const SPAN_TEXT = /\b(?:a couple of|couple of|a few|few|\d+|one|two|three|four|five|six|seven|ten)(?:\s*(?:-|to|or)\s*(?:\d+|two|three|four|five|six|seven|ten))?\s+(?:working\s+|business\s+)?days?\b/i;
const NAMES_A_DAY =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|weds|thurs?|fri|today|tomorrow|tonight|\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|twentieth|thirtieth|twenty-\w+|thirty-first|january|february|march|april|may|june|july|august|september|october|november|december|week|month|weekend)\b/i;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The recogniser's reading, corrected for marking. */
export function supplement(text: string, r: Recognised): Recognised {
  const money: RecognisedMoney[] = [...r.money];
  for (const m of text.matchAll(BARE_MONEY)) {
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[1].length };
    if (money.some((x) => overlaps(x, span))) continue;
    money.push({ pence: Math.round(Number(m[1].replace(/,/g, '')) * 100), text: m[1], ...span });
  }
  money.sort((a, b) => a.start - b.start);
  const dates: RecognisedDate[] = [];
  for (const d of r.dates) {
    if (SPAN_TEXT.test(d.text) && !/\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)\b/i.test(d.text)) {
      dates.push({ kind: 'span', text: d.text, start: d.start, end: d.end, hedged: d.hedged });
    } else if (NAMES_A_DAY.test(d.text)) {
      dates.push(d);
    }
  }
  return { money, dates };
}
