/**
 * What the marker reads from one learner message, once, when it arrives: the normal form
 * and sentences for the cue rules, and the amounts, dates and time spans the recogniser
 * found, each tied to its role by the words around it.
 */
import type { LocalDate } from '../../../domain/dates.js';
import type { Pence } from '../../../domain/money.js';
import type { Piece } from '../text/normalise.js';

/** The VAT basis said with an amount. */
export type VatBasis = 'inc' | 'ex' | 'unclear';

/** What an amount is, from the words around it. */
export type MoneyRole =
  | 'total'
  | 'unit'
  | 'vat'
  | 'saving'
  | 'difference'
  | 'charge'
  | 'refund'
  | 'credit'
  | 'paid'
  | 'other';

/** An amount of money in a learner message. */
export interface MoneyMention {
  pence: Pence;
  /** the words as written */
  text: string;
  start: number;
  end: number;
  basis: VatBasis;
  /** the basis words make it all-in ("all in", "in total", "altogether") without saying VAT */
  allIn: boolean;
  role: MoneyRole;
  /** the sentence it is in */
  sentence: string;
  /** retracted or denied ("not £1,072.80") */
  negated: boolean;
}

/** What a date is about, from the words around it. */
export type DateRole =
  | 'delivery'
  | 'collection'
  | 'supplier'
  | 'follow-up'
  | 'refund'
  | 'deadline'
  | 'holiday'
  | 'period'
  | 'dispatch'
  | 'window'
  | 'history'
  | 'other';

/** A date in a learner message, resolved against the scenario clock. */
export interface DateMention {
  date: LocalDate;
  text: string;
  start: number;
  end: number;
  role: DateRole;
  /** a hedge leaves the date open ("probably around Thursday") */
  hedged: boolean;
  sentence: string;
}

/** A time span instead of a date ("three working days", "early next week"). */
export interface SpanMention {
  text: string;
  start: number;
  role: DateRole;
  sentence: string;
}

/** A learner message as the checkers read it. */
export interface MessageAnalysis {
  text: string;
  norm: string;
  sentences: Piece[];
  money: MoneyMention[];
  dates: DateMention[];
  spans: SpanMention[];
}
