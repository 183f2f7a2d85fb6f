/** Pricing and describing an order as the desk holds it. */
import { priceOrder, type PricedOrder } from '../../domain/world/pricing.js';
import { offerName, pounds } from './format.js';
import type { DeskContext, DeskOrder } from './types.js';

/** The order's price as charged now (offers judged on the day it was placed or last amended). */
export function priceOfDeskOrder(ctx: DeskContext, order: Pick<DeskOrder, 'lines' | 'pricedAt' | 'account'>): PricedOrder {
  const customerType = order.account ? 'business' : ctx.loaded.scenario.customer.type;
  return priceOrder(ctx.loaded.organisation, order.lines, { date: order.pricedAt.date, customerType });
}

/**
 * One line per order line: "15 × PP-A4-80 @ £21.28 (spring paper saver, 5% off) = £319.20"
 * (inc VAT for a private customer's order).
 */
export function pricedLineRows(p: PricedOrder, withNames: boolean, percentOf: (offerId: string) => number | undefined): string[] {
  const incVat = p.customerType === 'private';
  const rows = p.lines.map((l) => {
    const name = withNames ? ` ${l.name}` : '';
    const pct = l.offerId ? percentOf(l.offerId) : undefined;
    const offer = l.offerName && l.unitDiscount > 0 ? ` (${offerName(l.offerName)}${pct !== undefined ? `, ${pct}% off` : ''})` : '';
    if (incVat) return `${l.qty} × ${l.code}${name} @ ${pounds(l.unitIncVat)} inc VAT${offer} = ${pounds(l.unitIncVat * l.qty)} inc VAT`;
    return `${l.qty} × ${l.code}${name} @ ${pounds(l.unitNet)}${offer} = ${pounds(l.lineNet)}`;
  });
  for (const f of p.freeItems) rows.push(`${f.qty} × ${f.code}${withNames ? ` ${f.name}` : ''} free (worth ${pounds(f.worth)})`);
  return rows;
}

/** The percentage of a percent-off offer, by id. */
export function offerPercent(ctx: DeskContext): (offerId: string) => number | undefined {
  return (id) => {
    const o = ctx.loaded.organisation.offers.find((x) => x.id === id);
    return o && o.type === 'percent-off' ? o.percentOff : undefined;
  };
}
