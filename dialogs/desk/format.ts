/** Wording shared by the desk's screens: dates, order days, offers and price lines. */
import { formatLongDate, formatShortDate, type LocalDate, type ScenarioClock } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import type { Organisation } from '../../domain/scenario/organisation.js';
import type { OrderDay } from '../../domain/world/delivery.js';
import type { AppliedOffer, OfferNotApplied } from '../../domain/world/offers.js';
import type { PricedOrder } from '../../domain/world/pricing.js';

/** "Thursday 5 March 2026" */
export const longDate = formatLongDate;

/** "Thu 5 Mar 2026" */
export const shortDate = formatShortDate;

/** "Thu 5 Mar" */
export function dayMonth(d: LocalDate): string {
  return formatShortDate(d).replace(/ \d{4}$/, '');
}

/** "Thursday 14 May" */
export function weekdayDayMonth(d: LocalDate): string {
  return formatLongDate(d).replace(/ \d{4}$/, '');
}

/** "Mon 2 Mar 2026 10:40" */
export function clockText(c: ScenarioClock): string {
  return `${formatShortDate(c.date)} ${c.time}`;
}

/** "£1,234.56" */
export const pounds = formatPounds;

/**
 * When an order placed (or amended) now counts as placed: "Mon 2 Mar 2026, before 14:00",
 * "Wed 11 Mar 2026 after 14:00: counts as placed Thu 12 Mar".
 */
export function orderDayText(day: OrderDay, cutOff: string): string {
  const when = shortDate(day.placedAt.date);
  if (day.afterCutOff) return `${when} after ${cutOff}: counts as placed ${dayMonth(day.orderDay)}`;
  if (day.nonWorkingDay) return `${when}, not a working day: counts as placed ${dayMonth(day.orderDay)}`;
  return `${when}, before ${cutOff}`;
}

/** "Fri 3 Apr and Mon 6 Apr are bank holidays" (undefined when none). */
export function bankHolidayText(days: readonly LocalDate[]): string | undefined {
  if (days.length === 0) return undefined;
  const list = days.map(dayMonth);
  const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  return `${joined} ${list.length === 1 ? 'is a bank holiday' : 'are bank holidays'}`;
}

/** An offer's name as the desk writes it mid-sentence: "chair multi-buy". */
export function offerName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** "−£14.90 each → £134.10" lines of a percent-off offer, or the free items of a free-item offer. */
export function appliedOfferText(org: Pick<Organisation, 'catalogue'>, offer: AppliedOffer, price: PricedOrder): string {
  const head = `${offerName(offer.name)}, ${offer.description}`;
  if (offer.freeItems && offer.freeItems.length > 0) {
    const free = offer.freeItems
      .map((f) => `${f.qty} × ${f.code} ${org.catalogue.find((p) => p.code === f.code)?.name ?? ''}`.trim())
      .join(', ');
    return `${head}: ${free} free (worth ${pounds(offer.saving)})`;
  }
  const parts = price.lines
    .filter((l) => l.offerId === offer.offerId && l.unitDiscount > 0)
    .map((l) => `${price.lines.length > 1 ? `${l.code} ` : ''}−${pounds(l.unitDiscount)} each → ${pounds(l.unitNet)}`);
  return `${head}: ${parts.join('; ')}`;
}

/** Why an offer does not apply, briefly: "chair multi-buy ended Tue 31 Mar 2026". */
export function notAppliedText(org: Pick<Organisation, 'offers'>, o: OfferNotApplied): string {
  const offer = org.offers.find((x) => x.id === o.offerId);
  const name = offerName(o.name);
  if (o.reason === 'expired' && offer) return `${name} ended ${shortDate(offer.valid.to)}`;
  if (o.reason === 'not-yet-valid' && offer) return `${name} starts ${shortDate(offer.valid.from)}`;
  return `${name}: ${o.detail}`;
}

/** The offer row of a quote: what applies, or that none does and why a relevant one does not. */
export function offerRows(org: Pick<Organisation, 'catalogue' | 'offers'>, price: PricedOrder): string[] {
  if (price.offersApplied.length > 0) return price.offersApplied.map((o) => appliedOfferText(org, o, price));
  const near = price.offersNotApplied.filter((o) => o.relevant);
  if (near.length === 0) return ['none applies'];
  return [`none applies (${near.map((o) => notAppliedText(org, o)).join('; ')})`];
}

/** "@ £134.10 (chair multi-buy)" for a line with a discount, "@ £149.00" without. */
export function unitText(line: PricedOrder['lines'][number], withOfferName = true): string {
  const base = `@ ${pounds(line.unitNet)}`;
  return line.offerName && line.unitDiscount > 0 && withOfferName ? `${base} (${offerName(line.offerName)})` : base;
}

/** "Goods £804.60 ex VAT · Delivery free · VAT (20%) £160.92 · Total £965.52 inc VAT" */
export function totalsText(price: PricedOrder): string {
  const delivery = price.deliveryFree ? 'Delivery free' : `Delivery ${pounds(price.deliveryCharge)} ex VAT`;
  return `Goods ${pounds(price.goods)} ex VAT · ${delivery} · VAT (${price.vatRatePercent}%) ${pounds(price.vat)} · Total ${pounds(price.total)} inc VAT`;
}

/** "4 × DK-SIT-1400 (+ 4 × MT-DESK free)" */
export function linesSummary(price: PricedOrder): string {
  const main = price.lines.map((l) => `${l.qty} × ${l.code}`).join(', ');
  const free = price.freeItems.map((f) => `${f.qty} × ${f.code} free`).join(', ');
  return free ? `${main} (+ ${free})` : main;
}
