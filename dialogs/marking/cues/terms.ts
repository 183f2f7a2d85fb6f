/**
 * The terms of business an adviser may need to explain (the scenario vocabulary's term
 * ids), each as a rule over one learner sentence: stated accurately, stated inaccurately
 * (the key element is there but a figure or qualifier is wrong), or not stated. Figures
 * (days, charges, dates) come from the organisation's policies via {@link TermValues}.
 */
import type { LocalDate } from '../../../domain/dates.js';
import type { Pence } from '../../../domain/money.js';
import type { TermValues } from '../facts/marking-facts.js';

/** One sentence, ready for the term rules. */
export interface TermSentence {
  /** normal form */
  n: string;
  /** amounts in the sentence (pence) */
  money: Pence[];
  /** dates in the sentence */
  dates: LocalDate[];
}

/**
 * `accurate`; `inaccurate` = the term is there but a qualifier is missing ("cancel any
 * time, no charge"); `wrong` = a figure or fact is wrong ("14 days to pay"); undefined =
 * not stated.
 */
export type TermVerdict = 'accurate' | 'inaccurate' | 'wrong' | undefined;

const NUM_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fourteen: 14, fifteen: 15, twenty: 20, 'twenty-one': 21, 'twenty-eight': 28, thirty: 30, forty: 40, 'forty-five': 45, sixty: 60, ninety: 90,
};

/** Numbers of days said in the sentence ("30 days", "thirty-day", "14-day"). */
function daysSaid(n: string): number[] {
  const out: number[] = [];
  for (const m of n.matchAll(/\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:working[- ])?days?\b/g)) {
    const v = /^\d+$/.test(m[1]) ? Number(m[1]) : NUM_WORDS[m[1]];
    if (v !== undefined) out.push(v);
  }
  return out;
}

const FREE = /\b(?:free(?: of charge)?|no (?:extra )?(?:charge|cost|fee)|without (?:any )?(?:charge|cost|fee)|costs? nothing|at no (?:extra )?cost|won't cost|doesn't cost|no cost|for nothing|won'?t be charged|not be charged|at no charge)\b/;
const CHANGE = /\b(?:change|changes|changing|amend|amends|amending|amendment|cancel|cancels|cancelling|canceling|cancellation|cancelled)\b/;
const UNTIL_DISPATCH =
  /\b(?:until|till|til|up until|up to|before|right up until|as long as it'?s before|as long as)\b[^.]{0,40}\b(?:dispatch\w*|despatch\w*|goes out|go out|leaves?|left|shipped|ships?|sent out|picked|it'?s sent)\b|\b(?:haven'?t|hasn'?t|hadn'?t|not) (?:been |yet been )?(?:dispatched|sent|shipped|gone out)\b|\bawaiting dispatch\b|\bbefore (?:dispatch|despatch)\b/;

type Rule = (s: TermSentence, v: TermValues) => TermVerdict;

/**
 * The parts of a sentence that speak of one term: "payment is 30 days from the invoice, and
 * unused desks can be returned within 30 days of delivery" holds two terms, one per part.
 */
function parts(n: string): string[] {
  return n.split(/\s*(?:[;:]|,\s*(?:and|but|while|whereas)\b|\band\b(?= (?:you|unused|any|items?|goods|returns?|if|they|it|we)\b)|\bbut\b|\bwhile\b|\bwhereas\b)\s*/).filter(Boolean);
}

/** Days said in the parts of a sentence that match `about` and not `unless`. */
function daysAbout(n: string, about: RegExp, unless?: RegExp): number[] {
  return parts(n)
    .filter((p) => about.test(p) && !(unless?.test(p) ?? false))
    .flatMap(daysSaid);
}

const PAYMENT_WORDS = /\b(?:pay|paid|payment|invoice|invoiced|terms|account|credit)\b/;
const RETURN_WORDS = /\breturn\w*\b|\bsend (?:it|them) back\b/;

const paymentDays: Rule = (s, v) => {
  const days = daysAbout(s.n, PAYMENT_WORDS, RETURN_WORDS);
  if (days.length === 0) return undefined;
  return days.includes(v.paymentDays) ? 'accurate' : 'wrong';
};

const cardNow: Rule = (s) => {
  if (!/\bcard\b/.test(s.n)) return undefined;
  if (/\b(?:today|now|up ?front|in full|straight away|settles?|settled|no (?:\d+|thirty)[- ]day|not on (?:the )?(?:account|\d+[- ]day)|right away|immediately)\b/.test(s.n)) {
    return 'accurate';
  }
  return undefined;
};

const changesFree: Rule = (s, v) => {
  if (!CHANGE.test(s.n) || !FREE.test(s.n)) return undefined;
  if (UNTIL_DISPATCH.test(s.n)) return 'accurate';
  // of an order not yet dispatched, "you can cancel the two for free" is true now; "any time" never is
  if (v.orderUndispatched && !ANY_TIME.test(s.n)) return 'accurate';
  return 'inaccurate';
};

/** A change allowed with no limit: "whenever you like", "any time". */
const ANY_TIME = /\b(?:whenever|any ?time|at any (?:point|stage)|no matter when|as late as you like)\b/;

const returns30: Rule = (s, v) => {
  const days = daysAbout(s.n, RETURN_WORDS);
  if (days.length === 0) return undefined;
  return days.includes(v.returnsDays) ? 'accurate' : 'wrong';
};

const addressEmail: Rule = (s) => {
  if (!/\baddress\b/.test(s.n) || !/\be-?mail\b/.test(s.n)) return undefined;
  if (/\b(?:confirm\w*|from (?:your|the) registered|before (?:it'?s )?(?:dispatch\w*|despatch\w*|it goes)|fraud|security|verify|until)\b/.test(s.n)) return 'accurate';
  return undefined;
};

const cancel14: Rule = (s, v) => {
  const endsSaid = v.cancelEnds !== undefined && s.dates.includes(v.cancelEnds) && /\b(?:cancel\w*|right|until|up to|runs? (?:to|until)|ends?|within|period)\b/.test(s.n);
  if (endsSaid) return 'accurate';
  if (!/\b(?:cancel\w*|change your mind|right to|send (?:it|them) back|return\w*|cooling[- ]off)\b/.test(s.n)) return undefined;
  const days = daysSaid(s.n);
  if (days.length === 0) return undefined;
  if (/\bcollect\w*\b/.test(s.n) && /\brefund/.test(s.n)) return undefined; // that is the refund timeline
  if (!days.includes(v.cancelDays)) return 'wrong';
  // the period runs from delivery: counted from the order, or ending on another day, it is wrong
  if (/\b(?:of|from|after) (?:ordering|placing it|placing the order|when you ordered|(?:the|your) order(?! (?:arriv|being deliver|was deliver|is deliver|reach|deliver|com|turn)))\b/.test(s.n)) return 'wrong';
  if (v.cancelEnds !== undefined && s.dates.length > 0 && !s.dates.includes(v.cancelEnds) && /\b(?:until|till|up to|runs? (?:to|until)|ends?|fine until)\b/.test(s.n)) return 'wrong';
  return 'accurate';
};

const collectionCharge: Rule = (s, v) => {
  if (!/\b(?:collect\w*|pick(?:ing)? (?:it )?up|pick-?up)\b/.test(s.n) && !/\bcharge\b/.test(s.n)) return undefined;
  if (v.collectionFree) {
    // faulty goods: collected free; any charge said is wrong
    if (s.money.length > 0 && /\b(?:charge|cost|fee|comes off|deduct\w*|less|to collect)\b/.test(s.n) && !FREE.test(s.n)) return 'wrong';
    return FREE.test(s.n) || /\bpay nothing\b|\bnothing to pay\b/.test(s.n) ? 'accurate' : undefined;
  }
  if (v.collectionCharges.some((c) => s.money.includes(c)) && /\b(?:charge|cost|fee|comes off|deduct\w*|less|take\b.{0,20}\boff|off for)\b/.test(s.n)) return 'accurate';
  if (/\bcollect\w*\b/.test(s.n) && /\bno (?:collection )?charge\b|\bfree (?:collection|of charge)\b|\bwon'?t (?:be )?charge/.test(s.n)) return 'wrong';
  if (/\bcollect\w*\b/.test(s.n) && /\bcharge\b/.test(s.n) && s.money.length > 0) return 'wrong';
  return undefined;
};

const refundCard14: Rule = (s, v) => {
  if (!/\b(?:refund\w*|back (?:to|on|onto)|money back|goes back|paid back|get it back)\b/.test(s.n)) return undefined;
  const days = daysSaid(s.n);
  const ofCollection = /\bcollect\w*\b/.test(s.n);
  if (days.length === 0) return undefined;
  if (days.includes(v.refundDays)) return ofCollection ? 'accurate' : 'inaccurate';
  return 'wrong';
};

const refundCreditNote: Rule = (s, v) => {
  if (!/\bcredit note\b/.test(s.n) || !/\brefund|\bcredit\b/.test(s.n)) return undefined;
  const days = daysSaid(s.n);
  if (days.length === 0) return /\bcollect/.test(s.n) ? 'inaccurate' : undefined;
  return days.includes(v.refundCreditNoteWorkingDays) ? 'accurate' : 'wrong';
};

const QTY = '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
/** "four tomorrow and two next Wednesday": some now, the rest later */
const TWO_DELIVERIES = new RegExp(`\\b${QTY} (?:now|today|tomorrow)\\b.{0,30}\\b${QTY} (?:next|on|later|when)\\b`);

const splitNoCharge: Rule = (s) => {
  if (!/\bsplit(?:ting)?\b|\b(?:two|separate|2) deliveries\b|\b\d+ (?:now|tomorrow)\b.*\b(?:rest|others?|remaining)\b/.test(s.n) && !TWO_DELIVERIES.test(s.n)) return undefined;
  return FREE.test(s.n) ? 'accurate' : undefined;
};

/** The rule for each term id. */
export const TERM_RULES: Record<string, Rule> = {
  'payment-30-days': paymentDays,
  'card-payment-now': cardNow,
  'changes-free-until-dispatch': changesFree,
  'returns-30-days': returns30,
  'address-change-email-confirmation': addressEmail,
  'cancel-14-days': cancel14,
  'collection-charge': collectionCharge,
  'refund-to-card-14-days': refundCard14,
  'refund-credit-note': refundCreditNote,
  'split-delivery-no-charge': splitNoCharge,
};

/** A readable name for a term id, with the organisation's figures (for notes). */
export function termLabel(id: string, v: TermValues): string {
  const labels: Record<string, string> = {
    'payment-30-days': `payment terms (${v.paymentDays} days)`,
    'card-payment-now': 'paid in full now by card',
    'changes-free-until-dispatch': 'changes or cancellation free until dispatch',
    'returns-30-days': `the returns policy (${v.returnsDays} days)`,
    'address-change-email-confirmation': 'the new address needs email confirmation',
    'cancel-14-days': `the ${v.cancelDays}-day right to cancel`,
    'collection-charge': 'the collection charge',
    'refund-to-card-14-days': `refund to the card within ${v.refundDays} days of collection`,
    'refund-credit-note': `refund by credit note (${v.refundCreditNoteWorkingDays} working days)`,
    'split-delivery-no-charge': 'split delivery at no extra charge',
  };
  return labels[id] ?? id;
}
