/**
 * Late deliveries: working days late between the promised date and today, the revised
 * date, whether the organisation's escalation threshold is reached, the goodwill gesture,
 * and the latest day to update the customer.
 */
import { compareDates, type LocalDate } from '../dates.js';
import type { Pence } from '../money.js';
import type { Organisation, TeamId } from '../scenario/organisation.js';
import { calendarFor } from './calendar.js';

/** How late an order is and what the policy says to do. */
export interface Lateness {
  promised: LocalDate;
  today: LocalDate;
  /** working days after the promised date, up to and including today */
  workingDaysLate: number;
  late: boolean;
  revisedDelivery?: LocalDate;
  /** bank holidays between today and the revised date (a date an adviser may wrongly give) */
  bankHolidaysBeforeRevised: LocalDate[];
  escalate: boolean;
  team: TeamId;
  /** offered, subject to approval when `goodwillNeedsApproval` */
  goodwill: Pence;
  goodwillNeedsApproval: boolean;
  /** the customer must be updated no later than this day */
  updateBy: LocalDate;
}

/** Assess an order promised for `promised` as of `today`. */
export function assessLateness(
  org: Pick<Organisation, 'calendar' | 'lateDelivery'>,
  promised: LocalDate,
  today: LocalDate,
  revisedDelivery?: LocalDate,
): Lateness {
  const cal = calendarFor(org);
  const workingDaysLate = Math.max(0, cal.workingDaysBetween(promised, today));
  const policy = org.lateDelivery;
  return {
    promised,
    today,
    workingDaysLate,
    late: compareDates(today, promised) > 0 && workingDaysLate > 0,
    ...(revisedDelivery ? { revisedDelivery } : {}),
    bankHolidaysBeforeRevised: revisedDelivery ? cal.bankHolidaysBetween(today, revisedDelivery) : [],
    escalate: workingDaysLate >= policy.escalateAtWorkingDaysLate,
    team: policy.referTo,
    goodwill: policy.goodwill,
    goodwillNeedsApproval: policy.goodwillNeedsApproval,
    updateBy: cal.addWorkingDays(today, policy.updateWithinWorkingDays),
  };
}
