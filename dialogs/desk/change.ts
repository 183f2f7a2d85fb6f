/** Applying a change to an order on the desk (shared by `/amend` and `/cancel`). */
import { amendOrder, type Amendment, type OrderChange } from '../../domain/world/amendments.js';
import { longDate, offerName, orderDayText, pounds, weekdayDayMonth } from './format.js';
import type { DeskContext, DeskOrder } from './types.js';
import type { SheetRow } from './sheet.js';

/** Works out `changes` on `order` at the desk's clock, without applying them. */
export function planChange(ctx: DeskContext, order: DeskOrder, changes: OrderChange[]): Amendment {
  const customerType = order.account ? 'business' : ctx.loaded.scenario.customer.type;
  return amendOrder(
    ctx.loaded.organisation,
    { number: order.number, placedAt: order.pricedAt, lines: order.lines, status: order.status, promised: order.due },
    changes,
    ctx.clock,
    customerType,
  );
}

/** Applies a worked-out change to the desk's order (and the credit used by orders placed today). */
export function applyChange(ctx: DeskContext, order: DeskOrder, a: Amendment): void {
  if (order.placedInCall && order.payment.method === 'account') ctx.state.committedOnAccount += a.difference;
  order.lines = a.lines.map((l) => ({ code: l.code, qty: l.qty }));
  order.pricedAt = ctx.clock;
  order.amended = true;
  if (a.cancelled) {
    order.status = 'cancelled';
  } else if (a.newDelivery) {
    order.due = a.newDelivery;
  }
}

/** "Total £475.44 inc VAT (was £347.76, +£127.68)" */
export function differenceText(a: Amendment): string {
  const sign = a.difference >= 0 ? '+' : '−';
  return `(was ${pounds(a.before.total)}, ${sign}${pounds(Math.abs(a.difference))})`;
}

/** Rows for offers the change loses or gains. */
export function offerChangeRows(ctx: DeskContext, a: Amendment): SheetRow[] {
  const name = (id: string): string => offerName(ctx.loaded.organisation.offers.find((o) => o.id === id)?.name ?? id);
  const rows: SheetRow[] = [];
  for (const id of a.offersLost) {
    const why = a.after?.offersNotApplied.find((o) => o.offerId === id)?.detail;
    rows.push({ label: 'Offer lost', text: `${name(id)}${why ? ` (${why})` : ''}`, emphasis: true });
  }
  for (const id of a.offersGained) rows.push({ label: 'Offer now applies', text: name(id) });
  return rows;
}

/** "Re-dated from this amendment (Tue 12 May, before 14:00): delivery Friday 15 May 2026 (was Thursday 14 May)" */
export function redatedText(ctx: DeskContext, a: Amendment): string {
  const when = orderDayText(a.amendedAt, ctx.loaded.organisation.delivery.cutOff).replace(/ \d{4}(,| after)/, '$1');
  const was = a.newDelivery === a.previousDelivery ? 'unchanged' : `was ${weekdayDayMonth(a.previousDelivery)}`;
  return `Re-dated from this amendment (${when}): delivery ${longDate(a.newDelivery as string)} (${was})`;
}
