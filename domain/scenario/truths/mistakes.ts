/**
 * Typical wrong answers, computed the way an adviser gets them wrong: a discount left
 * off or applied when it should not be, ex VAT given as the total, the cut-off ignored,
 * a bank holiday counted as a working day, the customer's hoped-for date.
 */
import { compareDates, formatLongDate, type LocalDate, type ScenarioClock } from '../../dates.js';
import { calendarIgnoringBankHolidays } from '../../world/calendar.js';
import { standardDelivery } from '../../world/delivery.js';
import { discountsIfWronglyApplied, type OfferLine } from '../../world/offers.js';
import { priceOrder, withVat, type PricedOrder } from '../../world/pricing.js';
import { money, type TruthContext, type TruthsBuilder } from './builder.js';
import type { DateRole, OptionId } from './types.js';

/** Wrong amounts for a priced order. */
export function priceMistakes(ctx: TruthContext, b: TruthsBuilder, option: OptionId, lines: readonly OfferLine[], p: PricedOrder): void {
  const opts = { date: p.date, customerType: p.customerType };
  if (p.discount > 0) {
    const u = priceOrder(ctx.org, lines, { ...opts, discounts: 'none' });
    b.wrongPrice({ option, what: 'total', basis: 'inc-vat', amount: u.total, mistake: 'undiscounted', label: 'total without the offer', why: `the offer discount was left off (right: ${money(p.total, 'inc-vat')})` });
    b.wrongPrice({ option, what: 'goods', basis: 'ex-vat', amount: u.goods, mistake: 'undiscounted', label: 'goods without the offer', why: `the offer discount was left off (right: ${money(p.goods, 'ex-vat')})` });
  }
  for (const na of p.offersNotApplied) {
    if (!na.relevant || na.type !== 'percent-off' || na.reason === 'better-offer-applied') continue;
    const discounts = discountsIfWronglyApplied(ctx.org, na.offerId, lines);
    if (!discounts) continue;
    const w = priceOrder(ctx.org, lines, { ...opts, discounts });
    const why = `${na.name} does not apply (${na.detail})`;
    b.wrongPrice({ option, what: 'total', basis: 'inc-vat', amount: w.total, mistake: 'offer-wrongly-applied', label: `total with ${na.name} wrongly applied`, why });
    b.wrongPrice({ option, what: 'goods', basis: 'ex-vat', amount: w.goods, mistake: 'offer-wrongly-applied', label: `goods with ${na.name} wrongly applied`, why });
    for (const l of w.lines) {
      if (l.unitDiscount > 0) {
        b.wrongPrice({ option, what: 'unit', basis: 'ex-vat', amount: l.unitNet, code: l.code, mistake: 'offer-wrongly-applied', label: `${l.code} each with ${na.name}`, why });
      }
    }
  }
  const freeWorth = p.freeItems.reduce((sum, f) => sum + f.worth, 0);
  if (freeWorth > 0) {
    const amount = withVat(ctx.org, p.net + freeWorth);
    b.wrongPrice({ option, what: 'total', basis: 'inc-vat', amount, mistake: 'free-items-charged', label: 'total with the free items charged', why: 'the free items are not charged' });
  }
  b.wrongPrice({ option, what: 'total', basis: 'inc-vat', amount: p.net, mistake: 'ex-vat-as-total', label: 'ex-VAT amount given as the total', why: `${money(p.net, 'ex-vat')} is before VAT; the total is ${money(p.total, 'inc-vat')}` });
  if (p.deliveryFree && p.lines.length > 0) {
    const amount = withVat(ctx.org, p.net + ctx.org.delivery.charge);
    b.wrongPrice({ option, what: 'total', basis: 'inc-vat', amount, mistake: 'delivery-charge-wrongly-added', label: 'total with a delivery charge added', why: 'delivery is free for this order' });
  } else if (!p.deliveryFree) {
    b.wrongPrice({ option, what: 'total', basis: 'inc-vat', amount: withVat(ctx.org, p.goods), mistake: 'delivery-charge-omitted', label: 'total without the delivery charge', why: 'the goods are under the free-delivery threshold' });
  }
}

/** Bank holidays after `from`, up to `to`: never a delivery or collection date. */
export function bankHolidayMistakes(ctx: TruthContext, b: TruthsBuilder, role: DateRole, option: OptionId | undefined, from: LocalDate, to: LocalDate): void {
  for (const h of ctx.cal.bankHolidaysBetween(from, to)) {
    b.wrongDate({ role, ...(option ? { option } : {}), date: h, mistake: 'bank-holiday', why: `${formatLongDate(h)} is a bank holiday` });
  }
}

/** Wrong versions of a standard delivery date for an order placed or amended at `at`. */
export function standardDateMistakes(ctx: TruthContext, b: TruthsBuilder, role: DateRole, option: OptionId, at: ScenarioClock, right: LocalDate): void {
  const std = standardDelivery(ctx.org, at, ctx.cal);
  if (std.order.afterCutOff) {
    const ignoring = standardDelivery(ctx.org, { date: at.date, time: '00:00' }, ctx.cal);
    b.wrongDate({ role, option, date: ignoring.date, mistake: 'cut-off-ignored', why: `placed after the ${ctx.org.delivery.cutOff} cut-off, so it counts as placed ${formatLongDate(std.order.orderDay)}` });
  }
  if (std.order.nonWorkingDay) {
    const counted = ctx.cal.addWorkingDays(at.date, ctx.org.delivery.standardWorkingDays);
    b.wrongDate({ role, option, date: counted, mistake: 'non-working-day-counted', why: `${formatLongDate(at.date)} is not a working day, so the order counts as placed ${formatLongDate(std.order.orderDay)}` });
  }
  const naive = standardDelivery(ctx.org, at, calendarIgnoringBankHolidays(ctx.org));
  b.wrongDate({ role, option, date: naive.date, mistake: 'bank-holiday-counted', why: `bank holidays (${std.bankHolidaysSkipped.map(formatLongDate).join(', ') || 'none'}) are not working days` });
  bankHolidayMistakes(ctx, b, role, option, at.date, right);
}

/** Wrong versions of a back-order date from a supplier arrival. */
export function backOrderDateMistakes(ctx: TruthContext, b: TruthsBuilder, role: DateRole, option: OptionId, arrival: LocalDate, right: LocalDate): void {
  b.wrongDate({ role, option, date: arrival, mistake: 'supplier-date-as-delivery', why: `${formatLongDate(arrival)} is when the supplier delivers to the warehouse; it reaches the customer ${formatLongDate(right)}` });
  const naive = calendarIgnoringBankHolidays(ctx.org).addWorkingDays(arrival, ctx.org.delivery.backOrderWorkingDays);
  b.wrongDate({ role, option, date: naive, mistake: 'bank-holiday-counted', why: 'bank holidays are not working days' });
  bankHolidayMistakes(ctx, b, role, option, arrival, right);
}

/** The customer's needed-by date, when the right date misses it. */
export function customerDateMistake(ctx: TruthContext, b: TruthsBuilder, role: DateRole, option: OptionId, right: LocalDate): void {
  const nb = ctx.scenario.wants.neededBy;
  if (nb && compareDates(right, nb.date) > 0) {
    b.wrongDate({ role, option, date: nb.date, mistake: 'customer-date', why: `the customer's ${nb.kind === 'hope' ? 'hoped-for' : 'needed-by'} date; the right date is ${formatLongDate(right)}` });
  }
}
