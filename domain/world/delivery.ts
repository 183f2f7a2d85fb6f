/**
 * Delivery dates: the effective order day (cut-off and non-working days), standard
 * delivery, back-order delivery. All rules come from the organisation's `delivery`
 * and `calendar` data.
 */
import { minutesOfDay, type LocalDate, type ScenarioClock } from '../dates.js';
import type { Organisation } from '../scenario/organisation.js';
import { calendarFor, type WorkingCalendar } from './calendar.js';

/** When an order placed (or amended) at a moment counts as placed. */
export interface OrderDay {
  placedAt: ScenarioClock;
  /** the working day the order counts as placed on */
  orderDay: LocalDate;
  /** placed after the cut-off time */
  afterCutOff: boolean;
  /** placed on a day that is not a working day */
  nonWorkingDay: boolean;
}

/** A standard delivery date with how it was reached. */
export interface DeliveryDate {
  order: OrderDay;
  date: LocalDate;
  /** bank holidays skipped between the order day and the delivery date */
  bankHolidaysSkipped: LocalDate[];
}

type DeliveryOrg = Pick<Organisation, 'calendar' | 'delivery'>;

/**
 * The day an order placed at `at` counts as placed: the same day when it is a working day
 * and the time is not after the cut-off; otherwise the next working day.
 */
export function effectiveOrderDay(org: DeliveryOrg, at: ScenarioClock, cal: WorkingCalendar = calendarFor(org)): OrderDay {
  const afterCutOff = minutesOfDay(at.time) > minutesOfDay(org.delivery.cutOff);
  const nonWorkingDay = !cal.isWorkingDay(at.date);
  const orderDay = afterCutOff || nonWorkingDay ? cal.nextWorkingDay(at.date) : at.date;
  return { placedAt: at, orderDay, afterCutOff, nonWorkingDay };
}

/** Standard delivery for an order placed (or amended) at `at`. */
export function standardDelivery(org: DeliveryOrg, at: ScenarioClock, cal: WorkingCalendar = calendarFor(org)): DeliveryDate {
  const order = effectiveOrderDay(org, at, cal);
  const date = cal.addWorkingDays(order.orderDay, org.delivery.standardWorkingDays);
  return { order, date, bankHolidaysSkipped: cal.bankHolidaysBetween(order.orderDay, date) };
}

/** Delivery of a back-ordered item: the n-th working day after the supplier delivery arrives. */
export function backOrderDelivery(org: DeliveryOrg, supplierArrival: LocalDate, cal: WorkingCalendar = calendarFor(org)): LocalDate {
  return cal.addWorkingDays(supplierArrival, org.delivery.backOrderWorkingDays);
}
