/**
 * Changing an order before dispatch: set a line's quantity, cancel some units of a line,
 * or cancel the whole order. The whole order is repriced with offers re-evaluated on the
 * amendment date (cancelling 2 of 6 chairs can lose a 5+ multi-buy) and re-dated from the
 * amendment time by the standard delivery rule.
 */
import type { LocalDate, ScenarioClock } from '../dates.js';
import type { Pence } from '../money.js';
import type { Organisation } from '../scenario/organisation.js';
import { calendarFor } from './calendar.js';
import { standardDelivery, type OrderDay } from './delivery.js';
import { WorldError } from './errors.js';
import type { OfferLine } from './offers.js';
import { priceOfOrder, promisedDate, type OrderRecord } from './orders.js';
import { priceOrder, type CustomerType, type PricedOrder } from './pricing.js';

/** One change to an order. */
export type OrderChange =
  | { kind: 'set-quantity'; code: string; qty: number }
  | { kind: 'cancel-units'; code: string; qty: number }
  | { kind: 'cancel-order' };

/** The order before and after a change. */
export interface Amendment {
  orderNumber: string;
  changes: OrderChange[];
  before: PricedOrder;
  /** lines after the change (empty when cancelled) */
  lines: OfferLine[];
  /** undefined when nothing is left (order cancelled) */
  after?: PricedOrder;
  cancelled: boolean;
  /** after − before, inc VAT (negative when the order gets cheaper) */
  difference: Pence;
  /** after − before, goods + delivery ex VAT */
  differenceExVat: Pence;
  previousDelivery: LocalDate;
  /** re-dated from the amendment time; undefined when cancelled */
  newDelivery?: LocalDate;
  amendedAt: OrderDay;
  /** offers the order had before and lost */
  offersLost: string[];
  /** offers it gains */
  offersGained: string[];
}

/** True when the order can still be changed free of charge (organisation's rule). */
export function isChangeable(org: Organisation, order: Pick<OrderRecord, 'status'>): boolean {
  return order.status === org.changes.freeWhileStatus;
}

function applyChange(lines: OfferLine[], change: OrderChange, orderNumber: string): OfferLine[] {
  if (change.kind === 'cancel-order') return [];
  const code = change.code.toUpperCase();
  const i = lines.findIndex((l) => l.code === code);
  if (!Number.isInteger(change.qty) || change.qty < 0) {
    throw new WorldError('bad-quantity', `quantity must be a whole number: ${change.qty}`, { change });
  }
  if (change.kind === 'set-quantity') {
    if (i < 0) {
      return change.qty === 0 ? lines : [...lines, { code, qty: change.qty }];
    }
    return change.qty === 0 ? lines.filter((_, j) => j !== i) : lines.map((l, j) => (j === i ? { code, qty: change.qty } : l));
  }
  if (i < 0) throw new WorldError('unknown-line', `order ${orderNumber} has no ${code} line`, { orderNumber, code });
  if (change.qty > lines[i].qty) {
    throw new WorldError('bad-quantity', `cannot cancel ${change.qty} of ${lines[i].qty} × ${code}`, { orderNumber, code });
  }
  const left = lines[i].qty - change.qty;
  return left === 0 ? lines.filter((_, j) => j !== i) : lines.map((l, j) => (j === i ? { code, qty: left } : l));
}

/**
 * Apply `changes` to `order` at `at`. Throws `WorldError('not-changeable')` once the order
 * has left the status in which changes are free (dispatched).
 */
export function amendOrder(
  org: Organisation,
  order: OrderRecord,
  changes: readonly OrderChange[],
  at: ScenarioClock,
  customerType: CustomerType,
): Amendment {
  if (!isChangeable(org, order)) {
    throw new WorldError('not-changeable', `order ${order.number} is ${order.status}; it can only be changed while ${org.changes.freeWhileStatus}`, {
      orderNumber: order.number,
      status: order.status,
    });
  }
  const before = priceOfOrder(org, order, customerType);
  let lines: OfferLine[] = order.lines.map((l) => ({ code: l.code, qty: l.qty }));
  for (const c of changes) lines = applyChange(lines, c, order.number);
  const cancelled = lines.length === 0;
  const after = cancelled ? undefined : priceOrder(org, lines, { date: at.date, customerType });
  const delivery = standardDelivery(org, at, calendarFor(org));
  const had = new Set(before.offersApplied.map((o) => o.offerId));
  const has = new Set((after?.offersApplied ?? []).map((o) => o.offerId));
  return {
    orderNumber: order.number,
    changes: [...changes],
    before,
    lines,
    ...(after ? { after } : {}),
    cancelled,
    difference: (after?.total ?? 0) - before.total,
    differenceExVat: (after?.net ?? 0) - before.net,
    previousDelivery: promisedDate(org, order),
    ...(cancelled ? {} : { newDelivery: delivery.date }),
    amendedAt: delivery.order,
    offersLost: [...had].filter((id) => !has.has(id)),
    offersGained: [...has].filter((id) => !had.has(id)),
  };
}
