/**
 * The caller's agenda of requests (Schatzmann's hidden agenda, request half): what they
 * want to find out, in the order the scenario lists them (`wants.asks`). Each message may
 * satisfy requests; the caller pops the next ready request when the adviser leaves room
 * (no question of their own to answer), and re-asks an unanswered one before letting the
 * call close.
 */
import type { AskId } from '../../domain/scenario/vocabulary.js';
import { askLineKey } from '../../domain/scenario/vocabulary.js';
import type { Heard } from './heard.js';
import { PRICE_ROLES, type Observations } from './memory.js';
import type { CallerProfile } from './profile.js';
import type { AgendaAsk, CustomerState } from './state.js';
import type { SpeechKey } from './phrases.js';

/** The starting agenda for a scenario. */
export function initialAgenda(profile: CallerProfile): AgendaAsk[] {
  return [...new Set(profile.scenario.wants.asks)].map((ask) => ({ ask, asked: 0, satisfied: false }));
}

const REFUND_WORDS = /\b(?:refund\w*|money back|back to (?:your|the) card|lose|charge\w*|deduct\w*|full amount|pay(?:ing)? (?:for|the) collection)\b/;
const REFUND_TIMING = /\bwithin (?:_num|\w+) (?:working )?days\b|\b(?:_num|\w+) (?:working )?days? (?:of|after|from)\b|\bonce (?:we|they|it)\b.{0,40}\b(?:collect|receiv|back)/;

/** Words saying money goes back to the caller: "refund", "goes back onto your Visa", "a credit note". */
const MONEY_BACK =
  /\brefund|money back|\b(?:back|refunded|credited|returned|paid) (?:on|to|onto|into|in) (?:your|the) (?:\w+ )?(?:card|visa|mastercard|amex|account|bank)\b|\bcredit note\b/;
const CREDIT_NOTE = /\bcredit note\b/;

/** Roles of an amount that never say what something costs: the VAT alone, the credit position. */
const NEVER_A_PRICE = new Set(['vat', 'credit']);

/**
 * Once the caller has asked what something costs, any figure in the reply answers it,
 * whatever the words around it ("It'd be £715.20, as the discount only applies…") and
 * with or without a VAT basis: a caller takes the figure they are given.
 */
function figureGiven(a: AgendaAsk, obs: Observations): boolean {
  return a.asked > 0 && obs.prices.some((p) => !NEVER_A_PRICE.has(p.role));
}

/**
 * What the caller still needs to hear about the alternative before taking it, when that is
 * what it would take (`wants.choices.outOfStock`): its day, its price. A back-order's day or
 * the original's price does not tell the caller when, or for how much, the alternative comes.
 */
export function alternativeNeeds(state: CustomerState, profile: CallerProfile): { date: boolean; price: boolean } {
  const rule = profile.scenario.wants.choices.outOfStock;
  const m = state.memory;
  if (!rule || rule.take !== 'alternative' || state.decisions.outOfStock || !m.alternativeOffered) return { date: false, price: false };
  return { date: rule.when.includes('date-stated') && !m.alternativeDate, price: rule.when.includes('price-stated') && !m.alternativePrice };
}

/** The request is for something the caller still needs about the alternative. */
export function forAlternative(a: AgendaAsk, needs: { date: boolean; price: boolean }): boolean {
  return (a.ask === 'delivery-date' && needs.date) || (a.ask === 'price' && needs.price);
}

/** True when this message answers `a`. */
function answers(a: AgendaAsk, h: Heard, obs: Observations, state: CustomerState, profile: CallerProfile): boolean {
  const prices = obs.prices;
  const dayGiven = obs.deliveryDates.length > 0;
  if (forAlternative(a, alternativeNeeds(state, profile))) return false;
  switch (a.ask) {
    case 'price':
      return prices.some((p) => PRICE_ROLES.has(p.role)) || figureGiven(a, obs);
    case 'delivery-date':
    case 'date-still-holds':
    case 'revised-date':
      return dayGiven;
    case 'alternative-price-difference':
      return state.memory.differenceStated || (state.memory.alternativeOffered && (obs.topic === 'alternative' || a.asked > 0) && prices.length > 0);
    case 'cancel-part-price':
      return (prices.some((p) => PRICE_ROLES.has(p.role)) || figureGiven(a, obs)) && (state.memory.problemOptions.includes('cancel-part') || /\bcancel/.test(h.norm));
    case 'refund-amount':
      // "£198.00 credit note": the amount credited is what the caller gets back
      return prices.some((p) => p.role === 'refund' || p.role === 'charge' || PRICE_ROLES.has(p.role) || (p.role === 'credit' && CREDIT_NOTE.test(h.norm))) || figureGiven(a, obs) || /\bfull refund\b/.test(h.norm);
    case 'lose-money':
      return (
        (prices.length > 0 && (REFUND_WORDS.test(h.norm) || /\b(?:get|have|receive)\b.{0,30}\bback\b/.test(h.norm))) ||
        /\b(?:full refund|all (?:of )?your money|not lose|will not lose|no charge|free of charge|collection charge)\b/.test(h.norm)
      );
    case 'refund-timing':
      return h.terms.includes('refund_timing') || (MONEY_BACK.test(h.norm) && (REFUND_TIMING.test(h.norm) || h.dates.some((d) => !d.negated)));
    case 'remedy':
      return state.memory.remedy;
  }
}

/**
 * Mark the requests this message answers. A day or price the caller had for another option
 * does not answer for the alternative it would take: once the alternative is on the table,
 * the request is open again (a new question: "and when would those come?").
 */
export function satisfyAsks(state: CustomerState, h: Heard, obs: Observations, profile: CallerProfile): AskId[] {
  const done: AskId[] = [];
  const needs = alternativeNeeds(state, profile);
  for (const a of state.agenda) {
    if (a.satisfied && forAlternative(a, needs)) {
      a.satisfied = false;
      a.asked = 0;
      delete a.askedTurn;
      delete a.reasked;
    }
    if (!a.satisfied && answers(a, h, obs, state, profile)) {
      a.satisfied = true;
      done.push(a.ask);
    }
  }
  return done;
}

/** Record that the caller has asked `a` (now, in turn `state.turn`). */
export function markAsked(a: AgendaAsk, state: CustomerState): void {
  a.asked++;
  a.askedTurn = state.turn;
}

/**
 * The caller's last request, when the adviser has passed over it since: asked in an earlier
 * turn, the caller's latest question (nothing else asked since, such as pushing back), still
 * unanswered, not yet asked again. A caller asks it again ("Sorry — when do I get my
 * refund?") rather than thanking the adviser or moving on.
 */
export function passedOver(state: CustomerState): AgendaAsk | undefined {
  const asked = state.agenda.filter((a) => a.askedTurn !== undefined);
  if (asked.length === 0) return undefined;
  const last = asked.reduce((x, y) => ((y.askedTurn ?? 0) > (x.askedTurn ?? 0) ? y : x));
  const latestQuestion = state.memory.questionTurn === undefined || last.askedTurn === state.memory.questionTurn;
  if (last.satisfied || last.reasked || !latestQuestion || (last.askedTurn ?? 0) >= state.turn || !relevant(last, state)) return undefined;
  return last;
}

/** The business is under way: the caller has said what they want, or the adviser is on to it. */
export function underWay(state: CustomerState, profile: CallerProfile): boolean {
  const m = state.memory;
  if (profile.direction === 'outbound') return m.explained;
  if (state.revealed.includes('item_quantity') || state.revealed.includes('reason')) return state.turn >= 2;
  return state.turn >= 3 || m.explained || m.prices.length > 0 || m.dates.length > 0;
}

/** A request's own precondition, beyond the business being under way. */
function relevant(a: AgendaAsk, state: CustomerState): boolean {
  const m = state.memory;
  switch (a.ask) {
    case 'alternative-price-difference':
      return m.alternativeOffered;
    case 'cancel-part-price':
      return m.problemOptions.includes('cancel-part');
    case 'remedy':
      return m.explained || state.agenda.some((x) => x.ask === 'revised-date' && (x.satisfied || x.asked > 0));
    case 'date-still-holds':
      return state.revealed.includes('item_quantity') || m.prices.length > 0;
    default:
      return true;
  }
}

/**
 * The next request the caller would raise now: the first unsatisfied, relevant one in
 * agenda order, asked fewer than `maxAsked` times.
 */
export function nextAsk(state: CustomerState, profile: CallerProfile, maxAsked = 1): AgendaAsk | undefined {
  if (!underWay(state, profile)) return undefined;
  const open = state.agenda.filter((a) => !a.satisfied && a.asked < maxAsked && relevant(a, state));
  // a request about the option just put forward comes first
  return open.find((a) => TOPIC_ASKS[a.ask] === state.memory.topic) ?? open[0];
}

/** Requests tied to one option under discussion. */
const TOPIC_ASKS: Partial<Record<AskId, string>> = {
  'alternative-price-difference': 'alternative',
  'cancel-part-price': 'cancel-part',
};

/**
 * Requests still open that the caller would raise before the call ends: asked at most once,
 * or twice when the second time was asking again after being passed over.
 */
export function openAsks(state: CustomerState): AgendaAsk[] {
  return state.agenda.filter((a) => !a.satisfied && a.asked < (a.reasked ? 3 : 2) && relevant(a, state));
}

/** The line key a request is voiced with. */
export function askKey(a: AgendaAsk): SpeechKey {
  return askLineKey(a.ask);
}
