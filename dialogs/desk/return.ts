/** `/return <order-no> <yyyy-mm-dd> [<code> <qty>]`: books a collection for a return; shows the charge and the refund. */
import { planReturn, type ReturnPlan } from '../../domain/world/returns.js';
import { DESK_USAGE, dateArg, productCodeArg, quantityArg, referenceArg, tokens } from './args.js';
import { DeskUsageError } from './errors.js';
import { longDate, pounds } from './format.js';
import { orderByNumber, registeredEmail } from './lookup.js';
import { sheetText, type DeskSheet, type SheetRow } from './sheet.js';
import type { DeskContext, DeskOrder, DeskReply } from './types.js';

function refusal(order: DeskOrder, reason: string, more: SheetRow[] = []): DeskReply {
  const sheet: DeskSheet = { title: `Collection NOT booked · order ${order.number}`, rows: [{ text: reason, emphasis: true }, ...more] };
  return { text: sheetText(sheet), events: [] };
}

function reasonText(ctx: DeskContext, plan: ReturnPlan, faulty: boolean): string {
  const r = ctx.loaded.organisation.returns;
  const condition = faulty ? 'faulty' : 'not faulty';
  if (plan.policy === 'private-cancellation') {
    const law = r.private.law ? ` under the ${r.private.law}` : '';
    return `cancellation by private customer within ${r.private.periodDays} days${law} (period ends ${longDate(plan.periodEnds)}) · ${condition}`;
  }
  return `return within ${r.business.periodDays} days of delivery (period ends ${longDate(plan.periodEnds)}) · ${condition}`;
}

function chargeRow(plan: ReturnPlan): SheetRow {
  const label = `Collection charge (bulky item${plan.items.length > 1 || (plan.items[0]?.qty ?? 0) > 1 ? 's' : ''})`;
  if (!plan.chargeApplies) return { label: 'Collection charge', text: 'none' };
  if (plan.chargeBasis === 'ex-vat') return { label, text: `${pounds(plan.charge)} + VAT = ${pounds(plan.chargeIncVat)}` };
  return { label, text: pounds(plan.chargeIncVat) };
}

function refundRow(ctx: DeskContext, order: DeskOrder, plan: ReturnPlan): SheetRow {
  const paid = plan.goodsPaid + plan.deliveryRefund;
  const sum = plan.chargeApplies ? `${pounds(paid)} − ${pounds(plan.chargeIncVat)} = ${pounds(plan.refund)}` : pounds(plan.refund);
  const to =
    plan.refundMethod === 'credit-note'
      ? `as a credit note to account ${order.account ?? ctx.loaded.scenario.account?.number ?? ''}`.trim()
      : order.payment.method === 'card'
        ? `to ${order.payment.card}`
        : 'to the original payment method';
  const within = `within ${plan.refundWithin.days}${plan.refundWithin.working ? ' working' : ''} days of collection`;
  return { label: 'Refund', text: `${sum} ${to}, ${within}` };
}

/** Books the collection when the date, the order and the period allow it. */
export function returnCommand(ctx: DeskContext, args: string): DeskReply {
  const t = tokens(args);
  if (t.length !== 2 && t.length !== 4) {
    throw new DeskUsageError('return', 'Give the order number and the collection date, and to return part of it one product code and how many units.', DESK_USAGE.return);
  }
  const order = orderByNumber(ctx, 'return', referenceArg('return', t[0], 'order'));
  const date = dateArg('return', t[1]);
  const items = t.length === 4 ? [{ code: productCodeArg(ctx.loaded.organisation, 'return', t[2]), qty: quantityArg('return', t[3]) }] : undefined;
  if (order.status !== 'delivered' || !order.delivered) {
    return refusal(order, `Order ${order.number} has not been delivered (status: ${order.status.replace(/-/g, ' ')}).`, [
      { text: order.status === 'awaiting-dispatch' ? 'It can still be cancelled free of charge: /cancel.' : 'A collection can be booked once it is delivered.' },
    ]);
  }
  const faulty = ctx.loaded.scenario.wants.return?.faulty ?? false;
  const plan = planReturn(
    ctx.loaded.organisation,
    { number: order.number, placedAt: order.pricedAt, lines: order.lines, status: order.status, promised: order.promised, delivered: order.delivered },
    { customerType: order.account ? 'business' : ctx.loaded.scenario.customer.type, today: ctx.clock.date, faulty, ...(items ? { items } : {}), collectionDate: date },
  );
  if (!plan.withinPeriod) {
    return refusal(order, `REFUSED: the return period ended ${longDate(plan.periodEnds)}.`);
  }
  if (!plan.collection?.bookable) {
    return refusal(order, `No collection on ${longDate(date)}: collections can be booked for any working day from ${longDate(plan.earliestCollection)}.`);
  }
  order.collection = { date, refund: plan.refund };
  const sheet: DeskSheet = {
    title: `Collection booked · order ${order.number}`,
    rows: [
      { label: 'Collection date', text: longDate(date) },
      ...(items ? [{ label: 'Items', text: items.map((i) => `${i.qty} × ${i.code}`).join(', ') }] : []),
      { label: 'Reason', text: reasonText(ctx, plan, faulty) },
      chargeRow(plan),
      refundRow(ctx, order, plan),
      { text: `Collection confirmation email to ${registeredEmail(ctx, order)}` },
    ],
  };
  return {
    text: sheetText(sheet),
    events: [{ kind: 'return', ok: true, order: order.number, date }],
  };
}
