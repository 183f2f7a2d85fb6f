/**
 * INTERIM: a thin money-and-date reader over Microsoft Recognizers-Text, used only until
 * the project's recogniser (`domain/language/`) exposes its analysis function; then
 * `recogniser.ts` switches to it and this file goes. It is not a second recogniser: it
 * only adapts Recognizers-Text output to the marker's {@link Recognised} shape.
 */
import { Culture, recognizeCurrency, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import { addDays, weekdayIndex, type LocalDate, type ScenarioClock } from '../../../domain/dates.js';
import type { Recognised, RecognisedDate, RecognisedMoney } from './analyse.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function pickFuture(values: string[], today: LocalDate): LocalDate | undefined {
  const ds = values.filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)).sort();
  return ds.find((d) => d >= today) ?? ds[ds.length - 1];
}

function dayOfMonthDate(day: number, weekday: number | undefined, today: LocalDate): LocalDate | undefined {
  let best: LocalDate | undefined;
  // nearest date with that day of the month whose weekday matches (future first), else the next such date
  for (let i = 0; i < 62; i++) {
    for (const d of [addDays(today, i), addDays(today, -i)]) {
      if (Number(d.slice(8)) !== day) continue;
      if (weekday === undefined || weekdayIndex(d) === weekday) return d;
      if (d >= today) best ??= d;
    }
  }
  return best;
}

const SPAN =
  /\b(?:(?:within|in|about|around)\s+)?(?:\d+|one|two|three|four|five|a few|a couple of|couple of)(?:\s*(?:-|to|or)\s*(?:\d+|two|three|four|five))?\s+(?:working\s+|business\s+)?days?(?:\s+from\s+(?:the\s+)?\w+)?\b|\b(?:early|late|later|middle of|mid|end of|start of|beginning of)\s+next\s+week\b|\bnext\s+week(?:\s+sometime)?\b|\bsometime\s+next\s+week\b|\bin\s+a\s+(?:couple|few)\s+(?:of\s+)?days\b/gi;
const WEEKDAY_DAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+the)?\s+(\d{1,2})(?:st|nd|rd|th)\b/gi;
const BARE_MONEY = /(?<![£\d.,:/-])(\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d+\.\d{2})(?![\d:%/]|\.\d)/g;

/** Read money and dates from one message (interim adapter; see file comment). */
export function interimRecognise(text: string, clock: ScenarioClock): Recognised {
  const money: RecognisedMoney[] = [];
  for (const m of text.matchAll(/£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?(?!\d)/g)) {
    const start = m.index ?? 0;
    money.push({ pence: Number(m[1].replace(/,/g, '')) * 100 + Number(m[2] ?? 0), text: m[0], start, end: start + m[0].length });
  }
  // Recognizers-Text is slow (~15 ms a call): only for amounts in words
  const spelled = /\b(?:pounds?|quid|pence|p)\b/i.test(text) ? recognizeCurrency(text, Culture.English) : [];
  for (const r of spelled) {
    if (money.some((x) => r.start < x.end && r.end + 1 > x.start)) continue;
    const res = r.resolution as { value?: string; unit?: string } | null;
    if (!res?.value || (res.unit && !/pound|penny|pence|£/i.test(res.unit))) continue;
    money.push({ pence: Math.round(Number(res.value) * 100), text: r.text, start: r.start, end: r.end + 1 });
  }
  for (const m of text.matchAll(BARE_MONEY)) {
    const start = m.index ?? 0;
    if (money.some((x) => start >= x.start && start < x.end)) continue;
    money.push({ pence: Math.round(Number(m[1].replace(/,/g, '')) * 100), text: m[1], start, end: start + m[1].length });
  }
  money.sort((a, b) => a.start - b.start);

  const dates: RecognisedDate[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number): boolean => !taken.some(([a, b]) => s < b && e > a);
  for (const m of text.matchAll(SPAN)) {
    const s = m.index ?? 0;
    dates.push({ kind: 'span', text: m[0], start: s, end: s + m[0].length });
    taken.push([s, s + m[0].length]);
  }
  for (const m of text.matchAll(WEEKDAY_DAY)) {
    const s = m.index ?? 0;
    const d = dayOfMonthDate(Number(m[2]), WEEKDAYS.indexOf(m[1].toLowerCase()), clock.date);
    if (d && free(s, s + m[0].length)) {
      dates.push({ kind: 'date', date: d, text: m[0], start: s, end: s + m[0].length });
      taken.push([s, s + m[0].length]);
    }
  }
  const dateWords =
    /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|\d{1,2}(?:st|nd|rd|th)|january|february|march|april|may|june|july|august|september|october|november|december|week)\b/i;
  if (!dateWords.test(text)) {
    dates.sort((a, b) => a.start - b.start);
    return { money, dates };
  }
  const [y, mo, da] = clock.date.split('-').map(Number);
  const [hh, mm] = clock.time.split(':').map(Number);
  const ref = new Date(y, mo - 1, da, hh, mm);
  for (const r of recognizeDateTime(text, Culture.English, undefined, ref)) {
    const s = r.start;
    const e = r.end + 1;
    if (!free(s, e)) continue;
    // only words that name a day: "now", "at the moment", "a minute ago" are not dates
    if (!/\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|\d{1,2}(?:st|nd|rd|th)?|january|february|march|april|may|june|july|august|september|october|november|december|week|month)\b/i.test(r.text)) continue;
    const values = ((r.resolution as { values?: { type: string; value?: string; start?: string; end?: string }[] } | null)?.values ?? []);
    const type = values[0]?.type ?? r.typeName.replace('datetimeV2.', '');
    if (type === 'date' || type === 'datetime') {
      const d = pickFuture(values.map((v) => (v.value ?? '').slice(0, 10)), clock.date);
      if (d) dates.push({ kind: 'date', date: d, text: r.text, start: s, end: e });
    } else if (type === 'daterange') {
      dates.push({ kind: 'span', text: r.text, start: s, end: e });
    } else if (type === 'datetimerange' || type === 'timerange') {
      const m = /\b(today|tomorrow|monday|tuesday|wednesday|thursday|friday)\b/i.exec(r.text);
      const v = values.find((x) => x.end || x.start);
      const day = (v?.end ?? v?.start ?? '').slice(0, 10);
      if (m && /^\d{4}-\d{2}-\d{2}$/.test(day)) dates.push({ kind: 'date', date: day, text: r.text, start: s, end: e });
    }
    taken.push([s, e]);
  }
  dates.sort((a, b) => a.start - b.start);
  return { money, dates };
}
