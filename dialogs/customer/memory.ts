/**
 * Updating what the caller has found out from one adviser message (the goal's "learnt"
 * half in the hidden-agenda model): apologies, explanations, offers and options, the
 * credit problem, and every amount and date said, tagged with the option being discussed.
 */
import { compareDates, type LocalDate } from '../../domain/dates.js';
import type { CreditRoute, ProblemOption } from '../../domain/scenario/vocabulary.js';
import type { Heard, HeardDate, HeardMoney } from './heard.js';
import { namesDate } from './days-named.js';
import type { CallerProfile } from './profile.js';
import type { CustomerState, Memory } from './state.js';

/**
 * Roles of an amount that say what the order costs. `delivery` is included: an amount said
 * next to "free delivery" is usually the total, and a delivery charge is a price too.
 */
export const PRICE_ROLES = new Set(['total', 'goods', 'unit', 'unknown', 'delivery', 'difference']);
/** Roles of an amount that may be the order's total. */
export const TOTAL_ROLES = new Set(['total', 'unknown', 'delivery']);
/** Roles of a date that say when goods come. */
export const DELIVERY_ROLES = new Set(['delivery', 'unknown']);
/** Roles of a date that are not a day offered for the goods. */
const NOT_OFFERED = new Set(['deadline', 'supplier', 'follow_up']);

/** What this message changed, for the reactions of the turn. */
export interface Observations {
  /** the option the message is about */
  topic: string;
  /** the message moved to another option */
  topicChanged: boolean;
  prices: HeardMoney[];
  /** delivery dates said (resolved to a day, not negated) */
  deliveryDates: LocalDate[];
  /** a vague span was given for delivery, and no day */
  spanOnly: boolean;
  /** the message first told the caller each of these */
  firstOutOfStock: boolean;
  firstCreditProblem: boolean;
  firstProblem: boolean;
  /** delivery days said with the word "deliver"/"arrive" (role `delivery`) */
  statedDeliveryDates: LocalDate[];
  /** earlier figures of the same option, for read-back checks */
  previousTotal?: { pence: number; vat: string };
  previousDate?: LocalDate;
  /** every delivery day said before */
  previousDates?: LocalDate[];
}

function topicOf(h: Heard): string | undefined {
  if (h.moves.has('offer_alternative') || h.namesAlternative) return 'alternative';
  if (h.moves.has('offer_back_order')) return 'back-order';
  if (h.moves.has('offer_reduced')) return 'reduced-order';
  if (h.moves.has('offer_split')) return 'split';
  if (h.moves.has('offer_hold_all')) return 'hold';
  if (h.moves.has('mention_cancel')) return 'cancel-part';
  return undefined;
}

function add<T>(xs: T[], x: T): void {
  if (!xs.includes(x)) xs.push(x);
}

const EXPLAINS_CREDIT_CONTROL = /\b(?:_num|two|2|a couple of) (?:working )?hours?\b|\bauthoris|\bauthoriz|\bapprov|\bsign (?:it )?off\b|\bget back to (?:you|me|us)\b|\bcall you back\b|\blet you know\b/;

/**
 * Fold one message into the caller's memory. Returns what changed, for the turn's
 * reactions. Pure apart from mutating `state.memory`.
 */
export function remember(state: CustomerState, h: Heard, profile: CallerProfile): Observations {
  const m: Memory = state.memory;
  const before = m.topic;
  const said = topicOf(h);
  if (said) m.topic = said;
  const obs: Observations = {
    topic: m.topic,
    topicChanged: said !== undefined && said !== before,
    prices: h.money.filter((x) => !x.negated),
    deliveryDates: [],
    statedDeliveryDates: [],
    spanOnly: false,
    firstOutOfStock: false,
    firstCreditProblem: false,
    firstProblem: false,
  };

  if (h.moves.has('self_introduction')) m.introduced = true;
  if (h.moves.has('apology') || h.moves.has('empathy')) m.apologised = true;
  if (h.moves.has('explain_problem') || h.moves.has('problem_news') || h.moves.has('stock_unavailable') || h.moves.has('credit_refused')) m.explained = true;
  // facts, not just news: what went wrong or where things are, the stock or credit position, the terms
  if (h.moves.has('problem_detail') || h.moves.has('stock_unavailable') || h.moves.has('credit_refused') || h.terms.length > 0) m.factsGiven = true;
  if ((h.moves.has('problem_news') || h.moves.has('credit_refused')) && !m.problemNews) {
    m.problemNews = true;
    obs.firstProblem = true;
  }
  const doing = h.moves.has('escalate') || h.moves.has('offer_goodwill') || (h.teams.length > 0 && !h.moves.has('offer_credit_control'));
  if (doing && !h.moves.has('fob_off')) m.remedy = true;
  if (h.followUp) m.followUp = true;
  if (profile.newAddress && !m.addressHeard && namesAddress(h.text, profile.newAddress)) m.addressHeard = true;

  // out of stock only means something for what the caller wants (the recogniser's cue is broad)
  const shortage = profile.scenario.wants.choices.outOfStock !== undefined || profile.wantedLines.some((l) => (profile.scenario.stock[l.code]?.onHand ?? Infinity) < l.qty);
  if (h.moves.has('stock_unavailable') && shortage && !m.outOfStock && !h.namesAlternative) {
    m.outOfStock = true;
    obs.firstOutOfStock = true;
  }
  if (h.moves.has('offer_alternative') || (h.namesAlternative && profile.alternatives.length > 0)) m.alternativeOffered = true;
  if (h.moves.has('offer_back_order')) m.backOrderOffered = true;

  const options: ProblemOption[] = [];
  if (h.moves.has('offer_split')) options.push('split');
  if (h.moves.has('offer_hold_all')) options.push('hold');
  if (h.moves.has('mention_cancel') && profile.scenario.wants.choices.problemOption) options.push('cancel-part');
  for (const o of options) add(m.problemOptions, o);

  if (h.moves.has('credit_refused') && !m.creditProblem) {
    m.creditProblem = true;
    obs.firstCreditProblem = true;
  }
  const routes: CreditRoute[] = [];
  if (h.moves.has('offer_card')) routes.push('card');
  if (h.moves.has('offer_credit_control') || h.moves.has('escalate')) routes.push('credit-control');
  if (h.moves.has('offer_reduced')) routes.push('reduced-order');
  if (m.creditProblem || h.moves.has('credit_refused')) for (const r of routes) add(m.creditRoutes, r);
  if ((h.moves.has('offer_credit_control') || m.creditRoutes.includes('credit-control')) && (EXPLAINS_CREDIT_CONTROL.test(h.norm) || h.terms.includes('credit_control_reply'))) {
    m.creditControlExplained = true;
  }
  if (h.moves.has('promise_on_account') && !h.moves.has('credit_refused')) m.promisedOnAccount = true;

  // amounts: remember the last total-like amount of each option and basis
  const totals = obs.prices.filter((p) => TOTAL_ROLES.has(p.role));
  const prev = [...m.prices].reverse().find((p) => p.topic === m.topic && TOTAL_ROLES.has(p.role));
  if (prev) obs.previousTotal = { pence: prev.pence, vat: prev.basis };
  for (const p of obs.prices) m.prices.push({ pence: p.pence, role: p.role, basis: p.vat, topic: m.topic, turn: state.turn });
  if (m.prices.length > 20) m.prices.splice(0, m.prices.length - 20);
  const alt = alternativeSentences(h, profile);
  const altPriced = alt === undefined ? totals.length + obs.prices.filter((p) => p.role === 'unit').length > 0 : alt.some((s) => MONEY.test(s));
  if (m.topic === 'alternative' && obs.prices.length > 0 && altPriced) m.alternativePrice = true;
  if (obs.prices.some((p) => p.role === 'difference') || (/\b(?:more|extra|difference|dearer|cheaper|less)\b/.test(h.norm) && obs.prices.length > 0 && m.alternativeOffered)) {
    m.differenceStated = true;
    if (m.alternativeOffered) m.alternativePrice = true;
  }

  // dates
  // nothing is delivered on the day of the call ("at the moment", "today")
  const days = h.dates
    .filter((d: HeardDate) => !d.negated && d.date && DELIVERY_ROLES.has(d.role) && compareDates(d.date, profile.clock.date) > 0)
    .map((d) => d.date as LocalDate);
  obs.deliveryDates = [...new Set(days)];
  obs.statedDeliveryDates = [...new Set(h.dates.filter((d) => d.date && !d.negated && (d.role === 'delivery' || (d.replaces && d.role === 'unknown')) && compareDates(d.date, profile.clock.date) > 0).map((d) => d.date as LocalDate))];
  // a vague span for delivery ("early next week"); an unlabelled one counts once the caller has asked when
  const askedWhen = state.agenda.some((a) => !a.satisfied && a.asked > 0 && ['delivery-date', 'revised-date', 'date-still-holds'].includes(a.ask));
  obs.spanOnly = obs.deliveryDates.length === 0 && h.dates.some((d) => d.span && !d.negated && (d.role === 'delivery' || (askedWhen && d.role === 'unknown')));
  // a day the adviser takes back ("it's Thursday, not Wednesday") is forgotten; the day said in its place is the delivery day
  const takenBack = new Set(h.dates.filter((d) => d.negated && d.date).map((d) => d.date));
  const standing = h.dates.filter((d) => d.date && !d.negated && !NOT_OFFERED.has(d.role)).map((d) => d.date);
  // "Sorry, my mistake — it's Thursday": the days said before for the same thing are taken back
  const correcting = h.correctsDay && !obs.topicChanged;
  if (takenBack.size > 0 || correcting) m.dates = m.dates.filter((d) => !DELIVERY_ROLES.has(d.role) || (!takenBack.has(d.date) && (!correcting || standing.includes(d.date))));
  const prevDates = m.dates.filter((d) => d.role === 'delivery').map((d) => d.date);
  if (prevDates.length > 0 && !obs.topicChanged) {
    obs.previousDate = prevDates[prevDates.length - 1];
    obs.previousDates = [...new Set(prevDates)];
  }
  for (const d of h.dates) {
    if (!d.date || d.negated || compareDates(d.date, profile.clock.date) <= 0) continue;
    m.dates.push({ date: d.date, role: (d.replaces || correcting) && d.role === 'unknown' ? 'delivery' : d.role, turn: state.turn });
  }
  if (m.dates.length > 20) m.dates.splice(0, m.dates.length - 20);
  // the caller asked when the alternative would come: a day in the reply is its day unless said of the back-order
  const askedAltDay = m.alternativeOffered && !m.alternativeDate && state.agenda.some((a) => a.ask === 'delivery-date' && a.asked > 0 && !a.satisfied && a.askedTurn === m.questionTurn);
  const answerSentences = askedAltDay ? h.text.split(OPTION_BREAK).filter((s) => !BACK_ORDER_WORDS.test(s)) : [];
  const altDated =
    alt === undefined || obs.deliveryDates.some((d) => alt.some((s) => namesDate(s, d, profile.clock.date)) || answerSentences.some((s) => namesDate(s, d, profile.clock.date)));
  if (m.topic === 'alternative' && obs.deliveryDates.length > 0 && altDated) m.alternativeDate = true;
  if (obs.spanOnly) m.spanOnly = true;
  if (obs.deliveryDates.length > 0) m.spanOnly = false;
  return obs;
}

/** The message says the new delivery address back: its postcode, or a word of it the current address lacks ("the annex"). */
function namesAddress(text: string, address: { postcode?: string; words: string[] }): boolean {
  const t = text.toLowerCase();
  if (address.postcode && t.replace(/\s+/g, ' ').includes(address.postcode)) return true;
  return address.words.some((w) => new RegExp(`\\b${w}\\b`).test(t));
}

const MONEY = /£\s?\d|\d\s?(?:pounds|quid)\b|\bpounds\b/i;
/** Where one option's words end and another's begin: sentences, and ", and …", ", or …", "; …". */
const OPTION_BREAK = /(?<=[.!?;])\s+|,\s+(?=(?:and|or|but|while|whereas)\s)|\s+(?=(?:or|but|whereas)\s+(?:the|there|we|you|it|they)\b)/i;
const BACK_ORDER_WORDS = /\bback[- ]?order|\bwait(?:ed|ing)? for\b|\bsupplier\b|\bback in stock\b/i;

/**
 * In a message about both the alternative and a back-order ("back-ordered they'd reach you
 * on the 16th; the alternative is the Mesh 160"), the sentences and clauses that are the
 * alternative's: those naming it and not the back-order. Undefined when the message is not about both, so
 * everything in it belongs to the option under discussion.
 */
function alternativeSentences(h: Heard, profile: CallerProfile): string[] | undefined {
  const aboutAlternative = h.moves.has('offer_alternative') || h.namesAlternative;
  if (!aboutAlternative || !h.moves.has('offer_back_order')) return undefined;
  const names = [...profile.alternatives.flatMap((p) => p.names), 'alternative', 'instead', 'similar'];
  return h.text
    .split(OPTION_BREAK)
    .filter((s) => names.some((n) => s.toLowerCase().includes(n)) && !BACK_ORDER_WORDS.test(s));
}

/** The latest of some dates. */
export function latest(dates: LocalDate[]): LocalDate | undefined {
  return [...dates].sort(compareDates).pop();
}
