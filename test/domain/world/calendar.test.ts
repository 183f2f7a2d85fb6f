import { describe, expect, it } from '@jest/globals';
import { calendarFor, makeCalendar } from '../../../domain/world/calendar.js';
import { backOrderDelivery, effectiveOrderDay, standardDelivery } from '../../../domain/world/delivery.js';
import { WorldError } from '../../../domain/world/errors.js';
import { testOrg } from './fixture.js';

const cal = calendarFor(testOrg);

describe('working-day calendar', () => {
  it('skips weekends and the organisation’s bank holidays', () => {
    expect(cal.isWorkingDay('2026-04-02')).toBe(true);
    expect(cal.isWorkingDay('2026-04-03')).toBe(false); // bank holiday
    expect(cal.isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(cal.nextWorkingDay('2026-04-02')).toBe('2026-04-07');
    expect(cal.addWorkingDays('2026-04-02', 3)).toBe('2026-04-09');
    expect(cal.addWorkingDays('2026-04-02', 0)).toBe('2026-04-02');
  });
  it('counts working days after a date up to and including another', () => {
    expect(cal.workingDaysBetween('2026-05-18', '2026-05-21')).toBe(3);
    expect(cal.workingDaysBetween('2026-05-21', '2026-05-18')).toBe(-3);
    expect(cal.workingDaysBetween('2026-05-22', '2026-05-26')).toBe(1); // weekend and 25 May
    expect(cal.bankHolidaysBetween('2026-05-21', '2026-05-26')).toEqual(['2026-05-25']);
  });
  it('honours a different working week', () => {
    const sixDays = makeCalendar({ workingWeekdays: [1, 2, 3, 4, 5, 6], bankHolidays: [] });
    expect(sixDays.nextWorkingDay('2026-04-03')).toBe('2026-04-04');
  });
  it('refuses impossible dates with a typed error', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(WorldError);
    expect(() => makeCalendar({ workingWeekdays: [], bankHolidays: [] })).toThrow(WorldError);
  });
});

describe('order day and delivery (rules from the organisation data)', () => {
  it('an order at the cut-off counts that day; a minute later, the next working day', () => {
    expect(effectiveOrderDay(testOrg, { date: '2026-03-02', time: '12:00' }).orderDay).toBe('2026-03-02');
    const late = effectiveOrderDay(testOrg, { date: '2026-03-02', time: '12:01' });
    expect(late).toMatchObject({ orderDay: '2026-03-03', afterCutOff: true });
  });
  it('a weekend order counts as placed on Monday', () => {
    expect(effectiveOrderDay(testOrg, { date: '2026-03-07', time: '09:00' })).toMatchObject({ orderDay: '2026-03-09', nonWorkingDay: true });
  });
  it('standard delivery is the n-th working day after the order day, skipping bank holidays', () => {
    const d = standardDelivery(testOrg, { date: '2026-04-02', time: '09:00' });
    expect(d.date).toBe('2026-04-08'); // 2 working days: Tue 7, Wed 8
    expect(d.bankHolidaysSkipped).toEqual(['2026-04-03', '2026-04-06']);
  });
  it('back-orders arrive the n-th working day after the supplier delivery', () => {
    expect(backOrderDelivery(testOrg, '2026-03-06')).toBe('2026-03-12'); // 4 working days
  });
});
