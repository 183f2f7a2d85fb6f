/**
 * A quote for an order placed now: price breakdown, stock and the delivery date
 * (standard, or later when a line must wait for a supplier delivery).
 */
import { compareDates, type LocalDate, type ScenarioClock } from '../dates.js';
import type { Organisation } from '../scenario/organisation.js';
import { calendarFor } from './calendar.js';
import { standardDelivery, type OrderDay } from './delivery.js';
import type { OfferLine } from './offers.js';
import { priceOrder, type CustomerType, type PricedOrder } from './pricing.js';
import { availability, type Availability, type StockTable } from './stock.js';

/** What the order system needs to quote. */
export interface QuoteContext {
  organisation: Organisation;
  stock: StockTable;
  customerType: CustomerType;
}

/** A quote for an order placed at the clock. */
export interface Quote {
  price: PricedOrder;
  order: OrderDay;
  availability: Availability[];
  /** some line is short and waits for a supplier delivery */
  backOrdered: boolean;
  /** the delivery date of the whole order; undefined when a short line has no supplier date */
  delivery?: LocalDate;
  /** standard delivery had everything been in stock */
  standardDelivery: LocalDate;
  bankHolidaysSkipped: LocalDate[];
}

/** Quote `lines` for an order placed at `clock`. */
export function quoteOrder(ctx: QuoteContext, lines: readonly OfferLine[], clock: ScenarioClock): Quote {
  const org = ctx.organisation;
  const cal = calendarFor(org);
  const price = priceOrder(org, lines, { date: clock.date, customerType: ctx.customerType });
  const std = standardDelivery(org, clock, cal);
  const avail = lines.map((l) => availability(org, ctx.stock, l.code, l.qty));
  let delivery: LocalDate | undefined = std.date;
  for (const a of avail) {
    if (a.enough) continue;
    if (!a.backOrderDelivery) {
      delivery = undefined;
      break;
    }
    if (delivery && compareDates(a.backOrderDelivery, delivery) > 0) delivery = a.backOrderDelivery;
  }
  return {
    price,
    order: std.order,
    availability: avail,
    backOrdered: avail.some((a) => !a.enough),
    ...(delivery ? { delivery } : {}),
    standardDelivery: std.date,
    bankHolidaysSkipped: std.bankHolidaysSkipped,
  };
}
