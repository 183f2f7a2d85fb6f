/**
 * `arrange_follow_up` — agrees a specific follow-up: what will happen, when and how
 * (a confirmation email within the hour; a call back by noon tomorrow). Without a time,
 * or "we'll be in touch", it is partly; a booked collection without the refund timeline is
 * partly; a specific follow-up later than the handbook's limit is partly (rulings).
 */
import { compareDates, formatLongDate } from '../../../domain/dates.js';
import { ASKS_FOR_DETAIL, CUSTOMER_ACTION, FOLLOW_UP_ACTION, FOLLOW_UP_TIME, VAGUE_FOLLOW_UP } from '../cues/follow-up.js';
import { isNegatedAt } from '../text/cues.js';
import { normalise } from '../text/normalise.js';
import { fromDesk, q, quoteOf } from './evidence.js';
import type { Checker, Evidence } from './types.js';

const NEAR_TIME = /\b(?:today|tonight|this (?:morning|afternoon|evening)|tomorrow|within (?:the|an|one|two|three|\d+) hours?|in (?:one|an|a|half an|a couple of|two|three|\d+) (?:hours?|minutes|mins)|within the hour)\b/;

interface Found {
  index: number;
  sentence: string;
  specific: boolean;
  tooLate: boolean;
}

/** The `arrange_follow_up` checker (rules in the comment at the top of this file). */
export const checkArrangeFollowUp: Checker = (call, facts) => {
  const found: Found[] = [];
  for (const m of call.learner) {
    for (const s of m.analysis.sentences) {
      const n = normalise(s.text);
      if (n.endsWith('?') || ASKS_FOR_DETAIL.test(n) || CUSTOMER_ACTION.test(n)) continue;
      const act = FOLLOW_UP_ACTION.exec(n);
      const vague = VAGUE_FOLLOW_UP.exec(n);
      if (!act && !vague) continue;
      const at = (act ?? vague)!.index;
      if (isNegatedAt(n, at, 4)) continue;
      const specific = act !== null && FOLLOW_UP_TIME.test(n);
      const dates = m.analysis.dates.filter((d) => d.start >= s.start && d.start < s.start + s.text.length).map((d) => d.date);
      // when the follow-up comes is its nearest time: "by 4pm today with … Tuesday's redelivery" is today;
      // today, tonight and tomorrow are never later than the next working day
      const soon = NEAR_TIME.test(n);
      const earliest = [...dates].sort(compareDates)[0];
      const tooLate = specific && !soon && facts.followUpBy !== undefined && earliest !== undefined && compareDates(earliest, facts.followUpBy) > 0;
      found.push({ index: m.index, sentence: s.text, specific, tooLate });
    }
  }
  const own = (f: Found): number => (/\b(?:i'?ll|i will|we'?ll|we will|you'?ll|you will)\b/i.test(f.sentence) ? 0 : 1);
  const ok = found.filter((f) => f.specific && !f.tooLate).sort((a, b) => own(a) - own(b) || a.index - b.index);
  if (ok.length) {
    return { mark: 'met', evidence: ok.slice(0, 2).map((f) => quoteOf(f.index, f.sentence)), note: `Specific follow-up: ${q(ok[0].sentence)}.` };
  }
  const late = found.find((f) => f.tooLate);
  if (late) {
    return {
      mark: 'partly',
      evidence: [quoteOf(late.index, late.sentence)],
      note: `Follow-up ${q(late.sentence)} is later than the limit (${formatLongDate(facts.followUpBy!)}).`,
    };
  }
  const evidence: Evidence[] = found.slice(0, 2).map((f) => quoteOf(f.index, f.sentence));
  if (found.length) return { mark: 'partly', evidence, note: `Vague follow-up with no time: ${q(found[0].sentence)}.` };
  const booked = call.desk.find((d) => d.name === 'return' && d.result && !/not booked|refused|cannot/i.test(d.result.text));
  if (booked) {
    return { mark: 'partly', evidence: [fromDesk(booked)], note: 'A collection is booked, but no refund timeline or confirmation is agreed with the customer.' };
  }
  return { mark: 'missed', evidence: [], note: 'No follow-up agreed (no confirmation, call back or next step with a time).' };
};
