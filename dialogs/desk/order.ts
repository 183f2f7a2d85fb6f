/** `/order <order-no>`: lines, totals, status, dates, carrier, tracking, notes. */
import type { OrderProblem } from '../../domain/scenario/schema.js';
import { referenceArg, tokens } from './args.js';
import { clockText, dayMonth, longDate, pounds, shortDate } from './format.js';
import { callerAccount, orderByNumber } from './lookup.js';
import { offerPercent, priceOfDeskOrder, pricedLineRows } from './orderPrice.js';
import { sheetCard, sheetText, type DeskSheet, type SheetRow } from './sheet.js';
import type { DeskContext, DeskOrder, DeskReply } from './types.js';


function problemText(p: OrderProblem): string {
  switch (p.type) {
    case 'damaged-in-picking':
      return `${p.qty} × ${p.code} damaged in picking (noted ${clockText(p.noted)}); the other units dispatch ${dayMonth(p.othersDispatch)}; replacements arrive from the supplier ${dayMonth(p.replacementArrives)}`;
    case 'transit-damage':
      return `${p.what}; held at ${p.heldAt}; redelivery ${longDate(p.redelivery)}`;
    case 'carrier-delay':
      return `${p.what}${p.redelivery ? `; redelivery ${longDate(p.redelivery)}` : ''}`;
  }
}

function statusRows(o: DeskOrder): SheetRow[] {
  const placed = o.channel === 'website' ? shortDate(o.placedAt.date) : clockText(o.placedAt);
  switch (o.status) {
    case 'awaiting-dispatch': {
      const rows: SheetRow[] = [{ text: `Placed ${placed} · Status: awaiting dispatch · Delivery due ${longDate(o.due)}` }];
      if (o.amended) rows.push({ text: `Amended ${clockText(o.pricedAt)}${o.due !== o.promised ? ` · was due ${longDate(o.promised)}` : ''}` });
      return rows;
    }
    case 'dispatched': {
      const d = o.dispatch;
      const rows: SheetRow[] = [{ text: `Placed ${placed} · Promised delivery ${longDate(o.promised)}` }];
      const parts = [`Status: dispatched${d ? ` ${shortDate(d.date)}` : ''}`];
      if (d?.carrier) parts.push(`Carrier: ${d.carrier}`);
      if (d?.tracking) parts.push(`Tracking ${d.tracking.number}`);
      rows.push({ text: parts.join(' · ') });
      if (d?.tracking) rows.push({ label: 'Tracking', text: d.tracking.status });
      return rows;
    }
    case 'delivered':
      return [{ text: `Placed ${placed} · Delivered ${o.delivered ? shortDate(o.delivered) : 'date not recorded'} · Status: delivered` }];
    case 'cancelled':
      return [{ text: `Placed ${placed} · Status: cancelled`, emphasis: true }];
  }
}

/** The screen of one order. */
export function orderSheet(ctx: DeskContext, o: DeskOrder): DeskSheet {
  const account = callerAccount(ctx);
  const owner =
    o.account !== undefined
      ? `account ${o.account}${account && account.number.toUpperCase() === o.account ? ` ${account.name}` : ''}`
      : `${o.channel} order, private customer (no account)`;
  const rows: SheetRow[] = [];
  if (o.account === undefined) {
    const id = ctx.loaded.scenario.customer.identity;
    rows.push({ label: 'Customer', text: [ctx.loaded.scenario.customer.name, id.address, id.phone, id.email].join(' · ') });
  }
  rows.push(...statusRows(o));
  if (o.status !== 'cancelled' || o.lines.length > 0) {
    const p = priceOfDeskOrder(ctx, o);
    for (const line of pricedLineRows(p, true, offerPercent(ctx))) rows.push({ text: line });
    const delivery = p.deliveryFree ? 'Delivery free' : `Delivery ${pounds(p.deliveryCharge)}`;
    const paidBy = o.payment.method === 'account' ? 'on account' : `paid by ${o.payment.card}`;
    rows.push({ text: `Goods ${pounds(p.goods)} ex VAT · ${delivery} · VAT ${pounds(p.vat)} · Total ${pounds(p.total)} inc VAT · ${paidBy}` });
    if (o.payment.method === 'card') rows.push({ label: 'Paid', text: `${pounds(p.total)} by ${o.payment.card}` });
  }
  rows.push({ label: 'Deliver to', text: o.deliverTo });
  if (o.pendingAddress) rows.push({ label: 'Address change requested', text: `${o.pendingAddress} (PENDING email confirmation)`, emphasis: true });
  for (const n of o.notes) rows.push({ label: `Note (${clockText(n.at).replace(/ \d{4} /, ' ')})`, text: n.text });
  // Problems are shown when no note or tracking status on the order already says what happened.
  if (o.notes.length === 0 && !o.dispatch?.tracking) for (const p of o.problems) rows.push({ label: 'Problem', text: problemText(p) });
  if (o.collection) rows.push({ label: 'Collection booked', text: `${longDate(o.collection.date)} · refund ${pounds(o.collection.refund)}` });
  return { title: `Order ${o.number} · ${owner}`, rows };
}

/** Shows the order. */
export function orderCommand(ctx: DeskContext, args: string): DeskReply {
  const ref = referenceArg('order', tokens(args)[0], 'order');
  const o = orderByNumber(ctx, 'order', ref);
  const sheet = orderSheet(ctx, o);
  return { text: sheetText(sheet), card: sheetCard(sheet), events: [{ kind: 'order', order: o.number, found: true }] };
}
