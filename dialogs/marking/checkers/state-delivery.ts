/**
 * `state_delivery` — states the correct date that applies (delivery, revised delivery or
 * collection) unambiguously: a date, or a weekday that can only mean one date given the
 * clock. Only a span, a hedge that leaves the date open, or right only after the customer
 * challenged it → partly; no date, or a wrong one (a bank holiday counted, the cut-off
 * ignored), as the last word → missed.
 */
import { compareDates, formatLongDate, type LocalDate } from '../../../domain/dates.js';
import type { DateMention } from '../analysis/types.js';
import { COMMIT_COMMANDS } from '../call/commands.js';
import { challenged } from '../cues/challenge.js';
import type { DateTopic, MarkingFacts } from '../facts/marking-facts.js';
import { quoteOf } from './evidence.js';
import { settledOption } from './settled.js';
import type { Checker, Evidence } from './types.js';

const SPOKEN_ROLES = new Set(['delivery', 'collection', 'other']);

interface Said {
  index: number;
  date: LocalDate;
  hedged: boolean;
  evidence: Evidence;
}

function fits(t: DateTopic, d: LocalDate, facts: MarkingFacts): boolean {
  if (t.date) return t.date === d;
  if (t.anyWorkingDayFrom) {
    return compareDates(d, t.anyWorkingDayFrom) >= 0 && (!t.until || compareDates(d, t.until) <= 0) && facts.isWorkingDay(d);
  }
  return false;
}

function topicText(t: DateTopic): string {
  if (t.date) return formatLongDate(t.date);
  return `a working day from ${formatLongDate(t.anyWorkingDayFrom!)}`;
}

function whyWrong(d: LocalDate, facts: MarkingFacts): string {
  const known = facts.wrongDates.find((w) => w.date === d);
  if (known) return known.why;
  if (!facts.isWorkingDay(d)) return 'not a working day';
  return 'not the date that applies';
}

/** The `state_delivery` checker (rules in the comment at the top of this file). */
export const checkStateDelivery: Checker = (call, facts) => {
  if (facts.dates.length === 0) return { mark: 'met', evidence: [], note: 'No date to state in this scenario.' };
  const settled = settledOption(call, facts);
  let required = facts.dates.filter((t) => t.option === settled);
  if (required.length === 0) required = facts.dates.filter((t) => t.option === facts.mainOption);
  if (required.length === 0) required = facts.dates.slice(0, 1);

  const right: Said[] = [];
  const wrong: Said[] = [];
  const spans: Said[] = [];
  // before anything is changed, the order's promised date describes the order as it stands
  const firstChange = call.desk.find((d) => COMMIT_COMMANDS.includes(d.name) || d.name === 'return')?.index ?? Number.POSITIVE_INFINITY;
  for (const m of call.learner) {
    for (const d of m.analysis.dates as DateMention[]) {
      if (!SPOKEN_ROLES.has(d.role) || compareDates(d.date, facts.clock.date) < 0) continue;
      // "anything else today?" is not a date promised
      if (d.date === facts.clock.date && d.role === 'other') continue;
      if (m.index < firstChange && facts.historyDates.includes(d.date)) continue;
      const said: Said = { index: m.index, date: d.date, hedged: d.hedged, evidence: quoteOf(m.index, d.sentence) };
      if (facts.dates.some((t) => fits(t, d.date, facts))) right.push(said);
      else wrong.push(said);
    }
    for (const s of m.analysis.spans) {
      // "How are things at the practice this week?" is small talk, not a delivery span
      if (s.role === 'other' && s.sentence.trim().endsWith('?')) continue;
      if (SPOKEN_ROLES.has(s.role)) spans.push({ index: m.index, date: '', hedged: true, evidence: quoteOf(m.index, s.sentence) });
    }
  }

  const results = required.map((t) => {
    const mine = right.filter((s) => fits(t, s.date, facts));
    if (mine.length === 0) {
      if (wrong.length) {
        const w = wrong[wrong.length - 1];
        return { r: 'wrong', ev: [w.evidence], note: `${t.label}: said ${formatLongDate(w.date)}, wrong (${whyWrong(w.date, facts)}); correct ${topicText(t)}` };
      }
      if (spans.length) return { r: 'span', ev: [spans[spans.length - 1].evidence], note: `${t.label}: only a span (${spans[spans.length - 1].evidence.quote}); no date (${topicText(t)})` };
      return { r: 'none', ev: [], note: `${t.label}: no date given (${topicText(t)})` };
    }
    const last = mine[mine.length - 1];
    const laterWrong = required.length === 1 ? wrong.filter((w) => w.index > last.index) : [];
    if (laterWrong.length) {
      const w = laterWrong[laterWrong.length - 1];
      return { r: 'wrong', ev: [w.evidence], note: `${t.label}: last said ${formatLongDate(w.date)}, wrong (${whyWrong(w.date, facts)}); correct ${topicText(t)}` };
    }
    const earlierWrong = wrong.filter((w) => w.index < mine[0].index);
    if (earlierWrong.length) {
      const w = earlierWrong[earlierWrong.length - 1];
      if (challenged(call.customer.filter((c) => c.index > w.index && c.index < mine[0].index))) {
        return { r: 'challenged', ev: [w.evidence, mine[0].evidence], note: `${t.label}: ${formatLongDate(w.date)} first, right only after the customer challenged it` };
      }
    }
    if (mine.every((s) => s.hedged)) return { r: 'hedged', ev: [last.evidence], note: `${t.label}: ${formatLongDate(last.date)}, but hedged so the date is left open` };
    return { r: 'ok', ev: [last.evidence], note: `${t.label}: said ${formatLongDate(last.date)}, correct` };
  });

  const evidence = results.flatMap((x) => x.ev).slice(0, 4);
  const note = results.map((x) => x.note).join('; ');
  const sentence = `${note.charAt(0).toUpperCase()}${note.slice(1)}.`;
  if (results.some((x) => x.r === 'wrong' || x.r === 'none')) return { mark: 'missed', evidence, note: sentence };
  if (results.some((x) => x.r !== 'ok')) return { mark: 'partly', evidence, note: sentence };
  return { mark: 'met', evidence, note: sentence };
};
