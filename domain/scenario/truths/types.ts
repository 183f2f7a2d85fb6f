/**
 * The shape of a scenario's truths: everything a right answer in the call can be judged
 * against, computed by the order world from the scenario's data and clock. Three
 * consumers read it — the order desk, the customer simulator and the marker — so every
 * figure carries a label, the option it belongs to and (for money) its VAT basis.
 */
import type { LocalDate, ScenarioClock } from '../../dates.js';
import type { Pence } from '../../money.js';
import type { Amendment } from '../../world/amendments.js';
import type { CalendarRules } from '../../world/calendar.js';
import type { CreditPosition } from '../../world/credit.js';
import type { Lateness } from '../../world/lateness.js';
import type { AppliedOffer, OfferNotApplied } from '../../world/offers.js';
import type { CustomerType, FreeItem, PricedOrder } from '../../world/pricing.js';
import type { ReturnPlan } from '../../world/returns.js';
import type { Availability } from '../../world/stock.js';
import type { TeamId } from '../organisation.js';
import type { CriterionId, CreditRoute, TermId } from '../vocabulary.js';

/**
 * What a figure or date belongs to:
 * `order` the order as asked for (or as it stands); `alternative` the listed alternative;
 * `back-order` waiting for the supplier; `reduced-within-credit` the largest order that fits
 * the credit; `original` an order before a change; `amended` after it; `cancel-part` after
 * cancelling some units; `cancel-order` the whole order cancelled; `split` / `hold` options
 * for a part-damaged order; `return` a return or cancellation after delivery; `lateness` a
 * late delivery.
 */
export type OptionId =
  | 'order'
  | 'alternative'
  | 'back-order'
  | 'reduced-within-credit'
  | 'original'
  | 'amended'
  | 'cancel-part'
  | 'cancel-order'
  | 'split'
  | 'hold'
  | 'return'
  | 'lateness';

/** How an amount stands to VAT: `none` for amounts VAT does not concern (a goodwill credit). */
export type PriceBasis = 'ex-vat' | 'inc-vat' | 'vat' | 'none';

/** What an amount is. */
export type PriceWhat =
  | 'total'
  | 'goods'
  | 'vat'
  | 'delivery-charge'
  | 'unit'
  | 'saving'
  | 'difference'
  | 'unit-difference'
  | 'collection-charge'
  | 'refund'
  | 'goods-paid'
  | 'goodwill'
  | 'available-credit';

/** A correct amount. */
export interface PriceFigure {
  /** unique within the truths, e.g. `order.total.inc-vat` */
  id: string;
  option: OptionId;
  what: PriceWhat;
  basis: PriceBasis;
  amount: Pence;
  /** the product, for unit prices */
  code?: string;
  /** short text for `scenarios check`, e.g. "total inc VAT" */
  label: string;
}

/** Typical mistakes that give a wrong amount. */
export type PriceMistake =
  | 'undiscounted'
  | 'offer-wrongly-applied'
  | 'free-items-charged'
  | 'discount-kept-after-change'
  | 'ex-vat-as-total'
  | 'delivery-charge-wrongly-added'
  | 'delivery-charge-omitted'
  | 'previous-total'
  | 'charge-not-deducted'
  | 'charge-vat-wrong'
  | 'refund-ex-vat';

/** A wrong amount an adviser might give, and why it is wrong. */
export interface WrongPriceFigure extends PriceFigure {
  mistake: PriceMistake;
  why: string;
}

/** The part a date plays. */
export type DateRole =
  | 'delivery'
  | 'back-order-delivery'
  | 'alternative-delivery'
  | 'split-second-delivery'
  | 'revised-delivery'
  | 'promised-delivery'
  | 'collection-earliest'
  | 'cancellation-period-ends'
  | 'return-period-ends'
  | 'update-by'
  | 'supplier-arrival'
  | 'order-day';

/** A correct date. */
export interface DateFigure {
  id: string;
  role: DateRole;
  option?: OptionId;
  date: LocalDate;
  /** true when any working day from `date` on is also right (a collection date) */
  anyWorkingDayFrom?: boolean;
  /** a fact, not a date to promise (the supplier's arrival, the day an order counts as placed) */
  informational?: boolean;
  label: string;
}

/** Typical mistakes that give a wrong date. */
export type DateMistake =
  | 'cut-off-ignored'
  | 'non-working-day-counted'
  | 'bank-holiday-counted'
  | 'bank-holiday'
  | 'customer-date'
  | 'supplier-date-as-delivery'
  | 'original-date-kept'
  | 'too-early'
  | 'period-miscounted';

/** A wrong date an adviser might give, and why it is wrong. */
export interface WrongDateFigure {
  id: string;
  role: DateRole;
  option?: OptionId;
  date: LocalDate;
  mistake: DateMistake;
  why: string;
}

/** One planned delivery of some lines. */
export interface PlannedDelivery {
  date: LocalDate;
  role: DateRole;
  lines: { code: string; qty: number }[];
}

/** One course the call can take, priced and dated. */
export interface TruthOption {
  id: OptionId;
  label: string;
  lines: { code: string; name: string; qty: number }[];
  price?: PricedOrder;
  freeItems: FreeItem[];
  deliveries: PlannedDelivery[];
  /** the last delivery is on or before the customer's needed-by date */
  meetsNeededBy?: boolean;
  /** on account: the total fits the available credit */
  fitsCredit?: boolean;
  /** what the customer chooses, per the scenario's `wants.choices` */
  chosenByCustomer?: boolean;
  note?: string;
}

/** The account's credit against the order, and the routes when it does not fit. */
export interface CreditTruth extends CreditPosition {
  option: OptionId;
  termsDays: number;
  termsFrom: string;
  /** the order may be promised on account */
  onAccountAllowed: boolean;
  /** when it does not fit: the routes the adviser may offer */
  routes: { route: CreditRoute; label: string }[];
  referTo?: { team: TeamId; name: string; replyWithin?: string };
  reduced?: { code: string; qty: number; goods: Pence; total: Pence };
}

/** A problem the adviser must explain: what went wrong and where things stand. */
export interface ProblemTruth {
  kind: 'out-of-stock' | 'damaged-in-picking' | 'transit-damage' | 'carrier-delay' | 'late-delivery' | 'outside-return-period';
  summary: string;
  facts: { id: string; statement: string }[];
}

/** A referral the adviser is expected to make. */
export interface EscalationTruth {
  team: TeamId;
  teamName: string;
  reason: string;
  /** where the expectation comes from */
  source: 'rubric' | 'computed';
  goodwill?: { amount: Pence; needsApproval: boolean; approver: string };
  workingDaysLate?: number;
}

/** A term statement built from the organisation's data. */
export interface TermStatement {
  id: TermId;
  statement: string;
  figures: { days?: number; amount?: Pence; basis?: PriceBasis; date?: LocalDate; email?: string; paymentMethod?: string };
}

/** The terms `explain_terms` needs: all groups, one term of each. */
export interface TermsTruth {
  required: { anyOf: TermStatement[] }[];
}

/** What follow-up the situation calls for, and its limits. */
export interface FollowUpTruth {
  /** an order confirmation email goes out within this many hours */
  confirmationEmailWithinHours?: number;
  confirmationEmailTo?: string;
  /** the customer must be updated no later than this day */
  updateBy?: LocalDate;
  /** a referral's reply time, e.g. Credit Control */
  referralReply?: { team: TeamId; within: string };
  /** collection and refund */
  collection?: { earliest: LocalDate; refundWithin: { days: number; working: boolean }; refundMethod: string };
  /** the new address waits for an email from here */
  addressConfirmationFrom?: string;
  /** the rubric's note on what counts */
  note?: string;
}

/** Everything right (and typically wrong) about a scenario. */
export interface Truths {
  scenarioId: string;
  organisationId: string;
  clock: ScenarioClock;
  direction: 'inbound' | 'outbound';
  purpose: 'place' | 'change' | 'cancel' | 'chase' | 'update';
  customerType: CustomerType;
  /** the calendar rules (to test "any working day from" dates): `makeCalendar(truths.calendar)` */
  calendar: CalendarRules;
  /** the option the call is mainly about (its price is the one `state_price` looks for first) */
  mainOption: OptionId;
  options: TruthOption[];
  prices: { correct: PriceFigure[]; wrong: WrongPriceFigure[] };
  dates: { correct: DateFigure[]; wrong: WrongDateFigure[] };
  credit?: CreditTruth;
  /** availability of what the customer asks for (and listed alternatives) */
  stock: Availability[];
  offers: {
    /** offers that apply to the main option: the adviser should mention them */
    apply: (AppliedOffer & { option: OptionId })[];
    /** offers the order touches that do not apply: promising one is a price error */
    doNotApply: (OfferNotApplied & { option: OptionId })[];
  };
  problems: ProblemTruth[];
  escalation: EscalationTruth[];
  followUp: FollowUpTruth;
  terms: TermsTruth;
  neededBy?: { date: LocalDate; kind: 'deadline' | 'hope'; metBy: OptionId[]; missedBy: OptionId[] };
  amendment?: Amendment;
  return?: ReturnPlan;
  lateness?: Lateness;
  /** the criteria marked, and the pass rule */
  rubric: { criteria: CriterionId[]; weights: Partial<Record<CriterionId, number>>; minScore: number; keyCriteria: CriterionId[] };
  /** plain-English explanations for tutors (cut-off, bank holidays, offers lost…) */
  notes: string[];
}
