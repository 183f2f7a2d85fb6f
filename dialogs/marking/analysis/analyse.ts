/**
 * Analyses one learner message for the checkers: normal form, sentences, and the amounts
 * and dates the recogniser found, each given its marking role, VAT basis, hedge and
 * negation from the words around it (see `roles.ts`).
 */
import type { LocalDate } from '../../../domain/dates.js';
import { clauses, normalise, sentences, type Piece } from '../text/normalise.js';
import { clauseAt, dateRole, isHedged, isNegatedMention, moneyRole, vatBasis } from './roles.js';
import type { DateMention, MessageAnalysis, MoneyMention, MoneyRole, SpanMention } from './types.js';

/** An amount as the recogniser reports it (offsets into the original text). */
export interface RecognisedMoney {
  pence: number;
  text: string;
  start: number;
  end: number;
  negated?: boolean;
  hedged?: boolean;
}

/** A date or span as the recogniser reports it. */
export interface RecognisedDate {
  kind: 'date' | 'span';
  date?: LocalDate;
  text: string;
  start: number;
  end: number;
  hedged?: boolean;
}

/** What the marker needs from the recogniser for one message. */
export interface Recognised {
  money: RecognisedMoney[];
  dates: RecognisedDate[];
}

/** The recogniser, bound to the scenario (clock, calendar, names). */
export type RecogniseFn = (text: string) => Recognised;

function sentenceAt(ss: Piece[], at: number): Piece {
  return ss.find((s) => at >= s.start && at < s.start + s.text.length) ?? ss[ss.length - 1] ?? { text: '', start: 0 };
}

/**
 * The words of a sentence a date may take its role from when its own clause has none: the
 * sentence without the clauses that hold a date of their own ("I can't promise Thursday, but
 * it should be there before your Friday deadline": "deadline" is Friday's, not Thursday's).
 */
function ownWords(s: Piece, own: Piece, all: readonly RecognisedDate[]): string {
  const end = s.start + s.text.length;
  const others = all.filter((x) => x.start >= s.start && x.start < end && (x.start < own.start || x.start >= own.start + own.text.length));
  if (others.length === 0) return s.text;
  return clauses(s.text)
    .filter((p) => !others.some((x) => x.start - s.start >= p.start && x.start - s.start < p.start + p.text.length))
    .map((p) => p.text)
    .join(', ');
}

const RESTATES = /^\s*(?:which is|which comes to|which makes|that'?s|that is|so|making it|making|i\.?e\.?|or|in other words)\b/i;
const REFUND_WORDS = /\brefund\w*|\bmoney back\b|\b(?:get|receive|have) (?:\w+ )?back\b(?! to (?:you|me|us)\b)|\bcredit note\b/i;

/**
 * The role of an amount whose own clause says nothing of it, from the rest of its sentence:
 * a restatement of the amount before it ("£165 back, which is £198.00 including VAT") is
 * what that one was; an amount in a sentence about getting money back ("you'll get back
 * what you paid for it, £165.00 plus VAT") is a refund.
 */
function roleFromSentence(before: readonly MoneyMention[], s: Piece, c: Piece, at: number, text: string): MoneyRole {
  const prev = before.filter((x) => x.start >= s.start && x.start < at).pop();
  if (prev && RESTATES.test(text.slice(c.start, at)) && ['refund', 'charge', 'difference'].includes(prev.role)) return prev.role;
  const from = prev ? prev.end : s.start;
  if (REFUND_WORDS.test(text.slice(from, at))) return 'refund';
  return 'total';
}

/** The few words either side of a date within its clause (for what is named right next to it). */
function nearWords(text: string, start: number, end: number, c: Piece): string {
  const before = text.slice(c.start, start).split(/\s+/).filter(Boolean).slice(-3).join(' ');
  const after = text.slice(end, c.start + c.text.length).split(/\s+/).filter(Boolean).slice(0, 5).join(' ');
  return `${before} ${text.slice(start, end)} ${after}`;
}

/** Analyse one learner message. */
export function analyseMessage(text: string, recognise: RecogniseFn): MessageAnalysis {
  const ss = sentences(text);
  const rec = recognise(text);
  const money: MoneyMention[] = [];
  for (const m of rec.money) {
    const s = sentenceAt(ss, m.start);
    const c = clauseAt(s, m.start);
    let { basis, allIn } = vatBasis(c.text);
    if (basis === 'unclear') {
      // a basis said after the figure, before any other figure: "£6.50 more per chair than the 150, plus VAT";
      // or once for several figures: "…, both before VAT"
      const next = rec.money.find((x) => x.start >= m.end);
      const stop = Math.min(s.start + s.text.length, next && next.start < s.start + s.text.length ? next.start : Infinity);
      const after = vatBasis(text.slice(m.end, stop));
      const rest = text.slice(m.end, s.start + s.text.length);
      const ref = /\b(?:both|all|each|that'?s|those are|these are|they'?re|prices are|figures are)\s+(?:(?:all|both)\s+)?((?:ex|excluding|before|plus|inc|including|with)\b[^,;.]{0,12}\bvat\b)/i.exec(rest);
      if (after.basis !== 'unclear') {
        basis = after.basis;
        allIn = false;
      } else if (ref) {
        basis = vatBasis(ref[1]).basis;
        allIn = false;
      }
    }
    const negated = m.negated ?? isNegatedMention(s, m.start);
    let role = moneyRole(text.slice(c.start, m.start), text.slice(m.end, c.start + c.text.length));
    if (role === 'total') role = roleFromSentence(money, s, c, m.start, text);
    if (basis === 'unclear' && role === 'difference') {
      // a difference said alongside a price is on that price's basis ("£96 a chair before VAT, that's £6.50 more")
      const prev = money.filter((x) => x.start >= s.start).pop();
      if (prev && prev.basis !== 'unclear') basis = prev.basis;
    }
    money.push({
      pence: m.pence,
      text: m.text,
      start: m.start,
      end: m.end,
      basis,
      allIn,
      role,
      sentence: s.text,
      negated,
    });
  }
  // worked out in the message: "804.60 + VAT 160.92 = 965.52" — a sum of a price and a smaller
  // amount added to it is the price with VAT
  for (const m of money) {
    if (m.basis !== 'unclear' || m.allIn) continue;
    const sum = money.some((a) => a !== m && a.start < m.start && money.some((v) => v !== m && v !== a && v.start < m.start && v.pence < a.pence && a.pence + v.pence === m.pence));
    if (sum && /\bvat\b/i.test(text)) m.basis = 'inc';
  }
  const dates: DateMention[] = [];
  const spans: SpanMention[] = [];
  for (const d of rec.dates) {
    const s = sentenceAt(ss, d.start);
    const c = clauseAt(s, d.start);
    let role = dateRole(c.text, ownWords(s, c, rec.dates), nearWords(text, d.start, d.end, c));
    // "tomorrow, Thursday 5 March": a date that only restates the one just before it is what that one is
    const prev = dates[dates.length - 1];
    if (prev && prev.end <= d.start && /^[\s,(–-]*$/.test(text.slice(prev.end, d.start)) && prev.date === d.date) role = prev.role;
    if (d.kind === 'date' && d.date) {
      // hedging is judged on the date's own clause with the marking guide's sense of a hedge
      // ("probably around then" leaves a date open; "should be with you" does not)
      dates.push({ date: d.date, text: d.text, start: d.start, end: d.end, role, hedged: isHedged(c.text), sentence: s.text });
    } else {
      spans.push({ text: d.text, start: d.start, role, sentence: s.text });
    }
  }
  return { text, norm: normalise(text), sentences: ss, money, dates, spans };
}
