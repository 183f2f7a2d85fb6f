/** `/cancel <order-no> [<code> <qty>]`: cancels an order, or some units of a line, before dispatch. */
import { DESK_USAGE, productCodeArg, quantityArg, referenceArg, tokens } from './args.js';
import { applyChange, differenceText, offerChangeRows, planChange, redatedText } from './change.js';
import { DeskUsageError } from './errors.js';
import { longDate, pounds, totalsText } from './format.js';
import { orderByNumber } from './lookup.js';
import { confirmationLine } from './newOrder.js';
import { refuseIfNotChangeable } from './notChangeable.js';
import { offerPercent, pricedLineRows } from './orderPrice.js';
import { sheetText, type DeskSheet } from './sheet.js';
import type { DeskContext, DeskReply } from './types.js';

/** Cancels the whole order or some units of one line, showing the new totals. */
export function cancelCommand(ctx: DeskContext, args: string): DeskReply {
  const t = tokens(args);
  if (t.length !== 1 && t.length !== 3) {
    throw new DeskUsageError('cancel', 'Give the order number, and to cancel part of it one product code and how many units.', DESK_USAGE.cancel);
  }
  const order = orderByNumber(ctx, 'cancel', referenceArg('cancel', t[0], 'order'));
  const part = t.length === 3 ? { code: productCodeArg(ctx.loaded.organisation, 'cancel', t[1]), qty: quantityArg('cancel', t[2]) } : undefined;
  const refused = refuseIfNotChangeable(ctx, order, 'cancelled');
  if (refused) return refused;
  if (part) {
    const line = order.lines.find((l) => l.code === part.code);
    if (!line) throw new DeskUsageError('cancel', `Order ${order.number} has no ${part.code} line.`, DESK_USAGE.cancel);
    if (part.qty > line.qty) throw new DeskUsageError('cancel', `Order ${order.number} has only ${line.qty} × ${part.code}.`, DESK_USAGE.cancel);
  }
  const planned = planChange(ctx, order, part ? [{ kind: 'cancel-units', ...part }] : [{ kind: 'cancel-order' }]);
  // Cancelling units the warehouse found damaged leaves the rest to dispatch as the warehouse says:
  // they keep their date. Any other change is re-dated from now.
  const damaged = part && order.problems.some((p) => p.type === 'damaged-in-picking' && p.code === part.code && part.qty <= p.qty);
  const a = damaged && planned.newDelivery ? { ...planned, newDelivery: order.due } : planned;
  applyChange(ctx, order, a);
  if (a.cancelled) {
    const sheet: DeskSheet = {
      title: `Order ${order.number} cancelled`,
      rows: [
        { text: `Was: Total ${pounds(a.before.total)} inc VAT · nothing will be dispatched or charged` },
        { text: `Status: cancelled · ${confirmationLine(ctx, order, 'Cancellation confirmation')}` },
      ],
    };
    return { text: sheetText(sheet), events: [{ kind: 'cancel', ok: true, order: order.number }] };
  }
  const after = a.after!;
  const sheet: DeskSheet = {
    title: `Order ${order.number}: ${part!.qty} × ${part!.code} cancelled`,
    rows: [
      ...pricedLineRows(after, false, offerPercent(ctx)).map((text) => ({ text })),
      ...offerChangeRows(ctx, a),
      { text: `${totalsText(after)} ${differenceText(a)}` },
      { text: damaged ? `Delivery: ${longDate(order.due)} (the remaining units dispatch as the warehouse noted)` : redatedText(ctx, a) },
      { text: `Status: awaiting dispatch · ${confirmationLine(ctx, order, 'Updated confirmation')}` },
    ],
  };
  return {
    text: sheetText(sheet),
    events: [{ kind: 'cancel', ok: true, order: order.number }],
  };
}
