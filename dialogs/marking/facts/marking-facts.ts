/**
 * What the checkers know about the scenario: its facts and computed truths, reduced to
 * what marking needs. Built from the scenario file and `computeTruths` (see
 * `build-facts.ts`), so a checker never holds a scenario fact of its own.
 */
import type { LocalDate, ScenarioClock } from '../../../domain/dates.js';
import type { Pence } from '../../../domain/money.js';
import type { CriterionId } from '../criteria.js';
import type { ItemPatterns, ProductFacts } from './products.js';

/** Which criteria apply, their weights and the pass rule. */
export interface RubricFacts {
  applies: readonly CriterionId[];
  weights: Partial<Record<CriterionId, number>>;
  minScore: number;
  keyCriteria: readonly CriterionId[];
}

/** An identifier the caller can give. */
export type IdentifierKind = 'account_number' | 'order_number' | 'full_name' | 'postcode' | 'phone' | 'email';

/** The values that verify the caller (scenario identity and the account as the desk shows it). */
export interface IdentityFacts {
  /** account and order numbers the caller may give */
  references: { kind: 'account_number' | 'order_number'; value: string }[];
  fullName: string;
  firstName: string;
  lastName: string;
  postcodes: string[];
  phones: string[];
  emails: string[];
}

/** Stock of one item as the desk shows it. */
export interface StockFacts {
  inStock: boolean;
  onHand: number;
  nextDelivery?: LocalDate;
  alternative?: string;
}

/** One course the call can take (an option of the truths). */
export interface OptionFacts {
  id: string;
  label: string;
  lines: { code: string; qty: number }[];
  /** the option the scenario's call is mainly about */
  main: boolean;
  /** the customer chooses it (scenario `wants.choices`) */
  chosen: boolean;
  /** one of the outcomes the call may settle on (not an asked-about alternative, not the order before a change) */
  settles: boolean;
}

/** An amount the customer may ask about or agree to, with its correct and typical wrong figures. */
export interface PriceTopic {
  id: string;
  option: string;
  /** for notes: "the listed alternative" */
  label: string;
  kind: 'total' | 'difference' | 'refund' | 'charge';
  /** the correct amount including VAT (private customers: what they pay) */
  inc?: Pence;
  /** the correct amount excluding VAT (business totals, differences) */
  ex?: Pence;
  /** other figures that are a full answer too (a price difference per unit), with their VAT basis */
  alsoRight: { amount: Pence; basis: 'inc' | 'ex' }[];
  /** other correct figures that are only part of the answer (unit prices, VAT, savings) */
  parts: Pence[];
  /** wrong figures typical for this amount, and why */
  wrong: { amount: Pence; why: string; asAllIn?: boolean }[];
  /**
   * `settle`: one of the outcomes (the one the call settles on must be stated);
   * `required`: must be stated; `if-asked`: judged when stated or asked about.
   */
  need: 'settle' | 'required' | 'if-asked';
  /** words in a customer question that ask about this amount */
  askCue?: RegExp;
}

/** A date the learner must state for an option (delivery, second delivery, revised delivery, collection). */
export interface DateTopic {
  id: string;
  option: string;
  label: string;
  /** the one correct date … */
  date?: LocalDate;
  /** … or any working day from this one (collections) */
  anyWorkingDayFrom?: LocalDate;
  /** … up to this one */
  until?: LocalDate;
}

/** An offer that applies (or one that does not, for a wrongly promised discount). */
export interface OfferFacts {
  id: string;
  name: string;
  description: string;
  /** words that name it or say what it is: "multi-buy", "10%", "desk mat" */
  specific: RegExp;
  /** amounts it saves (per unit, in total, free items' worth) */
  savings: Pence[];
}

/** A fact of the problem: what went wrong, or where things stand. */
export interface ProblemFact {
  id: string;
  /** 'what' = what went wrong; 'where' = where things stand now */
  part: 'what' | 'where';
  label: string;
  /** a learner sentence states it when it matches (and, when given, names the date) */
  pattern?: RegExp;
  date?: LocalDate;
  /** the fact is about an existing order (so stating it discloses order data) */
  concernsOrder: boolean;
}

/** The escalation the scenario expects. */
export interface EscalationFacts {
  team: string;
  teamName: string;
  /** a goodwill credit note to offer, subject to approval */
  goodwill?: { amount: Pence; needsApproval: boolean };
}

/** One required term (any of `ids` will do). */
export interface TermNeed {
  ids: string[];
}

/** The credit position when the order is over the available credit. */
export interface CreditFacts {
  available: Pence;
  orderTotal: Pence;
  exceeds: boolean;
}

/** Everything the checkers know about a scenario. */
export interface MarkingFacts {
  scenarioId: string;
  direction: 'inbound' | 'outbound';
  customerType: 'business' | 'private';
  clock: ScenarioClock;
  isWorkingDay: (d: LocalDate) => boolean;
  rubric: RubricFacts;
  /** the learner's organisation: full and short names */
  companyNames: string[];
  identity: IdentityFacts;
  products: ProductFacts[];
  items: ItemPatterns[];
  /** codes the customer asks for (or the order is about) */
  requestedCodes: string[];
  stock: Record<string, StockFacts>;
  /** address fragments a read-back may name ("headingley lane", "annex") */
  addressWords: string[];
  options: OptionFacts[];
  /** the option the call is mainly about (truths' main option) */
  mainOption: string;
  prices: PriceTopic[];
  /** amounts that are facts, not prices to judge (the price paid, credit figures, a goodwill credit) */
  neutralAmounts: Pence[];
  /** dates the learner must state, by option */
  dates: DateTopic[];
  /** typical wrong dates, and why */
  wrongDates: { date: LocalDate; why: string }[];
  /** dates the existing order was promised for: describing the order as it stands, not a new promise */
  historyDates: LocalDate[];
  offers: OfferFacts[];
  offersNotApplying: OfferFacts[];
  problems: ProblemFact[];
  escalation?: EscalationFacts;
  /** the organisation's teams: id (`/refer` argument), name, words that name it, its full name alone */
  teams: { id: string; name: string; pattern: RegExp; fullName: RegExp }[];
  /** the team an order over the available credit is referred to (the organisation's credit policy) */
  creditTeam: string;
  terms: TermNeed[];
  /** values term statements are checked against */
  termValues: TermValues;
  credit?: CreditFacts;
  /** what the account and existing orders record: saying any of it discloses account data */
  existing: { amounts: Pence[]; dates: LocalDate[]; lines: { code: string; qty: number }[] };
  /** the latest date a promised update may be given (late deliveries) */
  followUpBy?: LocalDate;
}

/** Organisation values that term statements must match. */
export interface TermValues {
  paymentDays: number;
  returnsDays: number;
  cancelDays: number;
  cancelEnds?: LocalDate;
  /** the collection charge as it may be said (ex VAT and inc VAT for business customers) */
  collectionCharges: Pence[];
  /** the goods are collected free although the policy has a charge (faulty goods): "no charge" is then the term */
  collectionFree: boolean;
  /** the call is about an order not yet dispatched: "you can cancel the two for free" is then true as said */
  orderUndispatched: boolean;
  refundDays: number;
  refundCreditNoteWorkingDays: number;
}
