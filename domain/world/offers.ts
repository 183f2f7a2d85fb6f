/**
 * Evaluating the organisation's offers against an order on a date: which apply, what
 * each saves, and why the others do not. Offers are data (organisation file), never code.
 */
import { compareDates, type LocalDate } from '../dates.js';
import { percentOf, type Pence } from '../money.js';
import type { Offer, Organisation, PercentOffOffer } from '../scenario/organisation.js';
import { product, selects } from './catalogue.js';

/** A line as the offer rules see it. */
export interface OfferLine {
  code: string;
  qty: number;
}

/** Why an offer did not apply. */
export type OfferNotAppliedReason =
  | 'not-yet-valid'
  | 'expired'
  | 'below-minimum'
  | 'no-qualifying-items'
  | 'better-offer-applied';

/** An offer that applies to the order. */
export interface AppliedOffer {
  offerId: string;
  name: string;
  description: string;
  type: Offer['type'];
  /** ex VAT: the discount given, or the list value of the free items */
  saving: Pence;
  /** codes the discount or the free items concern */
  codes: string[];
  /** for percent-off: the discount per unit on each code */
  unitDiscounts?: Record<string, Pence>;
  /** for free-item */
  freeItems?: { code: string; qty: number }[];
}

/** An offer that does not apply, and why (promising it would be a price error). */
export interface OfferNotApplied {
  offerId: string;
  name: string;
  description: string;
  type: Offer['type'];
  reason: OfferNotAppliedReason;
  /** a sentence saying why, e.g. "needs 5 or more chairs; the order has 4" */
  detail: string;
  /** the order has items the offer is about (so an adviser might wrongly promise it) */
  relevant: boolean;
  /** ex VAT, what it would have saved if wrongly applied to this order (0 when not relevant) */
  wouldSave: Pence;
}

/** The result of evaluating every offer. */
export interface OfferEvaluation {
  /** per code: the percent-off offer giving each unit its discount, and the discount */
  unitDiscount: Map<string, { offer: PercentOffOffer; discount: Pence }>;
  freeItems: { code: string; qty: number; offerId: string }[];
  applied: AppliedOffer[];
  notApplied: OfferNotApplied[];
}

type OfferOrg = Pick<Organisation, 'catalogue' | 'offers'>;

function validity(offer: Offer, date: LocalDate): 'valid' | 'not-yet-valid' | 'expired' {
  if (compareDates(date, offer.valid.from) < 0) return 'not-yet-valid';
  if (compareDates(date, offer.valid.to) > 0) return 'expired';
  return 'valid';
}

function qtyOf(org: OfferOrg, lines: readonly OfferLine[], sel: Parameters<typeof selects>[0]): number {
  return lines.reduce((n, l) => (selects(sel, product(org, l.code)) ? n + l.qty : n), 0);
}

/** What a percent-off offer would take off these lines, conditions ignored. */
function percentSaving(org: OfferOrg, offer: PercentOffOffer, lines: readonly OfferLine[]): { saving: Pence; perCode: Record<string, Pence> } {
  let saving = 0;
  const perCode: Record<string, Pence> = {};
  for (const l of lines) {
    const p = product(org, l.code);
    if (!selects(offer.appliesTo, p)) continue;
    const unit = percentOf(p.price, offer.percentOff);
    perCode[p.code] = unit;
    saving += unit * l.qty;
  }
  return { saving, perCode };
}

function formatWindow(offer: Offer): string {
  return `valid ${offer.valid.from} to ${offer.valid.to}`;
}

/**
 * Evaluate all offers for `lines` ordered on `date`. Percent-off offers do not stack:
 * each unit takes the largest discount among the offers that apply to it.
 */
export function evaluateOffers(org: OfferOrg, lines: readonly OfferLine[], date: LocalDate): OfferEvaluation {
  const unitDiscount = new Map<string, { offer: PercentOffOffer; discount: Pence }>();
  const freeItems: OfferEvaluation['freeItems'] = [];
  const notApplied: OfferNotApplied[] = [];
  const qualifyingPercent: PercentOffOffer[] = [];

  for (const offer of org.offers) {
    const when = validity(offer, date);
    if (offer.type === 'percent-off') {
      const { saving } = percentSaving(org, offer, lines);
      const relevant = saving > 0;
      const counted = qtyOf(org, lines, offer.countItems ?? offer.appliesTo);
      const base = { offerId: offer.id, name: offer.name, description: offer.description, type: offer.type, relevant, wouldSave: saving };
      if (!relevant) {
        notApplied.push({ ...base, reason: 'no-qualifying-items', detail: 'the order has no items this offer is for' });
      } else if (when !== 'valid' || counted < offer.minQuantity) {
        const reasons: string[] = [];
        if (when !== 'valid') reasons.push(`${when === 'expired' ? 'ended' : 'not started'} (${formatWindow(offer)})`);
        if (counted < offer.minQuantity) reasons.push(`needs ${offer.minQuantity} or more qualifying items; the order has ${counted}`);
        notApplied.push({ ...base, reason: when !== 'valid' ? when : 'below-minimum', detail: reasons.join('; ') });
      } else {
        qualifyingPercent.push(offer);
      }
    } else {
      const triggers = qtyOf(org, lines, offer.trigger);
      const free = product(org, offer.free.code);
      const relevant = triggers > 0;
      const wouldSave = triggers * offer.free.perTriggerUnit * free.price;
      const base = { offerId: offer.id, name: offer.name, description: offer.description, type: offer.type, relevant, wouldSave };
      if (!relevant) {
        notApplied.push({ ...base, reason: 'no-qualifying-items', detail: 'the order has no items this offer is for' });
      } else if (when !== 'valid') {
        notApplied.push({ ...base, reason: when, detail: `${when === 'expired' ? 'ended' : 'not started'} (${formatWindow(offer)})` });
      } else {
        freeItems.push({ code: free.code, qty: triggers * offer.free.perTriggerUnit, offerId: offer.id });
      }
    }
  }

  for (const offer of qualifyingPercent) {
    for (const l of lines) {
      const p = product(org, l.code);
      if (!selects(offer.appliesTo, p)) continue;
      const discount = percentOf(p.price, offer.percentOff);
      const best = unitDiscount.get(p.code);
      if (!best || discount > best.discount) unitDiscount.set(p.code, { offer, discount });
    }
  }

  const applied: AppliedOffer[] = [];
  for (const offer of qualifyingPercent) {
    const unitDiscounts: Record<string, Pence> = {};
    let saving = 0;
    for (const l of lines) {
      const d = unitDiscount.get(l.code.toUpperCase());
      if (d && d.offer.id === offer.id) {
        unitDiscounts[l.code.toUpperCase()] = d.discount;
        saving += d.discount * l.qty;
      }
    }
    const codes = Object.keys(unitDiscounts);
    if (codes.length === 0) {
      notApplied.push({
        offerId: offer.id, name: offer.name, description: offer.description, type: offer.type, relevant: true,
        wouldSave: percentSaving(org, offer, lines).saving, reason: 'better-offer-applied',
        detail: 'a larger discount applies to the same items',
      });
    } else {
      applied.push({ offerId: offer.id, name: offer.name, description: offer.description, type: offer.type, saving, codes, unitDiscounts });
    }
  }
  for (const offer of org.offers) {
    if (offer.type !== 'free-item') continue;
    const items = freeItems.filter((f) => f.offerId === offer.id);
    if (items.length === 0) continue;
    const free = product(org, offer.free.code);
    applied.push({
      offerId: offer.id, name: offer.name, description: offer.description, type: offer.type,
      saving: items.reduce((s, f) => s + f.qty * free.price, 0),
      codes: [free.code], freeItems: items.map(({ code, qty }) => ({ code, qty })),
    });
  }
  return { unitDiscount, freeItems, applied, notApplied };
}

/**
 * The unit discounts an offer would give if wrongly applied regardless of its
 * conditions (a typical adviser error), or undefined when it concerns none of the lines.
 */
export function discountsIfWronglyApplied(org: OfferOrg, offerId: string, lines: readonly OfferLine[]): Record<string, Pence> | undefined {
  const offer = org.offers.find((o) => o.id === offerId);
  if (!offer || offer.type !== 'percent-off') return undefined;
  const { saving, perCode } = percentSaving(org, offer, lines);
  return saving > 0 ? perCode : undefined;
}
