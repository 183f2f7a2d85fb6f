/**
 * What the caller takes from one adviser message: the recogniser's reading
 * (`domain/language`), including its cue-only moves (options offered, credit refused,
 * fob-offs, problem news, recaps; insults, blaming the caller and blaming others kept
 * apart) and its date roles (a supplier's delivery is `supplier`). The simulator's policy
 * reads only this, never the raw text, except to compare values it holds.
 */
import type { LocalDate } from '../../domain/dates.js';
import { CUE_MOVE_IDS, type CueMoveId, type FactId, type MoveId } from '../../domain/language/intents.js';
import type { MoneyRole, QuantityMention, ReferenceMention, Utterance, VatBasis } from '../../domain/language/types.js';
import { askedTogether } from './asked-together.js';
import type { CallerProfile, KnownProduct } from './profile.js';
import { correctsEarlierDay, withdrawnDays } from './withdrawn.js';

/** A move the caller reacts to: a recogniser move (trained or cue-only). */
export type HeardMove = MoveId;

/** The recogniser's cue-only moves (formerly this file's adapter cues; kept as a name for callers). */
export type AdapterMove = CueMoveId;

/** An amount the adviser said. */
export interface HeardMoney {
  pence: number;
  role: MoneyRole;
  vat: VatBasis;
  negated: boolean;
  hedged: boolean;
}

/** A date (or vague span) the adviser said. */
export interface HeardDate {
  date?: LocalDate;
  span: boolean;
  role: string;
  negated: boolean;
  hedged: boolean;
  /** the question it is said in, lower case ("would tuesday suit?"); absent in a statement */
  question?: string;
  /** said in place of a day the adviser took back in the same message ("No, sorry — Thursday") */
  replaces?: boolean;
}

/** One adviser message as the caller hears it. */
export interface Heard {
  /** the words as typed */
  text: string;
  /** the recogniser's normal form (lower case, expanded, typos corrected, entities masked) */
  norm: string;
  moves: Set<HeardMove>;
  /** facts asked for, in order */
  factRequests: FactId[];
  /** facts whose stored value the adviser read out for the caller to agree to */
  readOuts: FactId[];
  /** the message asks the caller something */
  question: boolean;
  /** the sentences that ask something, lower case */
  questions: string[];
  money: HeardMoney[];
  dates: HeardDate[];
  references: ReferenceMention[];
  quantities: QuantityMention[];
  /** the adviser named one of the products the caller wants / a listed alternative */
  namesWanted: boolean;
  namesAlternative: boolean;
  /** the adviser named a team to refer to */
  teams: string[];
  /** terms the adviser explained */
  terms: string[];
  /** a follow-up was arranged */
  followUp: boolean;
  /** over-familiar words the adviser used ("mate", "hun") */
  overFamiliar: string[];
  /** the message corrects a day said before ("Sorry, my mistake — it's Thursday"): the day said now stands */
  correctsDay: boolean;
}

const MIN_SCORE = 0.5;

/**
 * Moves the caller acts on as commitments (something done to put it right) need the
 * classifier's confidence when no rule saw them: "I've noted it" is not an escalation.
 */
const FIRM_SCORE: Partial<Record<MoveId, number>> = { escalate: 0.8 };

const CUE_ONLY = new Set<MoveId>(CUE_MOVE_IDS);

/** A detail the classifier alone hears asked for in a statement needs this much confidence. */
const STATEMENT_FACT_SCORE = 0.75;

/**
 * Moves a "not" elsewhere in the sentence does not undo: "I'm sorry, we don't have any in
 * stock" still apologises, "Thanks, I can't see it yet" still thanks.
 */
const NOT_NEGATED = new Set<MoveId>(['apology', 'empathy', 'thanks', 'greeting', 'goodbye', 'self_introduction', 'hold']);

const NAME_RES = new Map<string, RegExp>();

function nameRe(name: string): RegExp {
  let re = NAME_RES.get(name);
  if (!re) {
    re = new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?(?![\\w-])`);
    NAME_RES.set(name, re);
  }
  return re;
}

function mentions(norm: string, products: KnownProduct[]): boolean {
  // whole words only (a plural allowed): "160" and "160s" name the Mesh 160, "1600" does not
  return products.some((p) => p.names.some((n) => nameRe(n).test(norm) || nameRe(n.replace(/-/g, ' ')).test(norm)));
}

/**
 * Read one recogniser analysis as the caller hears it. `profile` tells which products
 * the caller knows by name; `given` are the facts the caller has already given.
 */
export function toHeard(u: Utterance, profile: CallerProfile, given: readonly FactId[] = []): Heard {
  const moves = new Set<HeardMove>();
  // cue-only moves hold whatever negation they need in their own words ("can't put it on account")
  for (const i of u.intents) {
    const firm = i.source !== 'classifier' || i.score >= (FIRM_SCORE[i.intent] ?? MIN_SCORE);
    if (i.score >= MIN_SCORE && firm && (!i.negated || CUE_ONLY.has(i.intent) || NOT_NEGATED.has(i.intent))) moves.add(i.intent);
  }
  // insults are abuse; blaming the caller hurts; blaming someone else ("couriers are a nightmare") is neither
  const abuse = u.intents.find((i) => i.intent === 'abusive');
  moves.delete('abusive');
  if (moves.has('insult') || (abuse && abuse.source !== 'rule' && abuse.score >= 0.9 && !moves.has('blame_caller') && u.style.blame.length === 0)) {
    moves.add('abusive');
    moves.delete('blame_caller');
  }
  // "I'll call you tomorrow to confirm the delivery is on track" promises a check; it reads nothing back
  const recaps = u.intents.filter((i) => i.intent === 'recap');
  if (recaps.length > 0 && recaps.every((i) => u.followUps.some((f) => f.sentence === i.sentence) && !u.sentences.find((s) => s.index === i.sentence)?.isQuestion)) moves.delete('recap');
  // any blame or sarcasm the caller hears ("nothing I can do", "you people") is felt as blame
  if (u.style.blame.length > 0) moves.add('blame');
  // a negated stock statement ("we haven't got any in") is still a stock statement
  for (const i of u.intents) if (i.score >= MIN_SCORE && i.negated && (i.intent === 'stock_unavailable' || i.intent === 'stock_available' || i.intent === 'mention_offer')) moves.add(i.intent);
  const norm = u.normalised.text;
  const lower = u.original.toLowerCase();
  // "no worries mate, I understand" is not an apology
  if (moves.has('empathy') && u.style.overFamiliar.length > 0) moves.delete('empathy');

  const factRequests: FactId[] = [];
  const readOuts: FactId[] = [];
  const asking = new Set(u.sentences.filter((s) => s.isQuestion).map((s) => s.index));
  for (const f of u.facts) {
    if (f.score < MIN_SCORE) continue;
    // "Don't worry, they'll approve it": a statement the classifier alone half-reads as a request asks nothing
    if (f.source === 'classifier' && f.score < STATEMENT_FACT_SCORE && !asking.has(f.sentence)) continue;
    if (f.readOut) {
      if (!readOuts.includes(f.fact)) readOuts.push(f.fact);
    } else if (!factRequests.includes(f.fact)) factRequests.push(f.fact);
  }
  // "your full name and the telephone number of the account, please": both details, not one
  const together = askedTogether(u);
  for (const f of together.drop) if (factRequests.includes(f)) factRequests.splice(factRequests.indexOf(f), 1);
  for (const f of together.add) if (!factRequests.includes(f)) factRequests.push(f);
  // "which would you prefer?" is a choice, not a request for the items again
  if (moves.has('ask_choice')) {
    for (const f of ['item_quantity', 'needed_by'] as FactId[]) {
      const i = factRequests.indexOf(f);
      if (i >= 0 && given.includes(f) && !/\bhow many\b|\bwhat (?:items?|products?)\b/.test(norm)) factRequests.splice(i, 1);
    }
  }
  // "Thanks Aisha. Can I ask…": saying the caller's name is not asking for it again
  const nameAt = factRequests.indexOf('full_name');
  if (nameAt >= 0 && given.includes('full_name') && !/\bname\b|\bwho (?:am i|is (?:this|that|it)|are you)\b|\bspeaking (?:to|with)\b/.test(norm)) factRequests.splice(nameAt, 1);
  const productNames = lower + ' ' + norm;
  const questions = u.sentences.filter((s) => s.isQuestion);
  // a day taken back in the same breath is as good as "not that day"
  const taken = withdrawnDays(u);
  return {
    text: u.original,
    norm,
    moves,
    factRequests,
    readOuts,
    question: questions.length > 0,
    questions: questions.map((s) => s.text.toLowerCase()),
    money: u.money.map((m) => ({ pence: m.pence, role: m.role, vat: m.vat, negated: m.negated, hedged: m.hedged })),
    dates: u.dates.map((d, i) => {
      const inQuestion = questions.find((s) => s.index === d.sentence);
      return {
        ...(d.kind === 'date' && d.date ? { date: d.date } : {}),
        span: d.kind === 'span',
        role: d.role,
        negated: d.negated || taken.withdrawn.has(i),
        hedged: d.hedged,
        ...(inQuestion ? { question: inQuestion.text.toLowerCase() } : {}),
        ...(taken.replacing.has(i) ? { replaces: true } : {}),
      };
    }),
    references: u.references,
    quantities: u.quantities,
    namesWanted: mentions(productNames, profile.wanted),
    namesAlternative: mentions(productNames, profile.alternatives),
    teams: u.teams.map((t) => t.team),
    terms: u.terms.filter((t) => !t.negated).map((t) => t.term),
    followUp: u.followUps.length > 0 || moves.has('arrange_follow_up'),
    overFamiliar: [...u.style.overFamiliar],
    correctsDay: correctsEarlierDay(u, taken),
  };
}
