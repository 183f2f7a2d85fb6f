/**
 * Existing orders as the order system holds them: their price (computed from their lines
 * on the day they were placed) and their promised delivery date.
 */
import type { LocalDate } from '../dates.js';
import type { Organisation } from '../scenario/organisation.js';
import type { ScenarioOrder } from '../scenario/schema.js';
import { calendarFor } from './calendar.js';
import { standardDelivery } from './delivery.js';
import { priceOrder, type CustomerType, type PricedOrder } from './pricing.js';

/** The fields of an order the order world uses. */
export type OrderRecord = Pick<ScenarioOrder, 'number' | 'placedAt' | 'lines' | 'status' | 'promised'>;

/** The order's price as charged when placed (offers judged on the day it was placed). */
export function priceOfOrder(org: Organisation, order: OrderRecord, customerType: CustomerType): PricedOrder {
  return priceOrder(org, order.lines, { date: order.placedAt.date, customerType });
}

/** The promised delivery date: as recorded, else by the standard rule from when it was placed. */
export function promisedDate(org: Organisation, order: OrderRecord): LocalDate {
  return order.promised ?? standardDelivery(org, order.placedAt, calendarFor(org)).date;
}
