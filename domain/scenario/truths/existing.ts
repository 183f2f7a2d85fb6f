/**
 * Truths about an order already on the system: a change before dispatch (repriced and
 * re-dated), a cancellation, a return after delivery, a late delivery, and a part of the
 * order damaged in the warehouse (split, hold or cancel the damaged units).
 */
import { addDays, formatLongDate } from '../../dates.js';
import { amendOrder, type OrderChange } from '../../world/amendments.js';
import { product } from '../../world/catalogue.js';
import { creditPosition } from '../../world/credit.js';
import { backOrderDelivery } from '../../world/delivery.js';
import { assessLateness } from '../../world/lateness.js';
import type { OfferLine } from '../../world/offers.js';
import { priceOfOrder, promisedDate } from '../../world/orders.js';
import { priceOrder, withVat } from '../../world/pricing.js';
import { planReturn } from '../../world/returns.js';
import { availability } from '../../world/stock.js';
import type { ScenarioOrder } from '../schema.js';
import { money, type TruthContext, type TruthsBuilder } from './builder.js';
import { backOrderDateMistakes, bankHolidayMistakes, customerDateMistake, priceMistakes, standardDateMistakes } from './mistakes.js';
import type { OptionId, TruthOption } from './types.js';

function named(ctx: TruthContext, lines: readonly OfferLine[]): TruthOption['lines'] {
  return lines.map((l) => ({ code: l.code, name: product(ctx.org, l.code).name, qty: l.qty }));
}

function plain(lines: readonly OfferLine[]): OfferLine[] {
  return lines.map((l) => ({ code: l.code, qty: l.qty }));
}

/** Analyse the order the call is about; returns the main option's id. */
export function existingOrderTruths(ctx: TruthContext, b: TruthsBuilder, order: ScenarioOrder): OptionId {
  const w = ctx.scenario.wants;
  const changes: OrderChange[] = [
    ...(w.setQuantities ?? []).map((l): OrderChange => ({ kind: 'set-quantity', code: l.code, qty: l.qty })),
    ...(w.cancelUnits ?? []).map((l): OrderChange => ({ kind: 'cancel-units', code: l.code, qty: l.qty })),
  ];
  const purpose = ctx.scenario.kind.purpose;
  const damaged = order.problems.find((p) => p.type === 'damaged-in-picking');

  if (purpose === 'cancel' && order.status === 'delivered' && w.return) return returnTruths(ctx, b, order);
  if (purpose === 'cancel' && order.status === 'awaiting-dispatch' && changes.length === 0) {
    return changeTruths(ctx, b, order, [{ kind: 'cancel-order' }], 'cancel-order');
  }
  if (changes.length > 0) {
    const main = changeTruths(ctx, b, order, changes, w.cancelUnits?.length && !w.setQuantities?.length ? 'cancel-part' : 'amended');
    if (w.newDeliveryAddress) addressChange(ctx, b, order);
    return main;
  }
  if (w.newDeliveryAddress) {
    addressChange(ctx, b, order);
    orderAsItStands(ctx, b, order, 'order');
    return 'order';
  }
  if (damaged && damaged.type === 'damaged-in-picking') return damagedTruths(ctx, b, order, damaged);
  if (order.status !== 'delivered') return latenessTruths(ctx, b, order);
  orderAsItStands(ctx, b, order, 'order');
  return 'order';
}

function orderAsItStands(ctx: TruthContext, b: TruthsBuilder, order: ScenarioOrder, option: OptionId): void {
  const p = priceOfOrder(ctx.org, order, ctx.customerType);
  if (!b.options.some((o) => o.id === option)) {
    b.options.push({ id: option, label: 'the order as it stands', lines: named(ctx, order.lines), price: p, freeItems: p.freeItems, deliveries: [{ date: promisedDate(ctx.org, order), role: 'promised-delivery', lines: plain(order.lines) }] });
  }
  b.orderFigures(option, p);
}

function changeTruths(ctx: TruthContext, b: TruthsBuilder, order: ScenarioOrder, changes: OrderChange[], option: OptionId): OptionId {
  const a = amendOrder(ctx.org, order, changes, ctx.clock, ctx.customerType);
  b.amendment = a;
  b.options.push({ id: 'original', label: 'the order before the change', lines: named(ctx, order.lines), price: a.before, freeItems: a.before.freeItems, deliveries: [{ date: a.previousDelivery, role: 'promised-delivery', lines: plain(order.lines) }] });
  b.orderFigures('original', a.before);
  b.date({ role: 'promised-delivery', option: 'original', date: a.previousDelivery, informational: true, label: 'delivery before the change' });
  if (a.after && a.newDelivery) {
    b.options.push({ id: option, label: option === 'cancel-part' ? 'after cancelling part of the order' : 'the amended order', lines: named(ctx, a.lines), price: a.after, freeItems: a.after.freeItems, deliveries: [{ date: a.newDelivery, role: 'delivery', lines: a.lines }] });
    b.orderFigures(option, a.after);
    keptDiscountMistake(ctx, b, option, a.before, a.lines);
    priceMistakes(ctx, b, option, a.lines, a.after);
    b.price(option, 'difference', 'inc-vat', a.difference, 'difference from before, inc VAT');
    b.price(option, 'difference', 'ex-vat', a.differenceExVat, 'difference from before, ex VAT');
    b.date({ role: 'delivery', option, date: a.newDelivery, label: `delivery re-dated from the change at ${ctx.clock.time}` });
    standardDateMistakes(ctx, b, 'delivery', option, ctx.clock, a.newDelivery);
    customerDateMistake(ctx, b, 'delivery', option, a.newDelivery);
    if (a.previousDelivery !== a.newDelivery) {
      b.wrongDate({ role: 'delivery', option, date: a.previousDelivery, mistake: 'original-date-kept', why: `a changed order is re-dated from the time of the change (${formatLongDate(a.newDelivery)})` });
      b.note(`Changed ${formatLongDate(ctx.clock.date)} ${ctx.clock.time}: delivery moves from ${formatLongDate(a.previousDelivery)} to ${formatLongDate(a.newDelivery)}.`);
    }
    b.wrongPrice({ option, what: 'total', basis: 'inc-vat', amount: a.before.total, mistake: 'previous-total', label: 'the old total given as the new one', why: `the changed order is ${money(a.after.total, 'inc-vat')}` });
    for (const o of a.after.offersApplied) b.offersApply.push({ ...o, option });
    for (const n of a.after.offersNotApplied) if (n.relevant) b.offersDoNotApply.push({ ...n, option });
    for (const lost of a.offersLost) {
      const offer = ctx.org.offers.find((x) => x.id === lost);
      b.note(`The change loses the ${offer?.name ?? lost}: ${a.after.offersNotApplied.find((n) => n.offerId === lost)?.detail ?? ''}.`);
    }
    for (const l of a.lines) {
      const before = order.lines.find((x) => x.code === l.code)?.qty ?? 0;
      if (l.qty > before) b.stock.push(availability(ctx.org, ctx.scenario.stock, l.code, l.qty));
    }
    const account = ctx.scenario.account;
    if (account && order.payment.method === 'account') {
      const pos = creditPosition(account, a.after.total);
      if (pos) {
        b.credit = { ...pos, option, termsDays: ctx.org.credit.paymentTermsDays, termsFrom: ctx.org.credit.paymentTermsFrom, onAccountAllowed: pos.fits, routes: [] };
        b.options[b.options.length - 1].fitsCredit = pos.fits;
      }
    }
  } else {
    b.options.push({ id: 'cancel-order', label: 'the order cancelled', lines: [], freeItems: [], deliveries: [] });
    b.price('cancel-order', 'difference', 'inc-vat', a.difference, 'difference from before, inc VAT');
  }
  b.followUp.confirmationEmailWithinHours = ctx.org.changes.confirmationEmailWithinHours;
  b.followUp.confirmationEmailTo = ctx.scenario.account?.email ?? ctx.scenario.customer.identity.email;
  return a.after ? option : 'cancel-order';
}

/** "Total minus the discounted units": the lines cut, but the old unit prices kept. */
function keptDiscountMistake(ctx: TruthContext, b: TruthsBuilder, option: OptionId, before: ReturnType<typeof priceOfOrder>, lines: OfferLine[]): void {
  const discounts: Record<string, number> = {};
  for (const l of before.lines) discounts[l.code] = l.unitDiscount;
  const kept = priceOrder(ctx.org, lines, { date: ctx.clock.date, customerType: ctx.customerType, discounts });
  const why = 'the old unit prices were kept, but the whole order is repriced after a change and offers re-checked';
  b.wrongPrice({ option, what: 'total', basis: 'inc-vat', amount: kept.total, mistake: 'discount-kept-after-change', label: 'old total less the discounted units', why });
  b.wrongPrice({ option, what: 'goods', basis: 'ex-vat', amount: kept.goods, mistake: 'discount-kept-after-change', label: 'old goods less the discounted units', why });
  const removedIncVat = before.total - kept.total;
  if (removedIncVat !== before.total - (b.options.find((o) => o.id === option)?.price?.total ?? 0)) {
    b.wrongPrice({ option, what: 'difference', basis: 'inc-vat', amount: -removedIncVat, mistake: 'discount-kept-after-change', label: 'saving worked out on the discounted units', why });
  }
}

function addressChange(ctx: TruthContext, b: TruthsBuilder, order: ScenarioOrder): void {
  const email = ctx.scenario.account?.email ?? ctx.scenario.customer.identity.email;
  if (ctx.org.changes.addressChangeNeedsEmailConfirmation) {
    b.followUp.addressConfirmationFrom = email;
    b.note(`New delivery address for ${order.number} waits for an email from ${email} before dispatch.`);
  }
}

function damagedTruths(ctx: TruthContext, b: TruthsBuilder, order: ScenarioOrder, p: Extract<ScenarioOrder['problems'][number], { type: 'damaged-in-picking' }>): OptionId {
  const price = priceOfOrder(ctx.org, order, ctx.customerType);
  const promised = promisedDate(ctx.org, order);
  const second = backOrderDelivery(ctx.org, p.replacementArrives, ctx.cal);
  const unaffected = order.lines.map((l) => (l.code === p.code ? { code: l.code, qty: l.qty - p.qty } : plain([l])[0])).filter((l) => l.qty > 0);
  const name = product(ctx.org, p.code).name;
  b.problems.push({
    kind: 'damaged-in-picking',
    summary: `${p.qty} × ${p.code} ${name} damaged in picking; the rest dispatch ${formatLongDate(p.othersDispatch)} for ${formatLongDate(promised)}; replacements reach the warehouse ${formatLongDate(p.replacementArrives)}`,
    facts: [
      { id: 'damaged', statement: `${p.qty} of the ${order.lines.find((l) => l.code === p.code)?.qty ?? ''} × ${name} were damaged in picking` },
      { id: 'others-on-time', statement: `the other items dispatch ${formatLongDate(p.othersDispatch)} and arrive ${formatLongDate(promised)}` },
      { id: 'replacements', statement: `replacements arrive from the supplier ${formatLongDate(p.replacementArrives)}, so reach the customer ${formatLongDate(second)}` },
    ],
  });
  b.stock.push(availability(ctx.org, ctx.scenario.stock, p.code, p.qty));
  const choice = ctx.scenario.wants.choices.problemOption;

  b.options.push({
    id: 'split', label: 'split delivery, no extra charge', lines: named(ctx, order.lines), price, freeItems: price.freeItems,
    deliveries: [{ date: promised, role: 'delivery', lines: unaffected }, { date: second, role: 'split-second-delivery', lines: [{ code: p.code, qty: p.qty }] }],
    chosenByCustomer: choice === 'split',
  });
  b.orderFigures('split', price);
  b.date({ role: 'delivery', option: 'split', date: promised, label: 'split: first delivery' });
  b.date({ role: 'split-second-delivery', option: 'split', date: second, label: 'split: second delivery' });
  backOrderDateMistakes(ctx, b, 'split-second-delivery', 'split', p.replacementArrives, second);

  b.options.push({ id: 'hold', label: 'hold everything for one delivery', lines: named(ctx, order.lines), price, freeItems: price.freeItems, deliveries: [{ date: second, role: 'delivery', lines: plain(order.lines) }], chosenByCustomer: choice === 'hold' });
  b.orderFigures('hold', price);
  b.date({ role: 'delivery', option: 'hold', date: second, label: 'hold: everything delivered' });
  backOrderDateMistakes(ctx, b, 'delivery', 'hold', p.replacementArrives, second);

  if (order.status === 'awaiting-dispatch') {
    const a = amendOrder(ctx.org, order, [{ kind: 'cancel-units', code: p.code, qty: p.qty }], ctx.clock, ctx.customerType);
    if (a.after) {
      b.options.push({
        id: 'cancel-part', label: 'cancel the damaged units free of charge', lines: named(ctx, a.lines), price: a.after, freeItems: a.after.freeItems,
        deliveries: [{ date: promised, role: 'delivery', lines: a.lines }], chosenByCustomer: choice === 'cancel-part',
        note: 'the remaining items dispatch as planned',
      });
      b.orderFigures('cancel-part', a.after);
      keptDiscountMistake(ctx, b, 'cancel-part', a.before, a.lines);
      priceMistakes(ctx, b, 'cancel-part', a.lines, a.after);
      b.price('cancel-part', 'difference', 'inc-vat', a.difference, 'difference from the order, inc VAT');
      b.price('cancel-part', 'difference', 'ex-vat', a.differenceExVat, 'difference from the order, ex VAT');
      b.date({ role: 'delivery', option: 'cancel-part', date: promised, label: 'cancel part: the rest delivered' });
      for (const lost of a.offersLost) {
        const n = a.after.offersNotApplied.find((x) => x.offerId === lost);
        if (n) b.offersDoNotApply.push({ ...n, option: 'cancel-part' });
        b.note(`Cancelling ${p.qty} × ${p.code} loses the ${n?.name ?? lost} (${n?.detail ?? ''}).`);
      }
    }
  }
  for (const o of price.offersApplied) b.offersApply.push({ ...o, option: 'split' });
  b.followUp.confirmationEmailWithinHours = ctx.org.changes.confirmationEmailWithinHours;
  b.followUp.confirmationEmailTo = ctx.scenario.account?.email ?? ctx.scenario.customer.identity.email;
  return choice ?? 'split';
}

function latenessTruths(ctx: TruthContext, b: TruthsBuilder, order: ScenarioOrder): OptionId {
  orderAsItStands(ctx, b, order, 'order');
  const promised = promisedDate(ctx.org, order);
  const problem = order.problems.find((p) => p.type === 'transit-damage' || p.type === 'carrier-delay');
  const revised = problem && (problem.type === 'transit-damage' || problem.type === 'carrier-delay') ? problem.redelivery : undefined;
  const late = assessLateness(ctx.org, promised, ctx.clock.date, revised);
  b.lateness = late;
  b.date({ role: 'promised-delivery', option: 'order', date: promised, informational: true, label: 'promised delivery' });
  if (revised) {
    b.date({ role: 'revised-delivery', option: 'lateness', date: revised, label: 'revised delivery' });
    b.wrongDate({ role: 'revised-delivery', option: 'lateness', date: promised, mistake: 'original-date-kept', why: 'the promised date has passed' });
    bankHolidayMistakes(ctx, b, 'revised-delivery', 'lateness', ctx.clock.date, revised);
    if (late.bankHolidaysBeforeRevised.length) b.note(`Bank holiday before the revised date: ${late.bankHolidaysBeforeRevised.map(formatLongDate).join(', ')}.`);
  }
  b.date({ role: 'update-by', option: 'lateness', date: late.updateBy, label: 'update the customer no later than' });
  if (problem) {
    const facts: { id: string; statement: string }[] = [{ id: 'what', statement: problem.what }];
    if (problem.type === 'transit-damage') facts.push({ id: 'where', statement: `held at ${problem.heldAt}` });
    if (revised) facts.push({ id: 'redelivery', statement: `redelivery booked for ${formatLongDate(revised)}` });
    if (order.dispatch?.carrier) facts.push({ id: 'carrier', statement: `carrier ${order.dispatch.carrier}${order.dispatch.tracking ? `, tracking ${order.dispatch.tracking.number}` : ''}` });
    b.problems.push({
      kind: problem.type,
      summary: `${problem.what}${problem.type === 'transit-damage' ? `; held at ${problem.heldAt}` : ''}${revised ? `; redelivery ${formatLongDate(revised)}` : ''}`,
      facts,
    });
  }
  if (late.late) {
    b.problems.push({
      kind: 'late-delivery',
      summary: `promised ${formatLongDate(promised)}: ${late.workingDaysLate} working day${late.workingDaysLate === 1 ? '' : 's'} late today`,
      facts: [{ id: 'days-late', statement: `${late.workingDaysLate} working days late (promised ${formatLongDate(promised)})` }],
    });
    b.note(`${late.workingDaysLate} working days late on ${formatLongDate(ctx.clock.date)}${late.escalate ? ` (escalate at ${ctx.org.lateDelivery.escalateAtWorkingDaysLate})` : ''}.`);
  }
  if (late.escalate) {
    b.price('lateness', 'goodwill', 'none', late.goodwill, `goodwill credit note${late.goodwillNeedsApproval ? ' (subject to approval)' : ''}`);
  }
  b.followUp.updateBy = late.updateBy;
  return revised ? 'lateness' : 'order';
}

function returnTruths(ctx: TruthContext, b: TruthsBuilder, order: ScenarioOrder): OptionId {
  const r = ctx.scenario.wants.return;
  if (!r) return 'order';
  const plan = planReturn(ctx.org, order, { customerType: ctx.customerType, today: ctx.clock.date, faulty: r.faulty, ...(r.items ? { items: plain(r.items) } : {}) });
  b.return = plan;
  orderAsItStands(ctx, b, order, 'order');
  b.options.push({ id: 'return', label: plan.policy === 'private-cancellation' ? 'cancel and return for a refund' : 'return for a credit note', lines: named(ctx, plan.items), freeItems: [], deliveries: [] });
  b.price('return', 'goods-paid', 'inc-vat', plan.goodsPaid + plan.deliveryRefund, 'paid for the returned goods inc VAT');
  if (plan.chargeApplies) {
    b.price('return', 'collection-charge', plan.chargeBasis, plan.charge, `collection charge ${plan.chargeBasis === 'ex-vat' ? 'ex VAT' : 'inc VAT'}`);
    if (plan.chargeBasis === 'ex-vat') b.price('return', 'collection-charge', 'inc-vat', plan.chargeIncVat, 'collection charge inc VAT');
  }
  b.price('return', 'refund', 'inc-vat', plan.refund, plan.refundMethod === 'credit-note' ? 'refund as a credit note' : 'refund to the original payment method');
  if (plan.refundExVat !== undefined) b.price('return', 'refund', 'ex-vat', plan.refundExVat, 'the refund before VAT');

  if (plan.chargeApplies) {
    b.wrongPrice({ option: 'return', what: 'refund', basis: 'inc-vat', amount: plan.goodsPaid + plan.deliveryRefund, mistake: 'charge-not-deducted', label: 'refund without the collection charge taken off', why: `the ${money(plan.chargeIncVat, 'inc-vat')} collection charge is deducted` });
    if (plan.chargeBasis === 'inc-vat') {
      const vatOnCharge = withVat(ctx.org, plan.charge);
      b.wrongPrice({ option: 'return', what: 'collection-charge', basis: 'inc-vat', amount: vatOnCharge, mistake: 'charge-vat-wrong', label: 'VAT added to a charge that already includes it', why: `the charge is ${money(plan.charge, 'inc-vat')}` });
      b.wrongPrice({ option: 'return', what: 'refund', basis: 'inc-vat', amount: plan.goodsPaid + plan.deliveryRefund - vatOnCharge, mistake: 'charge-vat-wrong', label: 'refund less a charge with VAT added twice', why: `the charge is ${money(plan.charge, 'inc-vat')}` });
    } else {
      b.wrongPrice({ option: 'return', what: 'refund', basis: 'inc-vat', amount: plan.goodsPaid + plan.deliveryRefund - plan.charge, mistake: 'charge-vat-wrong', label: 'refund less the charge without its VAT', why: `the charge is ${money(plan.chargeIncVat, 'inc-vat')} with VAT` });
    }
  }
  const paid = priceOfOrder(ctx.org, order, ctx.customerType);
  b.wrongPrice({ option: 'return', what: 'refund', basis: 'inc-vat', amount: Math.max(0, paid.net - plan.chargeIncVat), mistake: 'refund-ex-vat', label: 'refund worked out ex VAT', why: 'the refund is of the price paid, including VAT' });

  const periodRole = plan.policy === 'private-cancellation' ? 'cancellation-period-ends' : 'return-period-ends';
  b.date({ role: periodRole, option: 'return', date: plan.periodEnds, label: plan.policy === 'private-cancellation' ? 'cancellation period ends' : 'returns period ends' });
  b.wrongDate({ role: periodRole, option: 'return', date: addDays(plan.periodEnds, -1), mistake: 'period-miscounted', why: `the period starts ${formatLongDate(plan.periodStarts)} and ends ${formatLongDate(plan.periodEnds)}` });
  const periodDays = plan.policy === 'private-cancellation' ? ctx.org.returns.private.periodDays : ctx.org.returns.business.periodDays;
  b.wrongDate({ role: periodRole, option: 'return', date: addDays(order.placedAt.date, periodDays), mistake: 'period-miscounted', why: 'counted from the order date, not the delivery' });
  b.date({ role: 'collection-earliest', option: 'return', date: plan.earliestCollection, anyWorkingDayFrom: true, label: 'earliest collection (any working day from then)' });
  b.wrongDate({ role: 'collection-earliest', option: 'return', date: ctx.clock.date, mistake: 'too-early', why: 'collections are booked from the next working day' });
  if (!plan.withinPeriod) {
    b.problems.push({ kind: 'outside-return-period', summary: `outside the period, which ended ${formatLongDate(plan.periodEnds)}`, facts: [{ id: 'period-ended', statement: `the period ended ${formatLongDate(plan.periodEnds)}` }] });
  }
  const method = order.payment.method === 'card' ? order.payment.card : 'the account';
  b.followUp.collection = {
    earliest: plan.earliestCollection,
    refundWithin: plan.refundWithin,
    refundMethod: plan.refundMethod === 'credit-note' ? 'credit note to the account' : `refund to ${method}`,
  };
  b.note(`${plan.policy === 'private-cancellation' ? 'Cancellation' : 'Return'} period ends ${formatLongDate(plan.periodEnds)}; ${plan.withinPeriod ? 'inside it' : 'OUTSIDE it'} today.`);
  return 'return';
}
