/**
 * Credit: available = limit − balance; an order fits on account when its total inc VAT
 * is no more than the available credit; the largest reduced quantity that fits.
 */
import type { Pence } from '../money.js';
import type { Organisation } from '../scenario/organisation.js';
import type { OfferLine } from './offers.js';
import { priceOrder, type PricedOrder, type PricingOptions } from './pricing.js';

/** The account's credit position against one order. */
export interface CreditPosition {
  limit: Pence;
  balance: Pence;
  /** limit − balance (may be negative) */
  available: Pence;
  /** the order's total inc VAT */
  orderTotal: Pence;
  fits: boolean;
  /** how much the order exceeds the available credit by (0 when it fits) */
  shortfall: Pence;
}

/** Available credit, or undefined when the account does not show a limit and balance. */
export function availableCredit(account: { creditLimit?: Pence; balance?: Pence }): Pence | undefined {
  if (account.creditLimit === undefined || account.balance === undefined) return undefined;
  return account.creditLimit - account.balance;
}

/** The credit position for an order total, or undefined when limit/balance are not known. */
export function creditPosition(account: { creditLimit?: Pence; balance?: Pence }, orderTotal: Pence): CreditPosition | undefined {
  const available = availableCredit(account);
  if (available === undefined) return undefined;
  const fits = orderTotal <= available;
  return {
    limit: account.creditLimit as Pence,
    balance: account.balance as Pence,
    available,
    orderTotal,
    fits,
    shortfall: fits ? 0 : orderTotal - available,
  };
}

/** A reduced order that fits the available credit. */
export interface ReducedOrder {
  code: string;
  qty: number;
  lines: OfferLine[];
  price: PricedOrder;
}

/**
 * The largest quantity of `code` (keeping the other lines) whose order total fits within
 * `available`, repriced at each step (offers may drop away). Undefined when even one unit
 * does not fit, or when the full quantity already fits.
 */
export function largestQuantityWithinCredit(
  org: Pick<Organisation, 'catalogue' | 'offers' | 'vat' | 'delivery'>,
  lines: readonly OfferLine[],
  code: string,
  available: Pence,
  opts: PricingOptions,
): ReducedOrder | undefined {
  const i = lines.findIndex((l) => l.code.toUpperCase() === code.toUpperCase());
  if (i < 0) return undefined;
  for (let qty = lines[i].qty - 1; qty >= 1; qty--) {
    const candidate = lines.map((l, j) => (j === i ? { code: l.code, qty } : { code: l.code, qty: l.qty }));
    const price = priceOrder(org, candidate, opts);
    if (price.total <= available) return { code: lines[i].code, qty, lines: candidate, price };
  }
  return undefined;
}
