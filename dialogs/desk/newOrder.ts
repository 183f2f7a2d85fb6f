/** Creating an order on the desk (from `/place` on account or `/pay` by card). */
import type { Quote } from '../../domain/world/quote.js';
import { longDate, pounds, shortDate, unitText } from './format.js';
import { callerAccount, registeredEmail } from './lookup.js';
import { takeOrderNumber } from './state.js';
import type { DeskContext, DeskLine, DeskOrder } from './types.js';

/** Adds a new order for `lines` (priced by `q`) to the desk, takes the stock and returns it. */
export function createOrder(ctx: DeskContext, lines: readonly DeskLine[], q: Quote, payment: DeskOrder['payment']): DeskOrder {
  const account = callerAccount(ctx);
  const identity = ctx.loaded.scenario.customer.identity;
  const due = q.delivery as string;
  const order: DeskOrder = {
    number: takeOrderNumber(ctx.state),
    ...(account ? { account: account.number.toUpperCase() } : {}),
    channel: 'phone',
    placedAt: ctx.clock,
    pricedAt: ctx.clock,
    amended: false,
    lines: lines.map((l) => ({ code: l.code, qty: l.qty })),
    status: 'awaiting-dispatch',
    due,
    promised: due,
    deliverTo: identity.deliveryAddress ?? account?.deliveryAddress ?? account?.billingAddress ?? identity.address,
    payment,
    notes: [],
    problems: [],
    placedInCall: true,
  };
  for (const l of lines) {
    const entry = ctx.state.stock[l.code];
    if (entry) entry.onHand = Math.max(0, entry.onHand - l.qty);
  }
  if (payment.method === 'account') ctx.state.committedOnAccount += q.price.total;
  ctx.state.orders.push(order);
  ctx.state.pending = undefined;
  return order;
}

/** "6 × CH-ERG-200 @ £134.10 (chair multi-buy) · Goods £804.60 · Delivery free · VAT £160.92 · Total £965.52 inc VAT" */
export function orderSummaryLine(q: Quote): string {
  const p = q.price;
  const items = p.lines.map((l) => `${l.qty} × ${l.code} ${unitText(l)}`);
  const free = p.freeItems.map((f) => `${f.qty} × ${f.code} free`);
  const delivery = p.deliveryFree ? 'Delivery free' : `Delivery ${pounds(p.deliveryCharge)}`;
  return [...items, ...free, `Goods ${pounds(p.goods)}`, delivery, `VAT ${pounds(p.vat)}`, `Total ${pounds(p.total)} inc VAT`].join(' · ');
}

/** "Status: awaiting dispatch · Counts as placed Thu 12 Mar 2026 (after 14:00) · Delivery: Tuesday 17 March 2026" */
export function statusLine(ctx: DeskContext, q: Quote): string {
  const parts = ['Status: awaiting dispatch'];
  if (q.order.afterCutOff) parts.push(`Counts as placed ${shortDate(q.order.orderDay)} (after ${ctx.loaded.organisation.delivery.cutOff})`);
  else if (q.order.nonWorkingDay) parts.push(`Counts as placed ${shortDate(q.order.orderDay)} (not a working day today)`);
  parts.push(`Delivery: ${longDate(q.delivery as string)}${q.backOrdered ? ' (back-order)' : ''}`);
  return parts.join(' · ');
}

/** "Order confirmation email to … within 1 hour" */
export function confirmationLine(ctx: DeskContext, order: DeskOrder, what = 'Order confirmation'): string {
  const hours = ctx.loaded.organisation.changes.confirmationEmailWithinHours;
  return `${what} email to ${registeredEmail(ctx, order)} within ${hours} hour${hours === 1 ? '' : 's'}`;
}
