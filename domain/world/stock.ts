/**
 * Stock as the order system shows it, and what it means for a requested line:
 * enough on hand, or a back-order dated from the next supplier delivery, and the
 * listed alternative.
 */
import type { LocalDate } from '../dates.js';
import type { Organisation } from '../scenario/organisation.js';
import type { StockEntry } from '../scenario/schema.js';
import { calendarFor } from './calendar.js';
import { product } from './catalogue.js';
import { backOrderDelivery } from './delivery.js';

/** Stock levels by product code. A code not listed is in stock (no figure shown). */
export type StockTable = Readonly<Record<string, StockEntry>>;

/** Availability of one requested line. */
export interface Availability {
  code: string;
  name: string;
  requested: number;
  /** units on hand; undefined when the system lists no figure (in stock) */
  onHand?: number;
  /** enough on hand for the request */
  enough: boolean;
  /** units short (0 when enough) */
  short: number;
  /** next supplier delivery reaching the warehouse */
  nextDelivery?: LocalDate;
  /** when a back-order of the short units would reach the customer */
  backOrderDelivery?: LocalDate;
  /** the listed alternative and whether it can cover the request */
  alternative?: { code: string; name: string; onHand?: number; enough: boolean };
}

type StockOrg = Pick<Organisation, 'catalogue' | 'calendar' | 'delivery'>;

/** Availability of `qty` × `code` given the stock table. */
export function availability(org: StockOrg, stock: StockTable, code: string, qty: number): Availability {
  const p = product(org, code);
  const entry = stock[p.code];
  const onHand = entry?.onHand;
  const enough = onHand === undefined || onHand >= qty;
  const result: Availability = {
    code: p.code,
    name: p.name,
    requested: qty,
    ...(onHand !== undefined ? { onHand } : {}),
    enough,
    short: enough ? 0 : qty - (onHand ?? 0),
  };
  if (entry?.nextDelivery) {
    result.nextDelivery = entry.nextDelivery;
    result.backOrderDelivery = backOrderDelivery(org, entry.nextDelivery, calendarFor(org));
  }
  if (entry?.alternative) {
    const alt = product(org, entry.alternative);
    const altOnHand = stock[alt.code]?.onHand;
    result.alternative = {
      code: alt.code,
      name: alt.name,
      ...(altOnHand !== undefined ? { onHand: altOnHand } : {}),
      enough: altOnHand === undefined || altOnHand >= qty,
    };
  }
  return result;
}
