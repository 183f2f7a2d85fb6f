/**
 * What the caller takes from one adviser message: the recogniser's reading
 * (`domain/language`), plus a few call-specific cues the recogniser does not have yet
 * (see ADAPTER CUES below — candidates to move into `domain/language`). The simulator's
 * policy reads only this, never the raw text, except to compare values it holds.
 */
import type { LocalDate } from '../../domain/dates.js';
import type { FactId, MoveId } from '../../domain/language/intents.js';
import type { MoneyRole, QuantityMention, ReferenceMention, Utterance, VatBasis } from '../../domain/language/types.js';
import type { CallerProfile, KnownProduct } from './profile.js';

/** A move the caller reacts to: a recogniser intent or an adapter cue. */
export type HeardMove = MoveId | AdapterMove;

/**
 * ADAPTER CUES — moves the recogniser does not name yet. Each is a high-precision rule on
 * the recogniser's normalised text (contractions expanded, typos corrected).
 */
export type AdapterMove =
  | 'offer_split'
  | 'offer_hold_all'
  | 'mention_cancel'
  | 'credit_refused'
  | 'offer_credit_control'
  | 'offer_reduced'
  | 'offer_card'
  | 'promise_on_account'
  | 'ask_choice'
  | 'fob_off'
  | 'repeat_request'
  | 'blame'
  | 'blame_caller'
  | 'problem_news'
  | 'recap';

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
}

const MIN_SCORE = 0.5;

const CUES: ReadonlyArray<readonly [AdapterMove, RegExp]> = [
  ['offer_split', /\bsplit\b|\b(?:_num|one|two|three|four|five|six) (?:\w+ )?(?:now|today|tomorrow|first)\b.{0,40}\b(?:_num|one|two|three|four|five|six|the (?:other|rest|remaining)) (?:\w+ )?(?:on|later|next|when|after)\b|\b(?:other|rest|remaining)(?: _num| \w+)?(?: \w+)? (?:later|next week|after|to follow|will follow|follow)\b|\bseparate deliver|\btwo deliveries\b|\bin two (?:lots|batches|parts|goes)\b|\b(?:rest|others?|remaining(?: \w+)?) (?:follow|to follow|later|when)\b|\bsend (?:the )?(?:\w+ )?(?:now|first)\b.{0,60}\b(?:rest|others?|remaining)\b/],
  ['offer_hold_all', /\bhold (?:the whole|all|them all|everything|the (?:whole )?order|back the)\b|\b(?:all|everything|whole order)\b.{0,30}\b(?:together|in one (?:go|delivery))\b/],
  ['mention_cancel', /\bcancel/],
  ['credit_refused', /\b(?:over|above|exceed\w*|beyond|more than|past) (?:your |the )?(?:available )?(?:credit|limit)\b|\bover what (?:i|we) can (?:put|place|take|allow)\b|\b(?:is|are|goes|go|would be|will be) over (?:your |the )?(?:available )?(?:credit|limit|what)\b|\bnot enough (?:available )?credit\b|\b(?:insufficient|short of) credit\b|\bcan not (?:just )?(?:put|place|go|add|take|process|pop) (?:it |this |that |them |the order |these |those )?(?:on|through on|onto|on to|through) (?:the |your )?account\b|\b(?:will not|does not|would not) (?:fit|go) (?:on|in|within) (?:the |your )?(?:account|credit)\b/],
  ['offer_credit_control', /\bcredit control\b|\bcredit team\b/],
  ['offer_reduced', /\b(?:reduce|fewer|smaller order|cut (?:it|the order) down|lower (?:the )?quantity)\b|\b(?:_num|one|two|three|four|five)(?: \w+)? (?:now|for now|today)\b|\bwithin (?:your |the )?(?:available )?credit\b/],
  ['offer_card', /\bsecure (?:payment )?line\b|\bpay(?:ing)? (?:by|with|on|via) (?:a |the |your )?(?:company |credit |debit )?card\b|\bcard payment\b|\bpay (?:for it |for them )?now\b/],
  ['promise_on_account', /\b(?:put|putting|place|placing|pop|popping|add|adding|stick|sticking|go|going|charge|charging) (?:it|them|this|that|the order|these|those)? ?(?:on|onto|on to|through on|against) (?:to )?(?:the|your) account\b|\bon account (?:is|will be) (?:fine|no problem|okay)\b/],
  ['ask_choice', /\bwhich (?:would|do) you (?:prefer|like|want)\b|\bwould you (?:prefer|rather|like (?:to|me to|us to))\b|\bwhat would you like (?:to do|me to do)\b|\bhow would you like to (?:proceed|go ahead|go forward)\b|\bwhich option\b|\bdo you want (?:me|us|to)\b|\bshall (?:i|we)\b|\bwould (?:that|this|it|_ordinal|\w+day) (?:suit|work)\b|\bsuit you\b|\bwork for you\b|\bhappy (?:for me )?to (?:go ahead|proceed)\b|\bwant to go ahead\b|\bhow do you want to\b/],
  ['fob_off', /\bnothing (?:else )?(?:i|we) can do\b|\bnot much (?:i|we) can do\b|\bout of (?:my|our) hands\b|\bi will pass it on\b|\bnot (?:my|our) (?:problem|fault)\b|\bthese things happen\b|\byou will (?:just )?have to wait\b|\bcan not do anything\b|\bno idea when\b|\bdo not know when\b/],
  ['repeat_request', /\bagain\b|\brepeat\b|\bsay that\b|\bdid not (?:quite )?catch\b|\bmissed (?:that|it)\b|\bone more time\b|\bspell\b/],
];

const SUPPLIER = /\bsupplier|\bmanufacturer|\bwarehouse|\bback in stock\b|\brestock|\bnext delivery (?:in|from|to us)\b|\bcome in(?:to stock)?\b/i;

/**
 * ADAPTER CUE: the role of a date, with `supplier` for a supplier's delivery to the
 * warehouse (the recogniser has no such role yet) and `today` for the day of the call
 * ("at the moment", "today": nothing is delivered then).
 */
function dateRole(d: Utterance['dates'][number], u: Utterance): string {
  const sentence = u.sentences.find((s) => s.index === d.sentence)?.text ?? '';
  if (d.role !== 'collection' && d.role !== 'follow_up' && SUPPLIER.test(sentence)) return 'supplier';
  return d.role;
}

/** ADAPTER CUE: insults and swearing aimed at the caller (the recogniser's blame list mixes them with blame of others). */
const INSULT = /\b(?:shut up|idiot|moron|stupid|thick|deaf|pathetic|get lost|wast(?:e|ing) (?:of )?my time|bloody|fuck\w*|shit\w*|crap|piss\w*|dumb)\b/i;
/** ADAPTER CUE: blaming or brushing off the caller. */
const CALLER_BLAME = /\b(?:your (?:own )?(?:fault|problem)|not my (?:fault|problem)|i (?:do not|don'?t) care|deal with it|stop (?:moaning|whinging|complaining)|calm down|should(?:'ve| have) (?:read|checked|measured|looked|thought))\b/i;

/** ADAPTER CUE: a statement that something has gone wrong (explain_problem is often missed). */
const PROBLEM_NEWS = /\b(?:damaged|broken|delayed|held (?:up|at)|out of stock|not in stock|no stock|missing|lost|problem with|issue with|gone wrong|won'?t (?:be|arrive)|will not (?:be|arrive)|can'?t (?:send|deliver)|can not (?:send|deliver)|over (?:your|the) (?:credit )?limit)\b/i;
/** ADAPTER CUE: the adviser is summing up for the caller to confirm. */
const RECAP = /(?:^|[.!?,;:]\s*|\b(?:so|just|and)\s+)(?:to confirm|to recap|to sum up|to go over(?: it)?)\b|\bso that(?: i|')s\b|\brecap\b|\bsummar|\bjust to check\b|\blet me read\b|\bread (?:that|it) back\b/;

/** ADAPTER CUE: a request without a question ("order number please", "give me the postcode"). */
const REQUEST = /\b(?:please|pls|plz|can i|could i|may i|give me|tell me|let me (?:have|take|get)|i (?:will|ll|'ll) need|i need (?:your|the)|confirm)\b/;

/**
 * The recogniser's question flag, except "What I can offer is…", "Should you need to…":
 * without a question mark, a wh-word followed by a subject, or a conditional opening, is a
 * statement.
 */
function isQuestion(text: string, flagged: boolean): boolean {
  if (!flagged) return false;
  if (/\?\s*$/.test(text)) return true;
  const t = text.trim();
  return !/^(?:what|how|where|when|which|why)\s+(?:i|we|they|you|it|he|she|that|this)\b/i.test(t) && !/^(?:should|if|once|whenever)\s+\w+/i.test(t);
}

function mentions(norm: string, products: KnownProduct[]): boolean {
  return products.some((p) => p.names.some((n) => norm.includes(n) || norm.includes(n.replace(/-/g, ' '))));
}

/**
 * Read one recogniser analysis as the caller hears it. `profile` tells which products
 * the caller knows by name; `given` are the facts the caller has already given.
 */
export function toHeard(u: Utterance, profile: CallerProfile, given: readonly FactId[] = []): Heard {
  const moves = new Set<HeardMove>();
  for (const i of u.intents) if (i.score >= MIN_SCORE && !i.negated) moves.add(i.intent);
  // insults are abuse; blaming the caller hurts; blaming someone else ("couriers are a nightmare") is neither
  const abuse = u.intents.find((i) => i.intent === 'abusive');
  const blamesCaller = CALLER_BLAME.test(u.original);
  moves.delete('abusive');
  if (INSULT.test(u.original) || (abuse && abuse.source !== 'rule' && abuse.score >= 0.9 && !blamesCaller && u.style.blame.length === 0)) moves.add('abusive');
  else if (blamesCaller) moves.add('blame_caller');
  // a negated stock statement ("we haven't got any in") is still a stock statement
  for (const i of u.intents) if (i.score >= MIN_SCORE && i.negated && (i.intent === 'stock_unavailable' || i.intent === 'stock_available' || i.intent === 'mention_offer')) moves.add(i.intent);
  const norm = u.normalised.text;
  const lower = u.original.toLowerCase();
  for (const [move, re] of CUES) if (re.test(norm) || re.test(lower)) moves.add(move);
  if (u.style.blame.length > 0) moves.add('blame');
  // "no worries mate, I understand" is not an apology
  if (moves.has('empathy') && u.style.overFamiliar.length > 0) moves.delete('empathy');
  if (u.teams.some((t) => t.team === 'credit_control')) moves.add('offer_credit_control');
  if (moves.has('take_payment')) moves.add('offer_card');
  if (u.sentences.some((s) => !s.isQuestion && PROBLEM_NEWS.test(s.text))) moves.add('problem_news');
  if (RECAP.test(norm) || RECAP.test(lower)) moves.add('recap');

  const factRequests: FactId[] = [];
  const readOuts: FactId[] = [];
  for (const f of u.facts) {
    if (f.score < MIN_SCORE) continue;
    if (f.readOut) {
      if (!readOuts.includes(f.fact)) readOuts.push(f.fact);
    } else if (!factRequests.includes(f.fact)) factRequests.push(f.fact);
  }
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
  // a statement ("That's placed, order number SO-50126.") asks for nothing
  const asking = u.sentences.some((s) => isQuestion(s.text, s.isQuestion)) || REQUEST.test(norm) || REQUEST.test(lower);
  if (!asking) factRequests.splice(0, factRequests.length);
  return {
    text: u.original,
    norm,
    moves,
    factRequests,
    readOuts,
    question: u.sentences.some((s) => isQuestion(s.text, s.isQuestion)),
    questions: u.sentences.filter((s) => isQuestion(s.text, s.isQuestion)).map((s) => s.text.toLowerCase()),
    money: u.money.map((m) => ({ pence: m.pence, role: m.role, vat: m.vat, negated: m.negated, hedged: m.hedged })),
    dates: u.dates.map((d) => ({
      ...(d.kind === 'date' && d.date ? { date: d.date } : {}),
      span: d.kind === 'span',
      role: dateRole(d, u),
      negated: d.negated,
      hedged: d.hedged,
    })),
    references: u.references,
    quantities: u.quantities,
    namesWanted: mentions(productNames, profile.wanted),
    namesAlternative: mentions(productNames, profile.alternatives),
    teams: u.teams.map((t) => t.team),
    terms: u.terms.filter((t) => !t.negated).map((t) => t.term),
    followUp: u.followUps.length > 0 || moves.has('arrange_follow_up'),
    overFamiliar: [...u.style.overFamiliar],
  };
}
