/**
 * Truths of a new order (purpose `place`): the order as asked for when it is in stock;
 * otherwise the back-order, the listed alternative and (for part stock) a split; the
 * credit position and the largest order within credit; offers; delivery dates.
 */
import { formatLongDate } from '../../dates.js';
import { product } from '../../world/catalogue.js';
import { creditPosition, largestQuantityWithinCredit } from '../../world/credit.js';
import type { OfferLine } from '../../world/offers.js';
import type { PricedOrder } from '../../world/pricing.js';
import { quoteOrder, type Quote } from '../../world/quote.js';
import { availability } from '../../world/stock.js';
import { money, type TruthContext, type TruthsBuilder } from './builder.js';
import { backOrderDateMistakes, customerDateMistake, priceMistakes, standardDateMistakes } from './mistakes.js';
import type { CreditTruth, OptionId, TruthOption } from './types.js';

function named(ctx: TruthContext, lines: readonly OfferLine[]): TruthOption['lines'] {
  return lines.map((l) => ({ code: l.code, name: product(ctx.org, l.code).name, qty: l.qty }));
}

function offersOf(b: TruthsBuilder, option: OptionId, p: PricedOrder, main: boolean): void {
  if (main) for (const a of p.offersApplied) b.offersApply.push({ ...a, option });
  for (const n of p.offersNotApplied) {
    if (n.relevant && !b.offersDoNotApply.some((x) => x.offerId === n.offerId && x.option === option)) b.offersDoNotApply.push({ ...n, option });
  }
}

/** Analyse a new order; returns the main option's id. */
export function placeTruths(ctx: TruthContext, b: TruthsBuilder): OptionId {
  const w = ctx.scenario.wants;
  const lines: OfferLine[] = (w.items ?? []).map((l) => ({ code: l.code, qty: l.qty }));
  const qctx = { organisation: ctx.org, stock: ctx.scenario.stock, customerType: ctx.customerType };
  const q: Quote = quoteOrder(qctx, lines, ctx.clock);
  b.stock.push(...q.availability);

  if (q.order.afterCutOff || q.order.nonWorkingDay) {
    b.note(`Placed ${formatLongDate(ctx.clock.date)} ${ctx.clock.time}${q.order.afterCutOff ? ` (after the ${ctx.org.delivery.cutOff} cut-off)` : ' (not a working day)'}: counts as placed ${formatLongDate(q.order.orderDay)}.`);
    b.date({ role: 'order-day', option: 'order', date: q.order.orderDay, informational: true, label: 'order counts as placed' });
  }
  if (q.bankHolidaysSkipped.length) b.note(`Bank holidays skipped: ${q.bankHolidaysSkipped.map(formatLongDate).join(', ')}.`);

  const options: OptionId[] = [];
  const short = q.availability.filter((a) => !a.enough);
  if (short.length === 0) {
    b.options.push({ id: 'order', label: 'order as asked', lines: named(ctx, lines), price: q.price, freeItems: q.price.freeItems, deliveries: [{ date: q.standardDelivery, role: 'delivery', lines }] });
    b.orderFigures('order', q.price);
    priceMistakes(ctx, b, 'order', lines, q.price);
    b.date({ role: 'delivery', option: 'order', date: q.standardDelivery, label: 'delivery' });
    standardDateMistakes(ctx, b, 'delivery', 'order', ctx.clock, q.standardDelivery);
    customerDateMistake(ctx, b, 'delivery', 'order', q.standardDelivery);
    options.push('order');
  } else {
    for (const a of short) {
      b.problems.push({
        kind: 'out-of-stock',
        summary: `${a.code} ${a.name} is out of stock${a.onHand ? ` (only ${a.onHand} available)` : ''}${a.nextDelivery ? `; next supplier delivery ${formatLongDate(a.nextDelivery)}` : '; no supplier delivery due'}`,
        facts: [
          { id: 'out-of-stock', statement: `${a.code} ${a.name}: ${a.onHand ?? 0} in stock, ${a.requested} wanted` },
          ...(a.nextDelivery ? [{ id: 'stock-due', statement: `next supplier delivery ${formatLongDate(a.nextDelivery)}` }] : []),
          ...(a.alternative ? [{ id: 'alternative', statement: `listed alternative ${a.alternative.code} ${a.alternative.name}` }] : []),
        ],
      });
      if (a.alternative) b.stock.push(availability(ctx.org, ctx.scenario.stock, a.alternative.code, a.requested));
      if (a.nextDelivery) b.date({ role: 'supplier-arrival', option: 'back-order', date: a.nextDelivery, informational: true, label: `${a.code} supplier delivery to the warehouse` });
    }
    if (short.every((a) => a.backOrderDelivery) && q.delivery) {
      b.options.push({ id: 'back-order', label: 'back-order', lines: named(ctx, lines), price: q.price, freeItems: q.price.freeItems, deliveries: [{ date: q.delivery, role: 'back-order-delivery', lines }] });
      b.orderFigures('back-order', q.price);
      priceMistakes(ctx, b, 'back-order', lines, q.price);
      b.date({ role: 'back-order-delivery', option: 'back-order', date: q.delivery, label: 'back-order delivery' });
      for (const a of short) backOrderDateMistakes(ctx, b, 'back-order-delivery', 'back-order', a.nextDelivery as string, q.delivery);
      customerDateMistake(ctx, b, 'back-order-delivery', 'back-order', q.delivery);
      options.push('back-order');
    }
    if (short.every((a) => a.alternative?.enough)) {
      const altLines = lines.map((l) => {
        const s = short.find((a) => a.code === l.code);
        return s?.alternative ? { code: s.alternative.code, qty: l.qty } : l;
      });
      const qa = quoteOrder(qctx, altLines, ctx.clock);
      const date = qa.delivery ?? qa.standardDelivery;
      b.options.push({ id: 'alternative', label: 'listed alternative', lines: named(ctx, altLines), price: qa.price, freeItems: qa.price.freeItems, deliveries: [{ date, role: 'alternative-delivery', lines: altLines }] });
      b.orderFigures('alternative', qa.price);
      priceMistakes(ctx, b, 'alternative', altLines, qa.price);
      b.date({ role: 'alternative-delivery', option: 'alternative', date, label: 'alternative delivery' });
      standardDateMistakes(ctx, b, 'alternative-delivery', 'alternative', ctx.clock, date);
      customerDateMistake(ctx, b, 'alternative-delivery', 'alternative', date);
      for (const a of short) {
        const alt = product(ctx.org, (a.alternative as { code: string }).code);
        const orig = product(ctx.org, a.code);
        b.price('alternative', 'unit-difference', 'ex-vat', alt.price - orig.price, `${alt.code} costs more than ${orig.code}, each ex VAT`, alt.code);
      }
      b.price('alternative', 'difference', 'ex-vat', qa.price.net - q.price.net, 'difference from the back-order, ex VAT');
      b.price('alternative', 'difference', 'inc-vat', qa.price.total - q.price.total, 'difference from the back-order, inc VAT');
      offersOf(b, 'alternative', qa.price, false);
      options.push('alternative');
    }
    const partial = short.filter((a) => (a.onHand ?? 0) > 0 && a.backOrderDelivery);
    if (partial.length === short.length && q.delivery) {
      const now = lines.map((l) => {
        const a = short.find((s) => s.code === l.code);
        return a ? { code: l.code, qty: a.onHand ?? 0 } : l;
      });
      const later = short.map((a) => ({ code: a.code, qty: a.short }));
      b.options.push({
        id: 'split', label: 'what is in stock now, the rest on back-order', lines: named(ctx, lines), price: q.price, freeItems: q.price.freeItems,
        deliveries: [{ date: q.standardDelivery, role: 'delivery', lines: now }, { date: q.delivery, role: 'split-second-delivery', lines: later }],
      });
      b.orderFigures('split', q.price);
      b.date({ role: 'delivery', option: 'split', date: q.standardDelivery, label: 'split: first delivery' });
      b.date({ role: 'split-second-delivery', option: 'split', date: q.delivery, label: 'split: second delivery' });
      options.push('split');
    }
  }

  // which option the call is mainly about
  const take = w.choices.outOfStock?.take;
  const main: OptionId =
    options.includes('order') ? 'order'
      : take === 'alternative' && options.includes('alternative') ? 'alternative'
        : take === 'back-order' && options.includes('back-order') ? 'back-order'
          : (options[0] ?? 'order');
  for (const o of b.options) if (take && o.id === main && o.id !== 'order') o.chosenByCustomer = true;
  const mainPrice = b.options.find((o) => o.id === main)?.price ?? q.price;
  offersOf(b, main, mainPrice, true);
  for (const o of b.options) if (o.id !== main && o.price) offersOf(b, o.id, o.price, false);

  // credit
  const account = ctx.scenario.account;
  if (account && ctx.customerType === 'business') {
    for (const o of b.options) {
      if (o.price) o.fitsCredit = creditPosition(account, o.price.total)?.fits;
    }
    const pos = creditPosition(account, mainPrice.total);
    if (pos) {
      const credit: CreditTruth = {
        ...pos,
        option: main,
        termsDays: ctx.org.credit.paymentTermsDays,
        termsFrom: ctx.org.credit.paymentTermsFrom,
        onAccountAllowed: pos.fits,
        routes: [],
      };
      b.price(main, 'available-credit', 'inc-vat', pos.available, 'available credit');
      if (!pos.fits) {
        const team = ctx.org.teams[ctx.org.credit.referTo];
        credit.referTo = { team: ctx.org.credit.referTo, name: team.name, ...(team.replyWithin ? { replyWithin: team.replyWithin } : {}) };
        credit.routes.push({ route: 'credit-control', label: `refer to ${team.name}${team.replyWithin ? ` (reply ${team.replyWithin})` : ''}` });
        credit.routes.push({ route: 'card', label: 'pay by card through the secure payment line' });
        const mainLines = (b.options.find((o) => o.id === main)?.lines ?? lines).map((l) => ({ code: l.code, qty: l.qty }));
        const biggest = [...mainPrice.lines].sort((x, y) => y.lineNet - x.lineNet)[0];
        const reduced = biggest && largestQuantityWithinCredit(ctx.org, mainLines, biggest.code, pos.available, { date: ctx.clock.date, customerType: ctx.customerType });
        if (reduced) {
          credit.reduced = { code: reduced.code, qty: reduced.qty, goods: reduced.price.goods, total: reduced.price.total };
          credit.routes.push({ route: 'reduced-order', label: `reduce to ${reduced.qty} × ${reduced.code} (${money(reduced.price.total, 'inc-vat')})` });
          const mainDelivery = b.options.find((o) => o.id === main)?.deliveries[0]?.date ?? q.standardDelivery;
          b.options.push({ id: 'reduced-within-credit', label: 'largest order within the available credit', lines: named(ctx, reduced.lines), price: reduced.price, freeItems: reduced.price.freeItems, deliveries: [{ date: mainDelivery, role: 'delivery', lines: reduced.lines }], fitsCredit: true });
          b.orderFigures('reduced-within-credit', reduced.price);
          b.date({ role: 'delivery', option: 'reduced-within-credit', date: mainDelivery, label: 'reduced order delivery' });
        }
        b.note(`Over the available credit by ${money(pos.shortfall, 'inc-vat')}: do not promise it on account.`);
        b.followUp.referralReply = { team: ctx.org.credit.referTo, within: team.replyWithin ?? 'as the team sets' };
      }
      b.credit = credit;
    }
  }
  return main;
}
