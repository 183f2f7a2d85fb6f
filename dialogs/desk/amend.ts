/** `/amend <order-no> <code> <qty>`: sets a line's quantity on an order awaiting dispatch. */
import { DESK_USAGE, productCodeArg, quantityArg, referenceArg, tokens } from './args.js';
import { applyChange, differenceText, offerChangeRows, planChange, redatedText } from './change.js';
import { DeskUsageError } from './errors.js';
import { pounds, totalsText } from './format.js';
import { availableNow, callerAccount, orderByNumber } from './lookup.js';
import { confirmationLine } from './newOrder.js';
import { refuseIfNotChangeable } from './notChangeable.js';
import { offerPercent, pricedLineRows } from './orderPrice.js';
import { sheetText, type DeskSheet } from './sheet.js';
import type { DeskContext, DeskReply } from './types.js';

/** Amends the order, showing the new totals and delivery date. */
export function amendCommand(ctx: DeskContext, args: string): DeskReply {
  const t = tokens(args);
  if (t.length !== 3) throw new DeskUsageError('amend', 'Give the order number, one product code and its new quantity.', DESK_USAGE.amend);
  const order = orderByNumber(ctx, 'amend', referenceArg('amend', t[0], 'order'));
  const code = productCodeArg(ctx.loaded.organisation, 'amend', t[1]);
  const qty = quantityArg('amend', t[2], true);
  const refused = refuseIfNotChangeable(ctx, order, 'amended');
  if (refused) return refused;
  const before = order.lines.find((l) => l.code === code)?.qty ?? 0;
  if (before === qty) {
    return { text: `Order ${order.number}: ${code} is already ${qty}. Nothing changed.`, events: [] };
  }
  const a = planChange(ctx, order, [{ kind: 'set-quantity', code, qty }]);
  if (a.cancelled) {
    return { text: `Order ${order.number} NOT amended: that would leave no lines. To cancel the order use /cancel ${order.number}.`, events: [] };
  }
  const account = callerAccount(ctx);
  const available = account && order.payment.method === 'account' ? availableNow(ctx, account) : undefined;
  if (available !== undefined && a.difference > available) {
    const sheet: DeskSheet = {
      title: `Order ${order.number} NOT amended`,
      rows: [{ text: `REFUSED: the increase (${pounds(a.difference)} inc VAT) exceeds available credit (${pounds(available)}).`, emphasis: true }],
    };
    return { text: sheetText(sheet), events: [] };
  }
  applyChange(ctx, order, a);
  const after = a.after!;
  const sheet: DeskSheet = {
    title: `Order ${order.number} amended: ${code} quantity ${before} → ${qty}`,
    rows: [
      ...pricedLineRows(after, false, offerPercent(ctx)).map((text) => ({ text })),
      ...offerChangeRows(ctx, a),
      { text: `${totalsText(after)} ${differenceText(a)}` },
      { text: redatedText(ctx, a) },
      { text: `Status: awaiting dispatch · ${confirmationLine(ctx, order, 'Updated confirmation')}` },
    ],
  };
  return {
    text: sheetText(sheet),
    events: [{ kind: 'amend', ok: true, order: order.number }],
  };
}

