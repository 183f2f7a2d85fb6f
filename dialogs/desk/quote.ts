/** `/quote <code> <qty> …`: price breakdown, stock and delivery date for an order placed now. */
import { withVat } from '../../domain/world/pricing.js';
import { quoteOrder, type Quote } from '../../domain/world/quote.js';
import { linesArg, tokens } from './args.js';
import { bankHolidayText, longDate, offerRows, orderDayText, pounds, totalsText } from './format.js';
import { callerAccount, customerType } from './lookup.js';
import { sheetCard, sheetText, type DeskSheet, type SheetRow } from './sheet.js';
import type { DeskContext, DeskLine, DeskReply } from './types.js';

/** Quote `lines` for an order placed at the desk's clock on the caller's account. */
export function quoteNow(ctx: DeskContext, lines: readonly DeskLine[]): Quote {
  const world = { organisation: ctx.loaded.organisation, stock: ctx.state.stock, customerType: customerType(ctx) };
  return quoteOrder(world, lines, ctx.clock);
}

/** "Stock: 42 available" rows for each line (and the listed alternative when short). */
export function stockRows(ctx: DeskContext, q: Quote): SheetRow[] {
  const many = q.availability.length > 1;
  const rows: SheetRow[] = [];
  const parts = q.availability.map((a) => {
    const name = many ? `${a.code} ` : '';
    if (a.onHand === undefined) return `${name}in stock`;
    if (a.enough) return `${name}${a.onHand} available`;
    const next = a.nextDelivery ? `next supplier delivery ${longDate(a.nextDelivery)}` : 'no supplier delivery due';
    return `${name}${a.onHand} free, ${a.short} short (${next})`;
  });
  rows.push({ label: 'Stock', text: parts.join('; '), emphasis: q.backOrdered });
  for (const a of q.availability) {
    if (a.enough || !a.alternative) continue;
    const alt = a.alternative;
    rows.push({ label: 'Listed alternative', text: `${alt.code} ${alt.name}${alt.onHand === undefined ? '' : `, ${alt.onHand} in stock`}` });
  }
  return rows;
}

/** "Delivery: Thursday 9 April 2026 (Fri 3 Apr and Mon 6 Apr are bank holidays)" */
export function deliveryRow(q: Quote): SheetRow {
  if (!q.delivery) return { label: 'Delivery', text: 'no date: an item is out of stock with no supplier delivery due', emphasis: true };
  const notes: string[] = [];
  if (q.backOrdered) {
    const arrivals = q.availability.filter((a) => !a.enough && a.nextDelivery).map((a) => longDate(a.nextDelivery as string));
    notes.push(`back-order: supplier delivery ${[...new Set(arrivals)].join(', ')}`);
  } else {
    const holidays = bankHolidayText(q.bankHolidaysSkipped);
    if (holidays) notes.push(holidays);
  }
  return { label: 'Delivery', text: `${longDate(q.delivery)}${notes.length ? ` (${notes.join('; ')})` : ''}` };
}

/** The quote screen. */
export function quoteSheet(ctx: DeskContext, q: Quote): DeskSheet {
  const org = ctx.loaded.organisation;
  const account = callerAccount(ctx);
  const who = account ? `account ${account.number}` : 'private customer (card payment)';
  const rows: SheetRow[] = q.price.lines.map((l) => ({
    text:
      customerType(ctx) === 'private'
        ? `${l.qty} × ${l.code} ${l.name} @ ${pounds(withVat(org, l.unitList))} inc VAT (${pounds(l.unitList)} ex VAT)`
        : `${l.qty} × ${l.code} ${l.name} @ ${pounds(l.unitList)}`,
  }));
  for (const o of offerRows(org, q.price)) rows.push({ label: 'Offer', text: o });
  rows.push({ text: totalsText(q.price) });
  rows.push(...stockRows(ctx, q));
  rows.push(deliveryRow(q));
  return { title: `Quote · ${who} · order placed now (${orderDayText(q.order, org.delivery.cutOff)})`, rows };
}

/** Quotes the lines and remembers them as the order `/pay` would take payment for. */
export function quoteCommand(ctx: DeskContext, args: string): DeskReply {
  const lines = linesArg(ctx.loaded.organisation, 'quote', tokens(args));
  const q = quoteNow(ctx, lines);
  for (const a of q.availability) if (!a.enough && !ctx.state.shortCodes.includes(a.code)) ctx.state.shortCodes.push(a.code);
  ctx.state.pending = { lines, from: 'quote' };
  const sheet = quoteSheet(ctx, q);
  return {
    text: sheetText(sheet),
    card: sheetCard(sheet),
    events: [{ kind: 'quote', ok: true, total: q.price.total, ...(q.delivery ? { delivery: q.delivery } : {}) }],
  };
}
