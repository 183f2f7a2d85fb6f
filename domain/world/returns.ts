/**
 * Returns after delivery. Business customers return unused goods within the returns period
 * (refund as a credit note, less a collection charge for bulky items); private customers
 * cancel within the cancellation period starting the day after delivery (refund to the
 * original payment method, including the delivery charge, less the collection charge).
 * Periods, charges and their VAT basis come from the organisation's `returns` data.
 */
import { addDays, compareDates, type LocalDate } from '../dates.js';
import { roundHalfUp, type Pence } from '../money.js';
import type { Organisation } from '../scenario/organisation.js';
import { calendarFor } from './calendar.js';
import { product } from './catalogue.js';
import { WorldError } from './errors.js';
import type { OfferLine } from './offers.js';
import { priceOfOrder, type OrderRecord } from './orders.js';
import { withVat, type CustomerType } from './pricing.js';

/** What is being returned and when. */
export interface ReturnRequest {
  customerType: CustomerType;
  /** today's date (the call) */
  today: LocalDate;
  faulty: boolean;
  /** omit for the whole order */
  items?: OfferLine[];
  /** the collection date asked for, if any */
  collectionDate?: LocalDate;
}

/** A return worked out under the organisation's policy. */
export interface ReturnPlan {
  policy: 'business-return' | 'private-cancellation';
  delivered: LocalDate;
  /** first day of the period */
  periodStarts: LocalDate;
  /** last day the customer may return / cancel */
  periodEnds: LocalDate;
  withinPeriod: boolean;
  wholeOrder: boolean;
  items: OfferLine[];
  bulky: boolean;
  /** inc VAT: the price paid for the returned goods */
  goodsPaid: Pence;
  /** inc VAT: delivery charge refunded (private cancellation of the whole order) */
  deliveryRefund: Pence;
  chargeApplies: boolean;
  /** collection charge as the policy states it, and its basis */
  charge: Pence;
  chargeBasis: 'ex-vat' | 'inc-vat';
  chargeIncVat: Pence;
  /** inc VAT */
  refund: Pence;
  /** the refund before VAT, for a business customer (when it adds up to `refund` with VAT) */
  refundExVat?: Pence;
  refundMethod: 'credit-note' | 'original-payment';
  /** refund deadline counted from collection */
  refundWithin: { days: number; working: boolean };
  earliestCollection: LocalDate;
  /** when a collection date was asked for: whether it can be booked, and the refund deadline */
  collection?: { date: LocalDate; bookable: boolean; refundBy: LocalDate };
}

/** A business refund said before VAT: the goods' net price less the charge's, kept only when it is exactly the refund with VAT added. */
function exVatRefund(org: Organisation, isPrivate: boolean, goodsNet: Pence, charge: Pence, basis: 'ex-vat' | 'inc-vat', refund: Pence): { refundExVat: Pence } | undefined {
  if (isPrivate || refund <= 0 || (charge > 0 && basis !== 'ex-vat')) return undefined;
  const ex = goodsNet - charge;
  return ex > 0 && withVat(org, ex) === refund ? { refundExVat: ex } : undefined;
}

/** Work out a return of `order` (which must have been delivered). */
export function planReturn(org: Organisation, order: OrderRecord & { delivered?: LocalDate }, req: ReturnRequest): ReturnPlan {
  if (!order.delivered) {
    throw new WorldError('not-delivered', `order ${order.number} has not been delivered; cancel it instead`, { orderNumber: order.number });
  }
  const cal = calendarFor(org);
  const delivered = order.delivered;
  const paid = priceOfOrder(org, order, req.customerType);
  const wholeOrder = req.items === undefined;
  const items = req.items ?? order.lines.map((l) => ({ code: l.code, qty: l.qty }));
  let goodsNet = 0;
  for (const it of items) {
    const line = paid.lines.find((l) => l.code === it.code.toUpperCase());
    if (!line) throw new WorldError('unknown-line', `order ${order.number} has no ${it.code} line`, { orderNumber: order.number, code: it.code });
    if (it.qty > line.qty) throw new WorldError('bad-quantity', `cannot return ${it.qty} of ${line.qty} × ${line.code}`, { orderNumber: order.number });
    goodsNet += line.unitNet * it.qty;
  }
  const bulky = items.some((it) => product(org, it.code).bulky);
  const goodsPaid = wholeOrder ? paid.total - withVat(org, paid.deliveryCharge) : withVat(org, goodsNet);
  const earliestCollection = cal.addWorkingDays(req.today, org.returns.earliestCollectionWorkingDays);

  const isPrivate = req.customerType === 'private';
  const policy = isPrivate ? org.returns.private : org.returns.business;
  const periodStarts = isPrivate && org.returns.private.periodStarts === 'delivery-day' ? delivered : addDays(delivered, 1);
  const periodEnds = addDays(periodStarts, policy.periodDays - 1);
  const chargeApplies = bulky && !(req.faulty && policy.freeIfFaulty);
  const charge = chargeApplies ? policy.collectionCharge : 0;
  const chargeIncVat = policy.chargeBasis === 'inc-vat' ? charge : withVat(org, charge);
  const deliveryRefund =
    isPrivate && wholeOrder && org.returns.private.refundIncludesDeliveryCharge ? withVat(org, paid.deliveryCharge) : 0;
  const refund = Math.max(0, goodsPaid + deliveryRefund - chargeIncVat);
  const refundWithin = isPrivate
    ? { days: org.returns.private.refundWithinDays, working: false }
    : { days: org.returns.business.refundWithinWorkingDays, working: true };

  const plan: ReturnPlan = {
    policy: isPrivate ? 'private-cancellation' : 'business-return',
    delivered,
    periodStarts,
    periodEnds,
    withinPeriod: compareDates(req.today, periodEnds) <= 0,
    wholeOrder,
    items,
    bulky,
    goodsPaid,
    deliveryRefund,
    chargeApplies,
    charge,
    chargeBasis: policy.chargeBasis,
    chargeIncVat,
    refund,
    ...(exVatRefund(org, isPrivate, goodsNet, charge, policy.chargeBasis, refund) ?? {}),
    refundMethod: isPrivate ? 'original-payment' : 'credit-note',
    refundWithin,
    earliestCollection,
  };
  if (req.collectionDate) {
    const d = req.collectionDate;
    plan.collection = {
      date: d,
      bookable: cal.isWorkingDay(d) && compareDates(d, earliestCollection) >= 0,
      refundBy: refundWithin.working ? cal.addWorkingDays(d, refundWithin.days) : addDays(d, refundWithin.days),
    };
  }
  return plan;
}

/** The ex-VAT part of an inc-VAT amount (for showing a charge stated inc VAT). */
export function exVatPart(org: Pick<Organisation, 'vat'>, incVat: Pence): Pence {
  return roundHalfUp((incVat * 100) / (100 + org.vat.ratePercent));
}
