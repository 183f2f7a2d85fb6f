/**
 * Collects truth figures while a scenario is analysed: correct and wrong amounts and
 * dates (deduplicated, wrong ones never equal to a right one of the same kind), options,
 * problems, notes. Also the shared context every analysis step reads.
 */
import { formatLongDate, type ScenarioClock } from '../../dates.js';
import { formatPounds, type Pence } from '../../money.js';
import { calendarFor, type WorkingCalendar } from '../../world/calendar.js';
import type { Amendment } from '../../world/amendments.js';
import type { Lateness } from '../../world/lateness.js';
import type { ReturnPlan } from '../../world/returns.js';
import type { AppliedOffer, OfferNotApplied } from '../../world/offers.js';
import type { CustomerType, PricedOrder } from '../../world/pricing.js';
import type { Availability } from '../../world/stock.js';
import type { Organisation } from '../organisation.js';
import type { Scenario } from '../schema.js';
import type {
  CreditTruth,
  DateFigure,
  EscalationTruth,
  FollowUpTruth,
  OptionId,
  PriceBasis,
  PriceFigure,
  PriceWhat,
  ProblemTruth,
  TruthOption,
  WrongDateFigure,
  WrongPriceFigure,
} from './types.js';

/** What every analysis step needs. */
export interface TruthContext {
  scenario: Scenario;
  org: Organisation;
  cal: WorkingCalendar;
  clock: ScenarioClock;
  customerType: CustomerType;
}

/** Build the context for a loaded scenario. */
export function truthContext(scenario: Scenario, org: Organisation): TruthContext {
  return { scenario, org, cal: calendarFor(org), clock: scenario.clock, customerType: scenario.customer.type };
}

const OPTION_LABELS: Record<OptionId, string> = {
  order: 'order',
  alternative: 'alternative',
  'back-order': 'back-order',
  'reduced-within-credit': 'reduced order within credit',
  original: 'order before the change',
  amended: 'amended order',
  'cancel-part': 'after cancelling part',
  'cancel-order': 'order cancelled',
  split: 'split delivery',
  hold: 'hold all for one delivery',
  return: 'return',
  lateness: 'late delivery',
};

/** A readable name for an option. */
export function optionLabel(o: OptionId): string {
  return OPTION_LABELS[o];
}

const BASIS_LABEL: Record<PriceBasis, string> = { 'ex-vat': 'ex VAT', 'inc-vat': 'inc VAT', vat: 'VAT', none: '' };

/** Accumulates the figures of a scenario's truths. */
export class TruthsBuilder {
  readonly correctPrices: PriceFigure[] = [];
  readonly wrongPrices: WrongPriceFigure[] = [];
  readonly correctDates: DateFigure[] = [];
  readonly wrongDates: WrongDateFigure[] = [];
  readonly options: TruthOption[] = [];
  readonly problems: ProblemTruth[] = [];
  readonly escalation: EscalationTruth[] = [];
  readonly stock: Availability[] = [];
  readonly offersApply: (AppliedOffer & { option: OptionId })[] = [];
  readonly offersDoNotApply: (OfferNotApplied & { option: OptionId })[] = [];
  readonly notes: string[] = [];
  followUp: FollowUpTruth = {};
  credit?: CreditTruth;
  amendment?: Amendment;
  return?: ReturnPlan;
  lateness?: Lateness;

  /** Add a correct amount (ignored when its id is already there). */
  price(option: OptionId, what: PriceWhat, basis: PriceBasis, amount: Pence, label: string, code?: string): void {
    const id = [option, what, code, basis].filter(Boolean).join('.');
    if (this.correctPrices.some((f) => f.id === id)) return;
    this.correctPrices.push({ id, option, what, basis, amount, ...(code ? { code } : {}), label: `${optionLabel(option)}: ${label}` });
  }

  /** Add a wrong amount, unless it equals a right one for the same option and thing. */
  wrongPrice(f: Omit<WrongPriceFigure, 'id' | 'label'> & { label: string }): void {
    const clash = this.correctPrices.some((c) => c.amount === f.amount && c.option === f.option && c.what === f.what && c.basis === f.basis);
    const id = [f.option, f.what, f.code, f.basis, f.mistake].filter(Boolean).join('.');
    const same = this.wrongPrices.some((w) => w.id === id || (w.amount === f.amount && w.option === f.option && w.what === f.what && w.basis === f.basis));
    if (clash || same) return;
    this.wrongPrices.push({ ...f, id, label: `${optionLabel(f.option)}: ${f.label}` });
  }

  /** The standard figures of a priced order: totals, VAT, delivery, unit prices, savings. */
  orderFigures(option: OptionId, p: PricedOrder): void {
    this.price(option, 'total', 'inc-vat', p.total, 'total inc VAT');
    this.price(option, 'goods', 'ex-vat', p.goods, 'goods after discounts ex VAT');
    if (p.deliveryCharge > 0) {
      this.price(option, 'total', 'ex-vat', p.net, 'goods + delivery ex VAT');
      this.price(option, 'delivery-charge', 'ex-vat', p.deliveryCharge, 'delivery charge ex VAT');
    }
    this.price(option, 'vat', 'vat', p.vat, `VAT at ${p.vatRatePercent}%`);
    for (const l of p.lines) {
      this.price(option, 'unit', 'ex-vat', l.unitNet, `${l.code} each ex VAT${l.unitDiscount ? ' after discount' : ''}`, l.code);
      if (p.customerType === 'private') this.price(option, 'unit', 'inc-vat', l.unitIncVat, `${l.code} each inc VAT`, l.code);
    }
    if (p.discount > 0) this.price(option, 'saving', 'ex-vat', p.discount, 'offer discount ex VAT');
    const freeWorth = p.freeItems.reduce((s, f) => s + f.worth, 0);
    if (freeWorth > 0) this.price(option, 'saving', 'none', freeWorth, 'free items worth (list price ex VAT)', p.freeItems[0].code);
  }

  /** Add a correct date (ignored when the same role/option/date is there). */
  date(f: Omit<DateFigure, 'id' | 'label'> & { label: string }): void {
    const id = [f.option, f.role].filter(Boolean).join('.');
    const existing = this.correctDates.find((d) => d.id === id);
    if (existing) return;
    this.correctDates.push({ ...f, id, label: `${f.label}: ${formatLongDate(f.date)}` });
  }

  /** Add a wrong date, unless it is right for the same role and option. */
  wrongDate(f: Omit<WrongDateFigure, 'id'>): void {
    const clash = this.correctDates.some((d) => d.date === f.date && d.role === f.role && d.option === f.option);
    const id = [f.option, f.role, f.mistake, f.date].filter(Boolean).join('.');
    if (clash || this.wrongDates.some((w) => w.id === id)) return;
    this.wrongDates.push({ ...f, id });
  }

  /** Add a note for tutors. */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }
}

/** "£965.52 inc VAT" */
export function money(amount: Pence, basis: PriceBasis): string {
  const b = BASIS_LABEL[basis];
  return b ? `${formatPounds(amount)} ${b}` : formatPounds(amount);
}
