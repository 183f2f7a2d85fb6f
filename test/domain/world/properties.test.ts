/** Property tests of the order world over random dates, times and orders. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, weekdayIndex } from '../../../domain/dates.js';
import { percentOf } from '../../../domain/money.js';
import { calendarFor } from '../../../domain/world/calendar.js';
import { largestQuantityWithinCredit } from '../../../domain/world/credit.js';
import { standardDelivery } from '../../../domain/world/delivery.js';
import { priceOrder } from '../../../domain/world/pricing.js';
import { testOrg } from './fixture.js';

const cal = calendarFor(testOrg);
const date = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-06-01', n));
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const codes = testOrg.catalogue.map((p) => p.code);
const lines = fc.uniqueArray(fc.record({ code: fc.constantFrom(...codes), qty: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 5, selector: (l) => l.code });

describe('delivery dates', () => {
  it('are never a weekend or bank holiday, and exactly n working days after the order day', () => {
    fc.assert(
      fc.property(date, time, (d, t) => {
        const r = standardDelivery(testOrg, { date: d, time: t });
        expect([0, 6]).not.toContain(weekdayIndex(r.date));
        expect(testOrg.calendar.bankHolidays).not.toContain(r.date);
        expect(cal.workingDaysBetween(r.order.orderDay, r.date)).toBe(testOrg.delivery.standardWorkingDays);
        expect(cal.workingDaysBetween(d, r.date)).toBeGreaterThanOrEqual(testOrg.delivery.standardWorkingDays);
      }),
      { numRuns: 500 },
    );
  });
  it('addWorkingDays and workingDaysBetween agree', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 30 }), (d, n) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
      }),
    );
  });
});

describe('prices', () => {
  it('total = sum of lines + delivery + VAT; discounts per unit; VAT rounded half up', () => {
    fc.assert(
      fc.property(lines, date, (ls, d) => {
        const p = priceOrder(testOrg, ls, { date: d, customerType: 'business' });
        const goods = p.lines.reduce((s, l) => s + l.lineNet, 0);
        expect(p.goods).toBe(goods);
        for (const l of p.lines) {
          expect(l.lineNet).toBe(l.qty * l.unitNet);
          expect(l.unitNet).toBe(l.unitList - l.unitDiscount);
          const offer = testOrg.offers.find((o) => o.id === l.offerId);
          const pct = offer && offer.type === 'percent-off' ? offer.percentOff : 0;
          expect(l.unitDiscount).toBe(Math.floor((l.unitList * pct) / 100 + 0.5));
        }
        expect(p.deliveryFree).toBe(goods >= testOrg.delivery.freeFrom);
        expect(p.net).toBe(goods + p.deliveryCharge);
        expect(p.vat).toBe(Math.floor((p.net * 20 + 50) / 100));
        expect(p.total).toBe(p.net + p.vat);
      }),
      { numRuns: 300 },
    );
  });
  it('percentOf rounds half up in integer pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (amount, rate) => {
        expect(percentOf(amount, rate)).toBe(Math.floor((amount * rate + 50) / 100));
      }),
    );
  });
  it('the largest quantity within credit fits and one more does not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.integer({ min: 2, max: 30 }), fc.integer({ min: 0, max: 1_000_000 }), date, (code, qty, available, d) => {
        const opts = { date: d, customerType: 'business' as const };
        const r = largestQuantityWithinCredit(testOrg, [{ code, qty }], code, available, opts);
        if (!r) return;
        expect(r.price.total).toBeLessThanOrEqual(available);
        if (r.qty + 1 < qty) {
          // every quantity between was tried from the top down
          const bigger = priceOrder(testOrg, [{ code, qty: r.qty + 1 }], opts);
          expect(bigger.total).toBeGreaterThan(available);
        }
      }),
      { numRuns: 200 },
    );
  });
});
