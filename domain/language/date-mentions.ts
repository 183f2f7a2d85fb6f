/**
 * Dates the adviser states, resolved against the scenario clock. Explicit UK
 * forms are parsed here (day before month: "5/3" is 5 March); Microsoft
 * Recognizers-Text (reference date = the clock) catches the remaining phrasings.
 * When a reading could be past or future, the future is chosen unless the words
 * around it are in the past tense.
 */
import { addDays, daysBetween, isLocalDate, weekdayIndex, type LocalDate, type ScenarioClock } from '../dates.js';
import { COUNT_RE, DAY_RE, MONTH_RE, WEEKDAY_RE, countNumber, dayNumber, monthOf, weekdayOf } from './date-words.js';
import { inScope } from './negation.js';
import { dateTimes } from './recognizers.js';
import { clauseOf, sentenceAt } from './sentences.js';
import type { Cue, DateForm, DateMention, DateRole, Sentence, Span, WorkingDayFn } from './types.js';

/** What a pattern handler returns. */
interface Reading {
  kind: 'date' | 'span';
  form: DateForm;
  date?: LocalDate;
  candidates: LocalDate[];
  range?: { from: LocalDate; to: LocalDate };
  ambiguous: boolean;
}

interface Env {
  today: LocalDate;
  calendar?: WorkingDayFn;
  /** The words before the match, in its clause, read as past tense. */
  past: boolean;
  /** The text just after the match (a few words). */
  after: string;
}

/** After a count of days: a margin ("a day early", "two days ahead of"), not a date. */
const MARGIN_AFTER = /^\s*(?:early|earlier|late|later|ahead|before|after|behind|to spare|sooner|of (?:margin|leeway))\b/i;

/** A reading; `undefined` = not a date here (later patterns may try); `null` = a date-shaped phrase naming no real day (claimed, dropped). */
type Handler = (m: RegExpExecArray, env: Env) => Reading | undefined | null;

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): LocalDate | undefined {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return isLocalDate(s) ? s : undefined;
}

function yearOf(d: LocalDate): number {
  return Number(d.slice(0, 4));
}

/** Next `target` weekday after today (today itself when `includeToday`). */
function nextWeekday(today: LocalDate, target: number, includeToday = false): LocalDate {
  let n = (target - weekdayIndex(today) + 7) % 7;
  if (n === 0 && !includeToday) n = 7;
  return addDays(today, n);
}

/** Most recent `target` weekday before today. */
function prevWeekday(today: LocalDate, target: number): LocalDate {
  const n = (weekdayIndex(today) - target + 7) % 7 || 7;
  return addDays(today, -n);
}

/** Monday of the week containing `d`. */
function mondayOf(d: LocalDate): LocalDate {
  return addDays(d, -((weekdayIndex(d) + 6) % 7));
}

/** Day and month without a year: the occurrence nearest today (the future on a tie). */
function nearestYear(today: LocalDate, month: number, day: number): LocalDate | undefined {
  const y = yearOf(today);
  const options = [y, y + 1, y - 1].map((yy) => ymd(yy, month, day)).filter((d): d is LocalDate => !!d);
  options.sort((a, b) => Math.abs(daysBetween(today, a)) - Math.abs(daysBetween(today, b)) || (b > a ? 1 : -1));
  return options[0];
}

/** Day of month alone: this month if not yet past, else next month (or the past one when the text is past tense). */
function dayOfMonth(today: LocalDate, day: number, past: boolean): LocalDate[] {
  const y = yearOf(today);
  const m = Number(today.slice(5, 7));
  const months = [-1, 0, 1, 2].map((k) => {
    const mm = ((m - 1 + k + 12) % 12) + 1;
    const yy = y + Math.floor((m - 1 + k) / 12);
    return ymd(yy, mm, day);
  }).filter((d): d is LocalDate => !!d);
  const future = months.filter((d) => d >= today);
  const before = months.filter((d) => d < today).reverse();
  return past ? [...before, ...future] : [...future, ...before];
}

function explicit(env: Env, y: number | undefined, month: number, day: number, wd: string | undefined): Reading | null {
  const date = y !== undefined ? ymd(y, month, day) : nearestYear(env.today, month, day);
  if (!date) return null;
  if (wd && weekdayIndex(date) !== weekdayOf(wd)) {
    // "Thursday 6 March": the weekday and the date disagree; keep both readings.
    return { kind: 'date', form: 'explicit', date, candidates: [date, nextWeekday(env.today, weekdayOf(wd), true)], ambiguous: true };
  }
  return { kind: 'date', form: 'explicit', date, candidates: [date], ambiguous: false };
}

function fullYear(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const n = Number(s);
  return s.length === 2 ? 2000 + n : n;
}

function working(env: Env, n: number): LocalDate | undefined {
  return env.calendar && Number.isFinite(n) ? env.calendar(env.today, n) : undefined;
}

function weekRange(monday: LocalDate, fromDay: number, toDay: number): { from: LocalDate; to: LocalDate } {
  return { from: addDays(monday, fromDay), to: addDays(monday, toDay) };
}

const WD = WEEKDAY_RE;
const OPT_WD = String.raw`(?:(${WD})(?:day)?\.?,?\s+(?:the\s+)?)?`;

/** Patterns, most specific first. Each match claims its span. */
const PATTERNS: ReadonlyArray<readonly [RegExp, Handler]> = [
  // ISO 2026-03-05
  [/\b(\d{4})-(\d{2})-(\d{2})\b/gi, (m, env) => explicit(env, +m[1], +m[2], +m[3], undefined)],
  // Thursday 5 March (2026) / the 5th of March / 5th March
  [new RegExp(String.raw`\b${OPT_WD}(?:the\s+)?(${DAY_RE})(?:\s+of)?\s+(${MONTH_RE})\b(?:,?\s+(\d{4}))?`, 'gi'),
    (m, env) => explicit(env, fullYear(m[4]), monthOf(m[3]), dayNumber(m[2]), m[1])],
  // Thursday, March 5th (2026)
  [new RegExp(String.raw`\b${OPT_WD}(${MONTH_RE})\s+(?:the\s+)?(${DAY_RE})\b(?:,?\s+(\d{4}))?`, 'gi'),
    (m, env) => (/^may$/i.test(m[2]) && !/\d/.test(m[3]) ? undefined : explicit(env, fullYear(m[4]), monthOf(m[2]), dayNumber(m[3]), m[1]))],
  // Thu 5/3, 5/3/26, 05.03.2026 (UK: day first)
  [new RegExp(String.raw`\b${OPT_WD}(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b|\b(\d{1,2})[.-](\d{1,2})[.-](\d{4}|\d{2})\b`, 'gi'),
    (m, env) => {
      const day = +(m[2] ?? m[5]);
      const month = +(m[3] ?? m[6]);
      const r = explicit(env, fullYear(m[4] ?? m[7]), month, day, m[1]);
      return r && { ...r, form: 'numeric' };
    }],
  // a week on Friday / Friday week / a week tomorrow / a week today
  [new RegExp(String.raw`\ba\s+week\s+(?:on|from)\s+(${WD})(?:day)?\b|\b(${WD})(?:day)?\s+week\b|\ba\s+week\s+(tomorrow|today)\b`, 'gi'),
    (m, env) => {
      const base = m[3] ? addDays(env.today, m[3].toLowerCase() === 'tomorrow' ? 1 : 0) : nextWeekday(env.today, weekdayOf(m[1] ?? m[2]));
      const date = addDays(base, 7);
      return { kind: 'date', form: m[3] ? 'relative' : 'weekday', date, candidates: [date], ambiguous: false };
    }],
  // in three working days (a date) / within three working days, 3–5 working days (spans)
  [new RegExp(String.raw`\b(in|within|after|about|around|up\s+to)?\s*(${COUNT_RE})(?:\s*(?:-|–|to|or)\s*(${COUNT_RE}))?\s+(working|business|calendar)?\s*days?\b(?!\s+of\b)`, 'gi'),
    (m, env) => {
      const lead = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const a = countNumber(m[2]);
      const b = m[3] ? countNumber(m[3]) : undefined;
      const isWorking = !!m[4] && /working|business/i.test(m[4]);
      // Plain "14 days", "30 days" are terms (returns, payment), not dates.
      if (!Number.isFinite(a) || (!isWorking && (b ?? a) > 7)) return undefined;
      // "a day early", "two days ahead of your deadline": a margin, not a date
      if (!lead && b === undefined && MARGIN_AFTER.test(env.after)) return null;
      const add = (n: number) => (isWorking ? working(env, n) : addDays(env.today, n));
      // "in a couple of days", "in a few days": a vague count is a span
      const vague = /couple|few/i.test(m[2]);
      if (b === undefined && !vague && (lead === 'in' || lead === 'after')) {
        const date = add(a);
        return date
          ? { kind: 'date', form: isWorking ? 'working_days' : 'day_count', date, candidates: [date], ambiguous: false }
          : { kind: 'span', form: 'working_days', candidates: [], ambiguous: true };
      }
      const from = lead === 'within' || lead === 'up to' || b === undefined ? add(1) : add(a);
      const to = add(b ?? a);
      return { kind: 'span', form: 'period', candidates: [], ambiguous: true, range: from && to ? { from, to } : undefined };
    }],
  // in two weeks / in a fortnight (a day) / within two weeks, the week after next (spans)
  [new RegExp(String.raw`\b(in|within|after|about|around|up\s+to)?\s*(?:(${COUNT_RE})\s+weeks?|a\s+fortnight)\b(?!\s+(?:on|from|today|tomorrow)\b)|\bthe\s+week\s+after\s+next\b`, 'gi'),
    (m, env) => {
      if (/^the\s+week\s+after\s+next$/i.test(m[0].trim())) {
        return { kind: 'span', form: 'period', candidates: [], ambiguous: true, range: weekRange(addDays(mondayOf(env.today), 14), 0, 4) };
      }
      const lead = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const weeks = m[2] ? countNumber(m[2]) : 2;
      if (!Number.isFinite(weeks) || weeks > 8) return undefined;
      const days = weeks * 7;
      if ((lead === 'in' || lead === 'after') && !/couple|few/i.test(m[2] ?? '')) {
        const date = addDays(env.today, days);
        return { kind: 'date', form: 'day_count', date, candidates: [date], ambiguous: false };
      }
      return { kind: 'span', form: 'period', candidates: [], ambiguous: true, range: { from: addDays(env.today, 1), to: addDays(env.today, days) } };
    }],
  // early / mid / late / end of / sometime next week, this week, the end of the week
  [/\b(early|earlier|late|later|mid|middle\s+of|the\s+middle\s+of|the\s+end\s+of|end\s+of|the\s+start\s+of|start\s+of|beginning\s+of|the\s+beginning\s+of|sometime|some\s+time|at\s+some\s+point)?\s*(?:in\s+)?(next|this|the\s+following|the)\s+week\b(?!\s*(?:or\s+so\s+)?on\b)/gi,
    (m, env) => {
      const which = m[2].toLowerCase();
      const mon = mondayOf(env.today);
      const monday = which === 'this' || which === 'the' ? mon : addDays(mon, 7);
      if (which === 'the' && !m[1]) return undefined;
      const mod = (m[1] ?? '').toLowerCase();
      const range = /early|start|beginning/.test(mod) ? weekRange(monday, 0, 2)
        : /mid|middle/.test(mod) ? weekRange(monday, 1, 3)
          : /late|end/.test(mod) ? weekRange(monday, 3, 4)
            : weekRange(monday, 0, 4);
      return { kind: 'span', form: 'period', candidates: [], ambiguous: true, range };
    }],
  // a couple of days / the next few days / a day or two
  [/\b(?:in\s+)?(?:a\s+couple\s+of|a\s+few|the\s+next\s+(?:few|couple\s+of))\s+days\b|\ba\s+day\s+or\s+two\b|\bover\s+the\s+weekend\b/gi,
    () => ({ kind: 'span', form: 'period', candidates: [], ambiguous: true })],
  // "this afternoon", "this morning", "at the moment", "right now": times of day, naming no delivery day
  [/\bthis\s+(?:morning|afternoon|evening)\b|\bat\s+the\s+(?:moment|minute)\b|\bright\s+now\b|\bas\s+of\s+now\b|\bcurrently\b/gi, () => null],
  // (the) day after tomorrow / tomorrow / today / tonight
  // (text-speak too: "tmrw", "2moro", "tomoz", "2day", "tday")
  [/\b(?:the\s+)?day\s+after\s+tomorrow\b|\b(?:tomorrow|tomorow|tmrw|tmr|tomoz|2moro|2morrow)\b|\b(?:today|2day|tday)\b|\btonight\b|\byesterday\b/gi,
    (m, env) => {
      const w = m[0].toLowerCase();
      const n = /after\s+tomorrow/.test(w) ? 2 : /^(?:tomorrow|tomorow|tmrw|tmr|tomoz|2moro|2morrow)$/.test(w) ? 1 : w === 'yesterday' ? -1 : 0;
      const date = addDays(env.today, n);
      return { kind: 'date', form: 'relative', date, candidates: [date], ambiguous: false };
    }],
  // Monday 16th / Wednesday the 11th / Friday 12
  [new RegExp(String.raw`\b(${WD})(?:day)?\.?,?\s+(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?(?:st|nd|rd|th)|\d{1,2}(?=\s*(?:[,.;!?)]|$)))\b`, 'gi'),
    (m, env) => {
      const day = dayNumber(m[2]);
      if (!Number.isFinite(day) || day < 1 || day > 31) return undefined;
      const target = weekdayOf(m[1]);
      const options = dayOfMonth(env.today, day, env.past);
      const consistent = options.filter((d) => weekdayIndex(d) === target);
      const date = consistent[0] ?? options[0];
      if (!date) return undefined;
      return { kind: 'date', form: 'day_of_month', date, candidates: consistent.length ? consistent : options, ambiguous: consistent.length === 0 };
    }],
  // the 5th / on 5th / the fifth
  [new RegExp(String.raw`\b(?:the|on|by|for|until|till|from|before)\s+(\d{1,2}(?:st|nd|rd|th)|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-\w+|thirtieth|thirty-first)\b(?!\s+(?:working|day|time|floor|chair|desk|box|item|line|one|option))`, 'gi'),
    (m, env) => {
      const day = dayNumber(m[1]);
      if (!Number.isFinite(day) || day < 1 || day > 31) return undefined;
      const options = dayOfMonth(env.today, day, env.past);
      if (!options[0]) return undefined;
      return { kind: 'date', form: 'day_of_month', date: options[0], candidates: options.slice(0, 2), ambiguous: false };
    }],
  // next Tuesday / this Friday / last Friday / on Friday / Friday
  [new RegExp(String.raw`\b(?:(this\s+coming|this|next|coming|last|on|by|until|till|from|before)\s+)?(${WD})(?:day)?\b(?!\s*(?:week))`, 'gi'),
    (m, env) => {
      const mod = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const target = weekdayOf(m[2]);
      if (target === undefined) return undefined;
      const future = nextWeekday(env.today, target, mod === 'this' || mod === 'this coming');
      const past = prevWeekday(env.today, target);
      if (mod === 'last') return { kind: 'date', form: 'weekday', date: past, candidates: [past], ambiguous: false };
      if (mod === 'next') {
        // "next Tuesday": the Tuesday of next week (Recognizers-Text's reading); the nearer one is kept as a candidate.
        const ofNextWeek = addDays(mondayOf(env.today), 7 + ((target + 6) % 7));
        const candidates = [...new Set([ofNextWeek, future])];
        return { kind: 'date', form: 'weekday', date: ofNextWeek, candidates, ambiguous: candidates.length > 1 };
      }
      if (env.past && !mod.startsWith('this')) return { kind: 'date', form: 'weekday', date: past, candidates: [past, future], ambiguous: false };
      const sameDay = weekdayIndex(env.today) === target;
      return { kind: 'date', form: 'weekday', date: future, candidates: sameDay ? [future, env.today] : [future, past], ambiguous: sameDay };
    }],
];

/** "I can see", "the tracking shows", "it looks like": words that report, whatever the tense of what they report. */
const REPORTING = /\b(?:i can see|i see|i have got|it says|it shows|(?:the )?(?:system|tracking|screen|notes?|record) (?:says|shows)|it looks like|according to (?:the )?\w+)(?: that)?\b/gi;

/** The words before a date whose tense tells past from future: its clause, after any reporting words. */
function tenseWords(before: string): string {
  const clause = before.split(/[,;:]/).pop() ?? '';
  let from = 0;
  for (const m of clause.matchAll(REPORTING)) from = m.index + m[0].length;
  return clause.slice(from);
}

const PAST = /\b(?:was|were|went|had|dispatched|delivered|placed|ordered|arrived|came|got|sent|left|ago|last|did|rang|called|emailed|received)\b/i;
const FUTURE = /\b(?:will|'ll|would|'d|going\s+to|gonna|should|can|could|be|booked\s+for|due|next|expect|arrive|arrives|arriving|deliver|delivering|come|coming|reach)\b/i;

const ROLE_WORDS: ReadonlyArray<readonly [DateRole, RegExp]> = [
  ['collection', /\b(?:collect\w*|pick(?:ing|ed)?\s+(?:it|them|the\s+\w+)?\s*up|pick-?up)\b/gi],
  ['follow_up', /\b(?:call(?:ing)?|ring(?:ing)?|phone|email|e-mail|update|get\s+back|be\s+in\s+touch|let\s+you\s+know|hear\s+from|speak|confirm(?:ation)?)\b/gi],
  ['deadline', /\b(?:need(?:ed|s)?\s+(?:them|it|the\s+\w+)?\s*(?:to\s+be\s+(?:there|here|with\s+you|delivered)\s+)?(?:by|for)|deadline|latest|in\s+time|starts?|starting|begins?|start\s+date|first\s+day)\b/gi],
  ['delivery', /\b(?:deliver\w*|arriv\w*|with\s+you|reach\w*|come|comes|coming|turn\s+up|dispatch\w*|redeliver\w*|due|get\s+to\s+you|expect\w*|ship\w*|send|sent|go\s+out|goes\s+out)\b/gi],
];

/** Words of a supplier's delivery to the warehouse (the date is not the customer's). */
const SUPPLIER = /\bsupplier|\bout of stock\b|\b(?:in stock|stock|available) again\b|\bback in\b|\bmanufacturer|\bwarehouse\b|\bback in stock\b|\brestock|\bnext delivery (?:in|from|to us|into)\b|\bcome(?:s)? in(?:to stock)?\b|\bstock (?:is )?(?:due|arriv\w*|lands?|comes? in)\b|\bmore (?:stock )?(?:in|due)\b|\b(?:we|they) (?:get|are getting|will get|will be getting|receive|should get|should be getting|are expecting|expect) (?:more|some more|new stock|more stock|stock|a delivery|another delivery|them in)\b/i;
const CLAUSE_EDGE = /[,;:]|\s[-–—]\s|\b(?:so|but|and then|which means|then)\b/i;

/**
 * The date's role: the nearest role word in its own clause ("delivered on Thursday 9 April,
 * in time for … Monday 13th" — Thursday is the delivery, Monday the deadline); the nearest
 * in the sentence when its clause has none ("They'll be with you, I'd say, on Friday").
 */
function roleOf(text: string, s: Sentence, span: Span): DateRole {
  const inClause = nearestRole(text, clauseOf(s, span), span);
  const role = inClause !== 'unknown' ? inClause : nearestRole(text, s, span);
  if (role === 'collection' || role === 'follow_up') return role;
  // a supplier's date in the date's own clause ("back in stock on Monday", "the supplier is due Friday")
  const before = text.slice(s.start, span.start).split(CLAUSE_EDGE).pop() ?? '';
  const after = text.slice(span.end, s.end).split(CLAUSE_EDGE)[0] ?? '';
  return SUPPLIER.test(before) || SUPPLIER.test(after) ? 'supplier' : role;
}

function nearestRole(text: string, s: Span, span: Span): DateRole {
  let best: DateRole = 'unknown';
  let bestD = Infinity;
  for (const [role, re] of ROLE_WORDS) {
    re.lastIndex = 0;
    const st = text.slice(s.start, s.end);
    for (let m = re.exec(st); m; m = re.exec(st)) {
      const a = s.start + m.index;
      const b = a + m[0].length;
      const d = b <= span.start ? span.start - b : a >= span.end ? (a - span.end) * 1.2 : 0;
      if (d < bestD) {
        bestD = d;
        best = role;
      }
    }
  }
  return bestD <= 60 ? best : 'unknown';
}

function overlaps(a: Span, list: readonly Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

const DATE_WORDS = new RegExp(String.raw`\b(?:${WD}|${MONTH_RE}|today|tomorrow|tomorow|tmrw|tmr|tomoz|2moro|2morrow|2day|tday|tonight|yesterday|weeks?|weekend|fortnight|month|days?|morning|afternoon|evening|moment|now|currently|easter|christmas)\b|\d`, 'i');

/**
 * What is left for Recognizers-Text (10–40 ms a call) after the patterns: a weekday, a month
 * next to a number ("May" alone is a modal verb, "March" alone a month, not a day), or a
 * count of weeks. Month names alone, "this month", "your week", holidays named as greetings
 * resolve to no day the patterns would keep, so they never reach it.
 */
const FALLBACK_WORDS = new RegExp(
  String.raw`\b${WD}(?:day)?\b|\b${MONTH_RE}\b[^.!?\n]{0,12}?\b\d|\d[^.!?\n]{0,12}?\b${MONTH_RE}\b|\bweeks\b|\bfortnight\b`,
  'i',
);

/** Words that name a day or a period of days (a Recognizers-Text reading without one, such as "now", is no date). */
const NAMES_A_DAY = new RegExp(String.raw`\b(?:${WD}|${MONTH_RE}|today|tomorrow|tomorow|tmrw|tmr|tomoz|2moro|2morrow|2day|tday|tonight|\d{1,2}(?:st|nd|rd|th)?|${DAY_RE}|week|weeks|fortnight|month|weekend|easter|christmas)\b`, 'i');

/** Recognizers-Text for phrasings the patterns above do not cover. */
function fromRecognizers(text: string, clock: ScenarioClock, taken: Span[]): (Reading & Span)[] {
  const out: (Reading & Span)[] = [];
  for (const r of dateTimes(text, clock)) {
    const span = { start: r.start, end: r.end + 1 };
    if (overlaps(span, taken) || !NAMES_A_DAY.test(r.text)) continue;
    const values = ((r.resolution?.values ?? []) as { type?: string; value?: string; start?: string; end?: string }[]);
    if ((r.typeName === 'datetimeV2.date' || r.typeName === 'datetimeV2.datetime') && values.every((v) => /^(?:\d{4}|XXXX)-\d{2}-\d{2}/.test((v as { timex?: string }).timex ?? ''))) {
      const dates = [...new Set(values.map((v) => (v.value ?? '').slice(0, 10)).filter(isLocalDate))];
      if (!dates.length) continue;
      const future = dates.filter((d) => d >= clock.date);
      const date = future[0] ?? dates[dates.length - 1];
      out.push({ kind: 'date', form: 'explicit', date, candidates: [date, ...dates.filter((d) => d !== date)], ambiguous: dates.length > 1 && future.length !== 1, ...span });
    } else if (r.typeName === 'datetimeV2.daterange' && /\b(?:week|days)\b/i.test(r.text) && !/weekend/i.test(r.text)) {
      const v = values[values.length - 1];
      const range = v && isLocalDate(v.start ?? '') && isLocalDate(v.end ?? '') ? { from: v.start as string, to: addDays(v.end as string, 0) } : undefined;
      out.push({ kind: 'span', form: 'period', candidates: [], ambiguous: true, range, ...span });
    }
  }
  return out;
}

/**
 * Find dates and date spans in `text`.
 * @param calendar adds working days; without it "in three working days" stays an unresolved span.
 */
export function findDates(
  text: string,
  sentences: readonly Sentence[],
  cues: readonly Cue[],
  clock: ScenarioClock,
  calendar: WorkingDayFn | undefined,
  exclude: readonly Span[] = [],
): DateMention[] {
  if (!DATE_WORDS.test(text)) return [];
  const found: (Reading & Span)[] = [];
  const taken: Span[] = [...exclude];
  for (const [re, handler] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const lead = /^\s+/.exec(m[0])?.[0].length ?? 0;
      const span = { start: m.index + lead, end: m.index + m[0].length };
      if (span.end <= span.start || overlaps(span, taken)) continue;
      const s = sentences[sentenceAt(sentences, span.start)];
      const before = tenseWords(text.slice(s.start, span.start));
      const past = PAST.test(before) && !FUTURE.test(before);
      const r = handler(m, { today: clock.date, calendar, past, after: text.slice(span.end, span.end + 24) });
      if (r === null) taken.push(span);
      if (!r) continue;
      found.push({ ...r, ...span });
      taken.push(span);
    }
  }
  // Recognizers-Text (~1 ms a call) only when unclaimed date words remain.
  const chars = text.split('');
  for (const t of taken) for (let i = Math.max(0, t.start); i < Math.min(text.length, t.end); i++) chars[i] = ' ';
  const rest = chars.join('');
  if (FALLBACK_WORDS.test(rest)) found.push(...fromRecognizers(text, clock, taken));
  found.sort((a, b) => a.start - b.start);
  return found.map((f) => {
    const si = sentenceAt(sentences, f.start);
    return {
      kind: f.kind,
      text: text.slice(f.start, f.end),
      start: f.start,
      end: f.end,
      sentence: si,
      ...(f.date ? { date: f.date } : {}),
      candidates: f.candidates,
      ...(f.range ? { range: f.range } : {}),
      ambiguous: f.ambiguous,
      form: f.form,
      role: roleOf(text, sentences[si], f),
      negated: inScope(cues, f, 'negation'),
      hedged: inScope(cues, f, 'hedge'),
    };
  });
}
