/**
 * Pricing an order: list prices ex VAT, per-unit discounts from offers (rounded to the
 * penny before multiplying by quantity), free items, the delivery charge unless the goods
 * after discounts reach the threshold, and VAT on goods + delivery rounded half up.
 * Every rate, threshold and charge comes from the organisation file.
 */
import type { LocalDate } from '../dates.js';
import { percentOf, type Pence } from '../money.js';
import type { Organisation } from '../scenario/organisation.js';
import { product } from './catalogue.js';
import { WorldError } from './errors.js';
import { evaluateOffers, type AppliedOffer, type OfferLine, type OfferNotApplied } from './offers.js';

/** Who is buying: business prices are quoted ex VAT, private prices inc VAT. */
export type CustomerType = 'business' | 'private';

/** How an order is priced. */
export interface PricingOptions {
  /** the date the order is placed or amended (offer validity is judged on it) */
  date: LocalDate;
  customerType: CustomerType;
  /**
   * `offers` (default): the organisation's offers as they apply.
   * `none`: list prices, no offers (to compute the typical "undiscounted" error).
   * A record: exactly these unit discounts per code (to compute an offer applied wrongly).
   */
  discounts?: 'offers' | 'none' | Readonly<Record<string, Pence>>;
}

/** One priced line. All amounts in pence. */
export interface PricedLine {
  code: string;
  name: string;
  qty: number;
  /** catalogue price, ex VAT */
  unitList: Pence;
  unitDiscount: Pence;
  /** price per unit after discount, ex VAT */
  unitNet: Pence;
  /** `unitNet` plus VAT on it — what a private customer sees per unit */
  unitIncVat: Pence;
  lineNet: Pence;
  /** the offer that discounted the line */
  offerId?: string;
  offerName?: string;
}

/** An item given free by an offer (not charged; worth shown at list price ex VAT). */
export interface FreeItem {
  code: string;
  name: string;
  qty: number;
  worth: Pence;
  offerId: string;
}

/** A fully priced order. */
export interface PricedOrder {
  date: LocalDate;
  customerType: CustomerType;
  vatRatePercent: number;
  lines: PricedLine[];
  freeItems: FreeItem[];
  /** goods at list prices, ex VAT */
  goodsList: Pence;
  /** total discount, ex VAT */
  discount: Pence;
  /** goods after discounts, ex VAT */
  goods: Pence;
  deliveryCharge: Pence;
  deliveryFree: boolean;
  /** goods + delivery, ex VAT */
  net: Pence;
  vat: Pence;
  /** what the customer pays, inc VAT */
  total: Pence;
  offersApplied: AppliedOffer[];
  offersNotApplied: OfferNotApplied[];
}

type PricingOrg = Pick<Organisation, 'catalogue' | 'offers' | 'vat' | 'delivery'>;

/** Price `lines` as the order system would, on `opts.date`. Throws `WorldError` for a bad line. */
export function priceOrder(org: PricingOrg, lines: readonly OfferLine[], opts: PricingOptions): PricedOrder {
  for (const l of lines) {
    if (!Number.isInteger(l.qty) || l.qty < 1) {
      throw new WorldError('bad-quantity', `quantity must be a whole number of 1 or more: ${l.code} × ${l.qty}`, { line: l });
    }
    product(org, l.code);
  }
  const mode = opts.discounts ?? 'offers';
  const evaluation = mode === 'offers' ? evaluateOffers(org, lines, opts.date) : undefined;
  const rate = org.vat.ratePercent;

  const priced: PricedLine[] = lines.map((l) => {
    const p = product(org, l.code);
    let unitDiscount = 0;
    let offerId: string | undefined;
    let offerName: string | undefined;
    if (evaluation) {
      const d = evaluation.unitDiscount.get(p.code);
      if (d) {
        unitDiscount = d.discount;
        offerId = d.offer.id;
        offerName = d.offer.name;
      }
    } else if (mode !== 'none') {
      unitDiscount = Math.min(p.price, (mode as Record<string, Pence>)[p.code] ?? 0);
    }
    const unitNet = p.price - unitDiscount;
    return {
      code: p.code,
      name: p.name,
      qty: l.qty,
      unitList: p.price,
      unitDiscount,
      unitNet,
      unitIncVat: unitNet + percentOf(unitNet, rate),
      lineNet: unitNet * l.qty,
      ...(offerId ? { offerId, offerName } : {}),
    };
  });

  const freeItems: FreeItem[] = (evaluation?.freeItems ?? []).map((f) => {
    const p = product(org, f.code);
    return { code: p.code, name: p.name, qty: f.qty, worth: p.price * f.qty, offerId: f.offerId };
  });

  const goodsList = priced.reduce((s, l) => s + l.unitList * l.qty, 0);
  const goods = priced.reduce((s, l) => s + l.lineNet, 0);
  const deliveryFree = goods >= org.delivery.freeFrom;
  const deliveryCharge = deliveryFree ? 0 : org.delivery.charge;
  const net = goods + deliveryCharge;
  const vat = percentOf(net, rate);
  return {
    date: opts.date,
    customerType: opts.customerType,
    vatRatePercent: rate,
    lines: priced,
    freeItems,
    goodsList,
    discount: goodsList - goods,
    goods,
    deliveryCharge,
    deliveryFree,
    net,
    vat,
    total: net + vat,
    offersApplied: evaluation?.applied ?? [],
    offersNotApplied: evaluation?.notApplied ?? [],
  };
}

/** `amount` ex VAT plus VAT at the organisation's rate, rounded half up. */
export function withVat(org: Pick<Organisation, 'vat'>, amount: Pence): Pence {
  return amount + percentOf(amount, org.vat.ratePercent);
}
