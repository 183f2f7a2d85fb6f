import { describe, expect, it } from '@jest/globals';
import { pence } from '../../../domain/money.js';
import { WorldError } from '../../../domain/world/errors.js';
import { priceOrder } from '../../../domain/world/pricing.js';
import { testOrg } from './fixture.js';

const business = (date: string) => ({ date, customerType: 'business' as const });

describe('pricing', () => {
  it('counts a category offer over all lines of that category', () => {
    const p = priceOrder(testOrg, [{ code: 'CH-A', qty: 3 }, { code: 'CH-B', qty: 2 }], business('2026-03-10'));
    expect(p.lines.map((l) => l.unitNet)).toEqual([pence(134.1), pence(80.55)]);
    expect(p.goods).toBe(3 * pence(134.1) + 2 * pence(80.55));
    expect(p.offersApplied.map((o) => o.offerId)).toEqual(['chairs']);
  });
  it('rounds a percentage discount per unit, half up, before multiplying', () => {
    // 5% of £3.33 = 16.65p → 17p; per unit £3.16; × 10 = £31.60 (not 10 × 3.33 × 0.95 = 31.635)
    const org = { ...testOrg, offers: [{ ...testOrg.offers[3], appliesTo: { codes: ['PN-1'] } }] };
    const p = priceOrder(org, [{ code: 'PN-1', qty: 10 }], business('2026-04-10'));
    expect(p.lines[0].unitDiscount).toBe(17);
    expect(p.goods).toBe(pence(31.6));
  });
  it('does not stack offers: a unit takes the larger discount', () => {
    const p = priceOrder(testOrg, [{ code: 'CH-A', qty: 20 }], business('2026-03-10'));
    expect(p.lines[0].unitNet).toBe(pence(149) - pence(22.35));
    expect(p.offersApplied.map((o) => o.offerId)).toEqual(['chair-a-big']);
    expect(p.offersNotApplied.find((o) => o.offerId === 'chairs')?.reason).toBe('better-offer-applied');
  });
  it('gives free items without charging for them', () => {
    const p = priceOrder(testOrg, [{ code: 'DK-1', qty: 2 }], business('2026-03-31'));
    expect(p.freeItems).toEqual([expect.objectContaining({ code: 'MT-1', qty: 2, worth: pence(24) })]);
    expect(p.goods).toBe(pence(658));
    const april = priceOrder(testOrg, [{ code: 'DK-1', qty: 2 }], business('2026-04-01'));
    expect(april.freeItems).toEqual([]);
    expect(april.offersNotApplied.find((o) => o.offerId === 'mats')).toMatchObject({ reason: 'expired', relevant: true });
  });
  it('says why an offer does not apply', () => {
    const p = priceOrder(testOrg, [{ code: 'CH-B', qty: 2 }], business('2026-04-02'));
    const n = p.offersNotApplied.find((o) => o.offerId === 'chairs');
    expect(n).toMatchObject({ reason: 'expired', relevant: true, wouldSave: 2 * pence(8.95) });
    expect(n?.detail).toMatch(/needs 5 or more/);
  });
  it('charges delivery below the threshold, with VAT on goods + delivery', () => {
    const p = priceOrder(testOrg, [{ code: 'PP-1', qty: 2 }], business('2026-03-10'));
    expect(p).toMatchObject({ goods: pence(44.8), deliveryCharge: pence(5.5), deliveryFree: false, net: pence(50.3), vat: pence(10.06), total: pence(60.36) });
    const free = priceOrder(testOrg, [{ code: 'DK-1', qty: 1 }], business('2026-05-10'));
    expect(free.deliveryCharge).toBe(0);
  });
  it('shows a private customer unit prices including VAT', () => {
    const p = priceOrder(testOrg, [{ code: 'DK-1', qty: 1 }], { date: '2026-06-02', customerType: 'private' });
    expect(p.lines[0].unitIncVat).toBe(pence(394.8));
  });
  it('refuses unknown codes and bad quantities with typed errors', () => {
    expect(() => priceOrder(testOrg, [{ code: 'NOPE', qty: 1 }], business('2026-03-10'))).toThrow(WorldError);
    expect(() => priceOrder(testOrg, [{ code: 'CH-A', qty: 0 }], business('2026-03-10'))).toThrow(/whole number/);
  });
});
