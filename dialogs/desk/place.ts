/** `/place <code> <qty> …`: places the order on the caller's account; refused over the available credit. */
import { linesArg, tokens } from './args.js';
import { linesSummary, pounds } from './format.js';
import { callerAccount, availableNow } from './lookup.js';
import { confirmationLine, createOrder, orderSummaryLine, statusLine } from './newOrder.js';
import { quoteNow } from './quote.js';
import { sheetText, type DeskSheet } from './sheet.js';
import type { DeskContext, DeskReply } from './types.js';

function teamName(ctx: DeskContext): { id: string; name: string } {
  const org = ctx.loaded.organisation;
  return { id: org.credit.referTo, name: org.teams[org.credit.referTo].name };
}

/** Places the order on account, or refuses it with the figures and the options. */
export function placeCommand(ctx: DeskContext, args: string): DeskReply {
  const lines = linesArg(ctx.loaded.organisation, 'place', tokens(args));
  const q = quoteNow(ctx, lines);
  const account = callerAccount(ctx);
  if (!account) {
    ctx.state.pending = { lines, from: 'card-only' };
    const sheet: DeskSheet = {
      title: 'Order NOT placed · private customer (no account)',
      rows: [
        { text: `${linesSummary(q.price)} · Total ${pounds(q.price.total)} inc VAT` },
        { text: 'Private customers pay by card when ordering: take payment through the secure payment line (/pay).', emphasis: true },
      ],
    };
    return { text: sheetText(sheet), events: [{ kind: 'place', ok: false, total: q.price.total, refusedReason: 'card-only' }] };
  }
  if (!q.delivery) {
    const short = q.availability.filter((a) => !a.enough).map((a) => a.code);
    const sheet: DeskSheet = {
      title: `Order NOT placed · account ${account.number}`,
      rows: [
        { text: `${short.join(', ')} out of stock with no supplier delivery due: no delivery date can be given.`, emphasis: true },
        { text: 'Offer the listed alternative, or raise a stock query (/refer purchasing).' },
      ],
    };
    return { text: sheetText(sheet), events: [{ kind: 'place', ok: false, refusedReason: 'no-delivery-date' }] };
  }
  const available = availableNow(ctx, account);
  if (available !== undefined && q.price.total > available) {
    ctx.state.pending = { lines, from: 'refused' };
    const team = teamName(ctx);
    const sheet: DeskSheet = {
      title: `Order NOT placed · account ${account.number}`,
      rows: [
        { text: `${linesSummary(q.price)} · Total ${pounds(q.price.total)} inc VAT` },
        { text: `REFUSED: total exceeds available credit (${pounds(available)}) by ${pounds(q.price.total - available)}.`, emphasis: true },
        { label: 'Options', text: `refer to ${team.name} (/refer ${team.id}), card payment through the secure payment line (/pay), or reduce the order.` },
      ],
    };
    return {
      text: sheetText(sheet),
      events: [{ kind: 'place', ok: false, total: q.price.total, refusedReason: 'over-credit' }],
    };
  }
  const order = createOrder(ctx, lines, q, { method: 'account' });
  const after = availableNow(ctx, account);
  const sheet: DeskSheet = {
    title: `Order ${order.number} placed on account ${account.number}`,
    rows: [
      { text: orderSummaryLine(q) },
      { text: statusLine(ctx, q) },
      ...(after !== undefined ? [{ label: 'Available credit after this order', text: pounds(after) }] : []),
      { text: confirmationLine(ctx, order) },
    ],
  };
  return {
    text: sheetText(sheet),
    events: [{ kind: 'place', ok: true, order: order.number, total: q.price.total, delivery: order.due }],
  };
}
