import { describe, expect, it } from '@jest/globals';
import { pence } from '../../../domain/money.js';
import { amendOrder } from '../../../domain/world/amendments.js';
import { creditPosition, largestQuantityWithinCredit } from '../../../domain/world/credit.js';
import { WorldError } from '../../../domain/world/errors.js';
import { assessLateness } from '../../../domain/world/lateness.js';
import { quoteOrder } from '../../../domain/world/quote.js';
import { planReturn } from '../../../domain/world/returns.js';
import { testOrg } from './fixture.js';

const chairs = {
  number: 'SO-1',
  placedAt: { date: '2026-03-02', time: '10:00' },
  lines: [{ code: 'CH-A', qty: 6 }],
  status: 'awaiting-dispatch' as const,
};

describe('credit', () => {
  it('fits when the total inc VAT is no more than limit − balance', () => {
    expect(creditPosition({ creditLimit: 1000, balance: 400 }, 600)).toMatchObject({ available: 600, fits: true, shortfall: 0 });
    expect(creditPosition({ creditLimit: 1000, balance: 400 }, 601)).toMatchObject({ fits: false, shortfall: 1 });
    expect(creditPosition({ creditStatus: 'fine' } as never, 5)).toBeUndefined();
  });
  it('finds the largest quantity that fits, repricing as offers drop away', () => {
    const r = largestQuantityWithinCredit(testOrg, [{ code: 'CH-A', qty: 6 }], 'CH-A', pence(800), { date: '2026-03-10', customerType: 'business' });
    // 5 chairs keep the deal: 5 × 134.10 × 1.2 = 804.60 > 800; 4 lose it: 4 × 149 × 1.2 = 715.20
    expect(r).toMatchObject({ qty: 4 });
    expect(r?.price.total).toBe(pence(715.2));
  });
});

describe('amendments', () => {
  it('reprices the whole order and re-dates it from the amendment time', () => {
    const a = amendOrder(testOrg, chairs, [{ kind: 'cancel-units', code: 'CH-A', qty: 2 }], { date: '2026-03-04', time: '13:00' }, 'business');
    expect(a.before.total).toBe(pence(965.52));
    expect(a.after?.total).toBe(pence(715.2));
    expect(a.difference).toBe(pence(715.2) - pence(965.52));
    expect(a.offersLost).toEqual(['chairs']);
    expect(a.previousDelivery).toBe('2026-03-04');
    expect(a.newDelivery).toBe('2026-03-09'); // after the 12:00 cut-off: counts Thu 5, + 2 working days
  });
  it('cancelling everything leaves no order', () => {
    const a = amendOrder(testOrg, chairs, [{ kind: 'cancel-order' }], { date: '2026-03-03', time: '09:00' }, 'business');
    expect(a).toMatchObject({ cancelled: true, difference: -pence(965.52) });
    expect(a.after).toBeUndefined();
  });
  it('refuses changes after dispatch and impossible quantities', () => {
    expect(() => amendOrder(testOrg, { ...chairs, status: 'dispatched' }, [{ kind: 'set-quantity', code: 'CH-A', qty: 7 }], { date: '2026-03-03', time: '09:00' }, 'business')).toThrow(WorldError);
    expect(() => amendOrder(testOrg, chairs, [{ kind: 'cancel-units', code: 'CH-A', qty: 7 }], { date: '2026-03-03', time: '09:00' }, 'business')).toThrow(/cannot cancel 7 of 6/);
  });
});

describe('returns', () => {
  const desk = { number: 'SO-2', placedAt: { date: '2026-06-01', time: '09:00' }, lines: [{ code: 'DK-1', qty: 1 }], status: 'delivered' as const, delivered: '2026-06-03' };
  it('business: collection charge ex VAT plus VAT, refund as a credit note', () => {
    const r = planReturn(testOrg, desk, { customerType: 'business', today: '2026-06-10', faulty: false, collectionDate: '2026-06-12' });
    expect(r).toMatchObject({ policy: 'business-return', periodEnds: '2026-07-01', withinPeriod: true, charge: pence(25), chargeIncVat: pence(30), refund: pence(394.8) - pence(30), refundMethod: 'credit-note' });
    expect(r.collection).toEqual({ date: '2026-06-12', bookable: true, refundBy: '2026-06-23' }); // 7 working days
  });
  it('no charge for faulty goods; outside the period is reported', () => {
    const r = planReturn(testOrg, desk, { customerType: 'business', today: '2026-07-02', faulty: true });
    expect(r).toMatchObject({ chargeApplies: false, refund: pence(394.8), withinPeriod: false });
  });
  it('private: 14 days from the day after delivery, refund includes the delivery charge', () => {
    const paper = { ...desk, lines: [{ code: 'PP-1', qty: 1 }] };
    const r = planReturn(testOrg, paper, { customerType: 'private', today: '2026-06-05', faulty: false, collectionDate: '2026-06-06' });
    expect(r).toMatchObject({ periodStarts: '2026-06-04', periodEnds: '2026-06-17', chargeApplies: false, deliveryRefund: pence(6.6), refund: pence(26.88) + pence(6.6) });
    expect(r.collection?.bookable).toBe(false); // a Saturday
  });
  it('an order not yet delivered cannot be returned', () => {
    expect(() => planReturn(testOrg, { ...desk, delivered: undefined }, { customerType: 'private', today: '2026-06-05', faulty: false })).toThrow(WorldError);
  });
});

describe('lateness', () => {
  it('escalates at the organisation’s threshold, with its goodwill amount', () => {
    expect(assessLateness(testOrg, '2026-05-18', '2026-05-20')).toMatchObject({ workingDaysLate: 2, escalate: false, updateBy: '2026-05-21' });
    expect(assessLateness(testOrg, '2026-05-18', '2026-05-21', '2026-05-26')).toMatchObject({ workingDaysLate: 3, escalate: true, goodwill: pence(15), bankHolidaysBeforeRevised: ['2026-05-25'], updateBy: '2026-05-22' });
    expect(assessLateness(testOrg, '2026-05-18', '2026-05-18')).toMatchObject({ late: false, workingDaysLate: 0 });
  });
});

describe('quotes with stock', () => {
  it('dates a short line from the next supplier delivery', () => {
    const q = quoteOrder({ organisation: testOrg, stock: { 'CH-B': { onHand: 1, nextDelivery: '2026-03-06', alternative: 'CH-A' } }, customerType: 'business' }, [{ code: 'CH-B', qty: 2 }], { date: '2026-03-02', time: '09:00' });
    expect(q.backOrdered).toBe(true);
    expect(q.delivery).toBe('2026-03-12');
    expect(q.availability[0]).toMatchObject({ onHand: 1, short: 1, alternative: { code: 'CH-A', enough: true } });
  });
});
