/**
 * What the recogniser reads from one adviser message. Every mention carries the
 * character span in the ORIGINAL text (`start` inclusive, `end` exclusive) and
 * the index of the sentence it sits in, so the marker can quote evidence.
 */
import type { LocalDate, ScenarioClock } from '../dates.js';
import type { Pence } from '../money.js';
import type { FactId, MoveId } from './intents.js';

/** `n` working days after `from` (the scenario's working-day calendar). */
export type WorkingDayFn = (from: LocalDate, n: number) => LocalDate;

/** Context for one analysis: the scenario clock and, optionally, its calendar and names. */
export interface AnalyseContext {
  /** The scenario clock: every relative date resolves against it. */
  clock: ScenarioClock;
  /** Adds working days; needed for "in three working days". Without it such dates stay unresolved spans. */
  calendar?: WorkingDayFn;
  /** Company names to recognise in self-introductions (e.g. "Harbour & Pike Office Supplies"). */
  organisationNames?: readonly string[];
  /** Known product codes (e.g. "CH-ERG-200") to snap typed variants to. */
  productCodes?: readonly string[];
}

/** A character range in the original text. */
export interface Span {
  start: number;
  end: number;
}

/** One sentence of the message. */
export interface Sentence extends Span {
  index: number;
  text: string;
  /** Ends with "?" or opens like a question ("could you…", "what's…"). */
  isQuestion: boolean;
}

/** A negation or hedge trigger with the text it governs. */
export interface Cue extends Span {
  kind: 'negation' | 'hedge';
  /** The trigger as written ("can't", "probably"). */
  trigger: string;
  sentence: number;
  /** The governed window (a few words after the trigger, within its clause). */
  scope: Span;
}

/** VAT basis stated next to an amount. */
export type VatBasis = 'inc' | 'ex' | 'unknown';

/** What an amount is, from nearby words. */
export type MoneyRole =
  | 'total'
  | 'goods'
  | 'vat'
  | 'unit'
  | 'delivery'
  | 'refund'
  | 'charge'
  | 'saving'
  | 'credit'
  | 'difference'
  | 'unknown';

/** An amount of money the adviser stated. */
export interface MoneyMention extends Span {
  pence: Pence;
  /** The amount as written ("£965.52", "nine hundred and sixty five pounds fifty two"). */
  text: string;
  sentence: number;
  vat: VatBasis;
  role: MoneyRole;
  /** Inside a negation scope ("it's not £894"). */
  negated: boolean;
  /** Inside a hedge scope ("probably about £900"). */
  hedged: boolean;
}

/**
 * What a date is for, from nearby words: `supplier` is a supplier's delivery to the
 * warehouse ("back in stock on Monday"), not a delivery to the customer.
 */
export type DateRole = 'delivery' | 'collection' | 'follow_up' | 'deadline' | 'supplier' | 'unknown';

/** A date or date span the adviser stated. */
export interface DateMention extends Span {
  /** `date`: one day is meant; `span`: a range or vague period ("within three working days", "early next week"). */
  kind: 'date' | 'span';
  text: string;
  sentence: number;
  /** The chosen reading for `kind: 'date'` (consistent with the clock: the future unless the text says otherwise). */
  date?: LocalDate;
  /** Every plausible reading (more than one when the text is ambiguous). */
  candidates: LocalDate[];
  /** For spans that resolve: first and last day. */
  range?: { from: LocalDate; to: LocalDate };
  /**
   * True when the words alone could mean more than one day: a weekday alone
   * (resolved to the next such day), "next Tuesday", a day-of-month without month.
   */
  ambiguous: boolean;
  /** How the date was written. */
  form: DateForm;
  role: DateRole;
  negated: boolean;
  hedged: boolean;
}

/**
 * How a date was written: `explicit` ("Thursday 5 March", "5th March"), `numeric` ("5/3", "5/3/26"),
 * `weekday` ("Thursday", "next Tuesday", "a week on Friday"), `day_of_month` ("the 5th", "Monday 16th"),
 * `relative` ("tomorrow", "today"), `working_days` ("in three working days"), `day_count`
 * ("in two days"), `period` (spans: "early next week", "within three working days",
 * "3–5 working days", "in a couple of days").
 */
export type DateForm = 'explicit' | 'numeric' | 'weekday' | 'day_of_month' | 'relative' | 'working_days' | 'day_count' | 'period';

/** A time of day or time limit ("by noon", "before 11", "within the hour"). */
export interface TimeMention extends Span {
  text: string;
  sentence: number;
}

/** Kinds of reference and contact detail. */
export type ReferenceKind = 'account' | 'order' | 'product' | 'postcode' | 'phone' | 'email' | 'tracking';

/** A reference number, code or contact detail, as written and in canonical form. */
export interface ReferenceMention extends Span {
  kind: ReferenceKind;
  text: string;
  /** Canonical form: "AC-20417", "SO-48213", "CH-ERG-200", "LS6 2QT", "01134960321", lower-case email. */
  value: string;
  sentence: number;
}

/**
 * What a quantity counts: `stock` — goods on hand ("we have eight in stock", "three left");
 * `unknown` — anything else (an order, a read-back, a question).
 */
export type QuantityRole = 'stock' | 'unknown';

/** A quantity with the item it counts ("six chairs", "15 boxes", "2 x CH-ERG-200"). */
export interface QuantityMention extends Span {
  quantity: number;
  /** The counted item as written, lower-case ("chairs", "ergo 200 chairs", "ch-erg-200"). */
  item: string;
  text: string;
  sentence: number;
  /** a count of stock, read from the words of its own clause */
  role: QuantityRole;
}

/** A person name in the text (cheap patterns: "Mr Bell", "speaking to Priya Shah"). */
export interface NameMention extends Span {
  text: string;
  sentence: number;
}

/** The adviser's own introduction, when the message has one. */
export interface Introduction {
  /** The adviser's own name ("Sam"). */
  name?: string;
  /** The company as written ("Harbour & Pike Office Supplies"). */
  company?: string;
}

/** One move with its confidence. */
export interface IntentScore {
  intent: MoveId;
  /** 0–1; rules give 1. */
  score: number;
  /** Where it came from. */
  source: 'classifier' | 'rule' | 'both';
  /** Sentence where it was strongest. */
  sentence: number;
  /** The sentence has a negation cue ("there aren't any offers on"). */
  negated: boolean;
  /** The sentence has a hedge cue. */
  hedged: boolean;
}

/** The adviser asks for (or reads out) one customer fact. */
export interface FactRequest {
  fact: FactId;
  score: number;
  source: 'classifier' | 'rule' | 'both';
  sentence: number;
  /**
   * The adviser read a stored value out for the customer to agree to
   * ("Is your postcode LS6 2QT?", "Am I speaking to Priya Shah?") instead of asking for it.
   */
  readOut: boolean;
}

/**
 * Terms of business the adviser explained (cue rules, whatever the figures: the
 * organisation's own are compared by the consumer with {@link TermMention.days}).
 */
export type TermId =
  | 'payment_terms'
  | 'card_payment_now'
  | 'free_changes_until_dispatch'
  | 'returns_period'
  | 'cancellation_period'
  | 'collection_charge'
  | 'refund_timing'
  | 'address_email_confirmation'
  | 'confirmation_email'
  | 'credit_control_reply';

/** A term mentioned in one sentence. */
export interface TermMention {
  term: TermId;
  sentence: number;
  negated: boolean;
  /** The number of days said with it ("30 days from the invoice"), when one was. */
  days?: number;
  /** The number of hours said with it ("within two working hours"), when one was. */
  hours?: number;
}

/** Teams the adviser refers to. */
export type TeamId = 'credit_control' | 'purchasing' | 'logistics' | 'manager';

/** A team named in one sentence. */
export interface TeamMention {
  team: TeamId;
  sentence: number;
  text: string;
}

/** A follow-up the adviser arranged. */
export interface FollowUp {
  channel: 'email' | 'phone' | 'unspecified';
  /** A time or date is attached ("within the hour", "by noon tomorrow", "on Friday"). */
  timed: boolean;
  sentence: number;
  text: string;
}

/** Professional-language signals. */
export interface StyleSignals {
  textSpeak: string[];
  emoji: string[];
  overFamiliar: string[];
  /** Blame or sarcasm phrases (any target; see the three lists below). */
  blame: string[];
  /** Insults and swearing aimed at the caller ("stupid", "shut up"). */
  insults: string[];
  /** Blaming or brushing off the caller ("your own fault", "calm down"). */
  blameCaller: string[];
  /** Blaming someone else: the courier, the warehouse, colleagues ("the couriers are useless"). */
  blameOthers: string[];
  /** Share of letters in capitals (words of 3+ letters). */
  capsRatio: number;
  /** Runs of two or more "!". */
  exclamationRuns: number;
}

/** The normalised form of the message used for intents. */
export interface NormalisedView {
  /** Lower-case, contractions and text-speak expanded, typos corrected, entities masked (`_money`, `_num`…). */
  text: string;
  tokens: string[];
  stems: string[];
  /** Typos corrected ("buisness" → "business"). */
  corrections: { from: string; to: string }[];
}

/** Everything the recogniser reads from one adviser message. */
export interface Utterance {
  original: string;
  normalised: NormalisedView;
  sentences: Sentence[];
  /** Moves, highest score first. */
  intents: IntentScore[];
  /** Facts asked for (or read out), in the order they appear. */
  facts: FactRequest[];
  money: MoneyMention[];
  dates: DateMention[];
  times: TimeMention[];
  references: ReferenceMention[];
  quantities: QuantityMention[];
  names: NameMention[];
  introduction?: Introduction;
  cues: Cue[];
  terms: TermMention[];
  teams: TeamMention[];
  followUps: FollowUp[];
  style: StyleSignals;
}
