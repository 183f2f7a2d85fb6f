/**
 * Every **truth** figure of reference-scenarios.md, computed by the order world from the
 * real scenario files (nothing here is read back from the files as an answer).
 */
import { describe, expect, it } from '@jest/globals';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { computeTruths, dateMatches, missesNeededBy, type OptionId, type Truths } from '../../domain/scenario/truths.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { pence } from '../../domain/money.js';

process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: a Date-based slip would show at once

const dir = loadScenarioDir('scenarios');
const byId = new Map(dir.scenarios.map((s) => [s.scenario.id, s]));

function truths(id: string): Truths {
  const s = byId.get(id);
  if (!s) throw new Error(`scenario ${id} did not load`);
  return computeTruths(s);
}

function option(t: Truths, id: OptionId) {
  const o = t.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id} in ${t.scenarioId}: ${t.options.map((x) => x.id).join(', ')}`);
  return o;
}

function correctDate(t: Truths, role: string, opt?: OptionId): string | undefined {
  return t.dates.correct.find((d) => d.role === role && (opt === undefined || d.option === opt))?.date;
}

describe('reference scenario files', () => {
  it('all seven load without errors', () => {
    expect(dir.errors.map((e) => e.message)).toEqual([]);
    expect([...byId.keys()].sort()).toEqual([
      'call-split-delivery',
      'cancel-home-desk',
      'change-school-order',
      'chase-late-cabinets',
      'place-desks-credit-limit',
      'place-ergo-chairs',
      'place-mesh-chairs-out-of-stock',
    ]);
  });
});

describe('1 place-ergo-chairs', () => {
  const t = truths('place-ergo-chairs');
  const p = option(t, 'order').price!;
  it('prices six chairs with the chair multi-buy', () => {
    expect(p.lines[0].unitNet).toBe(pence(134.1));
    expect(p.goods).toBe(pence(804.6));
    expect(p.deliveryCharge).toBe(0);
    expect(p.vat).toBe(pence(160.92));
    expect(p.total).toBe(pence(965.52));
    expect(t.offers.apply.map((o) => o.offerId)).toEqual(['chair-multi-buy']);
  });
  it('delivers Thursday 5 March, meeting her Friday deadline', () => {
    expect(correctDate(t, 'delivery', 'order')).toBe('2026-03-05');
    expect(t.neededBy?.metBy).toContain('order');
  });
  it('fits the available credit on account', () => {
    expect(t.credit).toMatchObject({ available: pence(1300), orderTotal: pence(965.52), fits: true, onAccountAllowed: true });
  });
  it('lists the undiscounted price as a typical wrong figure', () => {
    expect(t.prices.wrong).toContainEqual(expect.objectContaining({ amount: pence(1072.8), mistake: 'undiscounted' }));
  });
});

describe('2 place-desks-credit-limit', () => {
  const t = truths('place-desks-credit-limit');
  const p = option(t, 'order').price!;
  it('prices four desks with four free desk mats', () => {
    expect(p.goods).toBe(pence(1316));
    expect(p.deliveryCharge).toBe(0);
    expect(p.vat).toBe(pence(263.2));
    expect(p.total).toBe(pence(1579.2));
    expect(p.freeItems).toEqual([expect.objectContaining({ code: 'MT-DESK', qty: 4 })]);
  });
  it('is over the £850.00 available credit', () => {
    expect(t.credit).toMatchObject({ available: pence(850), fits: false, onAccountAllowed: false, shortfall: pence(729.2) });
    expect(t.credit?.routes.map((r) => r.route).sort()).toEqual(['card', 'credit-control', 'reduced-order']);
    expect(t.credit?.referTo?.replyWithin).toBe('within two working hours');
  });
  it('counts as placed Thursday 12 March and delivers Tuesday 17 March, not Monday 16', () => {
    expect(correctDate(t, 'order-day')).toBe('2026-03-12');
    expect(correctDate(t, 'delivery', 'order')).toBe('2026-03-17');
    expect(t.dates.wrong).toContainEqual(expect.objectContaining({ date: '2026-03-16', mistake: 'cut-off-ignored' }));
  });
  it('2 desks fit within credit: £658.00 ex VAT, £789.60 inc VAT', () => {
    const r = option(t, 'reduced-within-credit');
    expect(r.lines).toEqual([expect.objectContaining({ code: 'DK-SIT-1400', qty: 2 })]);
    expect(r.price?.goods).toBe(pence(658));
    expect(r.price?.total).toBe(pence(789.6));
    expect(r.fitsCredit).toBe(true);
  });
});

describe('3 place-mesh-chairs-out-of-stock', () => {
  const t = truths('place-mesh-chairs-out-of-stock');
  it('alternative 2 × CH-MESH-160: £192.00 ex VAT, VAT £38.40, £230.40, Thursday 9 April', () => {
    const a = option(t, 'alternative');
    expect(a.lines).toEqual([expect.objectContaining({ code: 'CH-MESH-160', qty: 2 })]);
    expect(a.price).toMatchObject({ goods: pence(192), deliveryCharge: 0, vat: pence(38.4), total: pence(230.4) });
    expect(correctDate(t, 'alternative-delivery')).toBe('2026-04-09');
    expect(a.meetsNeededBy).toBe(true);
  });
  it('back-order of CH-MESH-150: £179.00 ex VAT, £214.80 inc VAT, Thursday 16 April (too late)', () => {
    const b = option(t, 'back-order');
    expect(b.price).toMatchObject({ goods: pence(179), total: pence(214.8) });
    expect(correctDate(t, 'back-order-delivery')).toBe('2026-04-16');
    expect(b.meetsNeededBy).toBe(false);
    expect(missesNeededBy(t, '2026-04-16')).toBe(true);
    expect(missesNeededBy(t, '2026-04-09')).toBe(false);
  });
  it('the alternative costs £6.50 more a chair ex VAT; £13.00 ex VAT, £15.60 inc VAT on the order', () => {
    const diff = (what: string, basis: string) => t.prices.correct.find((f) => f.option === 'alternative' && f.what === what && f.basis === basis)?.amount;
    expect(diff('unit-difference', 'ex-vat')).toBe(pence(6.5));
    expect(diff('difference', 'ex-vat')).toBe(pence(13));
    expect(diff('difference', 'inc-vat')).toBe(pence(15.6));
  });
  it('no offer applies; promising the chair multi-buy is a price error', () => {
    expect(t.offers.apply).toEqual([]);
    expect(t.offers.doNotApply.map((o) => o.offerId)).toContain('chair-multi-buy');
  });
  it('skips Good Friday and Easter Monday, and expects a stock query to Purchasing', () => {
    expect(t.dates.wrong.map((d) => d.date)).toEqual(expect.arrayContaining(['2026-04-03', '2026-04-06']));
    expect(t.escalation.map((e) => e.team)).toEqual(['purchasing']);
    expect(t.problems[0]).toMatchObject({ kind: 'out-of-stock' });
  });
});

describe('4 change-school-order', () => {
  const t = truths('change-school-order');
  it('the order as placed: 10 × PP-A4-80 at £21.28; £289.80, VAT £57.96, £347.76', () => {
    const o = option(t, 'original').price!;
    expect(o.lines.find((l) => l.code === 'PP-A4-80')?.unitNet).toBe(pence(21.28));
    expect(o).toMatchObject({ goods: pence(289.8), vat: pence(57.96), total: pence(347.76) });
  });
  it('amended: £396.20 ex VAT, free delivery, VAT £79.24, £475.44 (up £127.68)', () => {
    const a = option(t, 'amended').price!;
    expect(a).toMatchObject({ goods: pence(396.2), deliveryCharge: 0, vat: pence(79.24), total: pence(475.44) });
    expect(t.amendment?.difference).toBe(pence(127.68));
    expect(t.offers.apply.map((o) => o.offerId)).toEqual(['spring-paper-saver']);
  });
  it('re-dated from 13:50: Friday 15 May, not Thursday', () => {
    expect(correctDate(t, 'delivery', 'amended')).toBe('2026-05-15');
    expect(t.dates.wrong).toContainEqual(expect.objectContaining({ date: '2026-05-14', mistake: 'original-date-kept' }));
  });
  it('the new address waits for an email from the registered address', () => {
    expect(t.followUp.addressConfirmationFrom).toBe('d.price@harrowvale.example');
    expect(t.terms.required.map((g) => g.anyOf.map((x) => x.id))).toEqual([['changes-free-until-dispatch'], ['address-change-email-confirmation']]);
  });
});

describe('5 cancel-home-desk', () => {
  const t = truths('cancel-home-desk');
  it('inside the 14-day period, which ends Friday 19 June', () => {
    expect(t.return?.withinPeriod).toBe(true);
    expect(correctDate(t, 'cancellation-period-ends')).toBe('2026-06-19');
  });
  it('collection charge £19.95 and refund £374.85 to the Visa within 14 days of collection', () => {
    expect(t.return).toMatchObject({ chargeIncVat: pence(19.95), refund: pence(374.85), refundMethod: 'original-payment', refundWithin: { days: 14, working: false } });
    expect(t.followUp.collection?.refundMethod).toContain('Visa ending 4417');
  });
  it('earliest collection Thursday 11 June, any working day from then', () => {
    const d = t.dates.correct.find((x) => x.role === 'collection-earliest');
    expect(d).toMatchObject({ date: '2026-06-11', anyWorkingDayFrom: true });
    expect(dateMatches(t, d!, '2026-06-15')).toBe(true); // a Monday
    expect(dateMatches(t, d!, '2026-06-13')).toBe(false); // a Saturday
    expect(dateMatches(t, d!, '2026-06-10')).toBe(false); // today
  });
});

describe('6 chase-late-cabinets', () => {
  const t = truths('chase-late-cabinets');
  it('3 working days late; revised Tuesday 26 May (Monday 25 May a bank holiday)', () => {
    expect(t.lateness).toMatchObject({ promised: '2026-05-18', workingDaysLate: 3, revisedDelivery: '2026-05-26' });
    expect(t.dates.wrong).toContainEqual(expect.objectContaining({ date: '2026-05-25', mistake: 'bank-holiday' }));
  });
  it('escalate to the Logistics Team Leader with a £20 goodwill credit note subject to approval', () => {
    expect(t.escalation).toEqual([expect.objectContaining({ team: 'logistics', goodwill: { amount: pence(20), needsApproval: true, approver: 'Logistics Team Leader' } })]);
  });
  it('update him no later than Friday 22 May', () => {
    expect(t.followUp.updateBy).toBe('2026-05-22');
  });
  it('the order was £680.40 inc VAT', () => {
    expect(option(t, 'order').price?.total).toBe(pence(680.4));
  });
});

describe('7 call-split-delivery', () => {
  const t = truths('call-split-delivery');
  it('split: 4 on Thursday 5 March, 2 on Wednesday 11 March, price unchanged £965.52', () => {
    const s = option(t, 'split');
    expect(s.deliveries.map((d) => [d.date, d.lines[0].qty])).toEqual([['2026-03-05', 4], ['2026-03-11', 2]]);
    expect(s.price?.total).toBe(pence(965.52));
    expect(s.chosenByCustomer).toBe(true);
  });
  it('hold all six for Wednesday 11 March', () => {
    expect(option(t, 'hold').deliveries.map((d) => d.date)).toEqual(['2026-03-11']);
  });
  it('cancel the two: the multi-buy is lost, £596.00 ex VAT, £715.20 inc VAT — not £965.52 minus two discounted chairs', () => {
    const c = option(t, 'cancel-part').price!;
    expect(c).toMatchObject({ goods: pence(596), total: pence(715.2) });
    expect(t.prices.wrong).toContainEqual(expect.objectContaining({ option: 'cancel-part', amount: pence(643.68), mistake: 'discount-kept-after-change' }));
    expect(t.offers.doNotApply).toContainEqual(expect.objectContaining({ option: 'cancel-part', offerId: 'chair-multi-buy' }));
  });
});

describe('truths follow the data, not the file', () => {
  it('a tutor who changes the quantity gets new truths (4 chairs lose the multi-buy)', () => {
    const s = byId.get('place-ergo-chairs') as LoadedScenario;
    const changed: LoadedScenario = { ...s, scenario: { ...s.scenario, wants: { ...s.scenario.wants, items: [{ code: 'CH-ERG-200', qty: 4 }] } } };
    const p = option(computeTruths(changed), 'order').price!;
    expect(p.total).toBe(pence(715.2));
    expect(p.offersApplied).toEqual([]);
  });
  it('a tutor who moves the clock past the cut-off gets a later delivery date', () => {
    const s = byId.get('place-ergo-chairs') as LoadedScenario;
    const changed: LoadedScenario = { ...s, scenario: { ...s.scenario, clock: { date: '2026-03-02', time: '14:01' } } };
    expect(correctDate(computeTruths(changed), 'delivery', 'order')).toBe('2026-03-06');
  });
  it('does not depend on the process time zone', () => {
    const s = byId.get('place-mesh-chairs-out-of-stock') as LoadedScenario;
    process.env.TZ = 'America/Los_Angeles';
    const west = computeTruths(s);
    process.env.TZ = 'Pacific/Kiritimati';
    const east = computeTruths(s);
    expect(east).toEqual(west);
    expect(correctDate(east, 'alternative-delivery')).toBe('2026-04-09');
  });
});
