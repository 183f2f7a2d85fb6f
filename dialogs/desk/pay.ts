/**
 * `/pay`: transfers the caller to the secure payment line to pay by card for the order last
 * quoted or refused; the desk reports the result. Whether the caller pays is theirs to decide
 * (`DeskContext.securePaymentLine`, the simulated customer in a call); without one, the caller
 * pays when the scenario says they will pay by card.
 */
import type { Scenario } from '../../domain/scenario/schema.js';
import { DESK_USAGE, tokens } from './args.js';
import { DeskUsageError } from './errors.js';
import { linesSummary, longDate, pounds } from './format.js';
import { callerAccount } from './lookup.js';
import { confirmationLine, createOrder } from './newOrder.js';
import { quoteNow } from './quote.js';
import { sheetText, type DeskSheet } from './sheet.js';
import type { DeskContext, DeskReply } from './types.js';

/** Whether the scenario's customer goes ahead with a card payment. */
export function willPayByCard(s: Scenario): boolean {
  return s.customer.type === 'private' || s.wants.payment === 'card' || (s.wants.choices.overCredit ?? []).some((c) => c.route === 'card');
}

/** Takes the card payment and creates the order, or reports that the caller did not pay. */
export function payCommand(ctx: DeskContext, args: string): DeskReply {
  if (tokens(args).length > 0) throw new DeskUsageError('pay', '/pay takes no arguments: it takes payment for the order you last quoted or tried to place.', DESK_USAGE.pay);
  const pending = ctx.state.pending;
  if (!pending) {
    throw new DeskUsageError('pay', 'Nothing to pay for yet: quote the order first (/quote <code> <qty>), then transfer the caller with /pay.', DESK_USAGE.pay);
  }
  const q = quoteNow(ctx, pending.lines);
  const amount = pounds(q.price.total);
  const head = `Secure payment line: caller transferred to pay for ${linesSummary(q.price)}, ${amount} inc VAT.`;
  if (!q.delivery) {
    const sheet: DeskSheet = { title: head, rows: [{ text: 'Payment NOT taken: an item has no delivery date (out of stock, no supplier delivery due).', emphasis: true }, { text: 'Caller is back with you.' }] };
    return { text: sheetText(sheet), events: [] };
  }
  const paid = ctx.securePaymentLine ? ctx.securePaymentLine(q.price.total) : willPayByCard(ctx.loaded.scenario);
  if (!paid) {
    const sheet: DeskSheet = {
      title: head,
      rows: [
        { label: 'Payment result', text: 'NOT TAKEN · the caller did not go ahead with a card payment', emphasis: true },
        { text: 'No order created. Caller is back with you.' },
      ],
    };
    return { text: sheetText(sheet), events: [] };
  }
  const order = createOrder(ctx, pending.lines, q, { method: 'card', card: 'card (secure payment line)' });
  const account = callerAccount(ctx);
  const sheet: DeskSheet = {
    title: head,
    rows: [
      { label: 'Payment result', text: `AUTHORISED · ${amount} by card (card details taken by the secure line, not shown to the adviser)` },
      { text: `Order ${order.number} created${account ? ` for ${account.number}` : ''}, paid by card · Status: awaiting dispatch · Delivery: ${longDate(order.due)}` },
      { text: confirmationLine(ctx, order) },
      { text: 'Caller is back with you.' },
    ],
  };
  return {
    text: sheetText(sheet),
    events: [{ kind: 'place', ok: true, order: order.number, total: q.price.total, delivery: order.due }],
  };
}
