/**
 * Desk orders: /quote, /place (refused over the available credit), /pay — figures from the
 * order world, agreeing with the scenario truths (reference-scenarios.md).
 */
import { describe, expect, it } from '@jest/globals';
import { formatLongDate } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import { computeTruths } from '../../domain/scenario/truths.js';
import { deskFor, run, scenario } from './deskHarness.js';

function truthPrice(id: string, priceId: string): string {
  const p = computeTruths(scenario(id)).prices.correct.find((x) => x.id === priceId);
  if (!p) throw new Error(`no truth ${priceId}`);
  return formatPounds(p.amount);
}

function truthDate(id: string, dateId: string): string {
  const d = computeTruths(scenario(id)).dates.correct.find((x) => x.id === dateId);
  if (!d) throw new Error(`no truth ${dateId}`);
  return formatLongDate(d.date);
}

describe('/quote', () => {
  it('quotes six Ergo 200 chairs on place-ergo-chairs: multi-buy, £965.52, Thursday 5 March 2026', () => {
    const r = run(deskFor('place-ergo-chairs'), '/quote CH-ERG-200 6');
    expect(r.text.split('\n')).toEqual([
      'Quote · account AC-20417 · order placed now (Mon 2 Mar 2026, before 14:00)',
      '6 × CH-ERG-200 Ergo 200 task chair @ £149.00',
      'Offer: chair multi-buy, 10% off every chair on an order with 5 or more chairs: −£14.90 each → £134.10',
      'Goods £804.60 ex VAT · Delivery free · VAT (20%) £160.92 · Total £965.52 inc VAT',
      'Stock: 42 available',
      'Delivery: Thursday 5 March 2026',
    ]);
    expect(r.text).toContain(truthPrice('place-ergo-chairs', 'order.total.inc-vat'));
    expect(r.text).toContain(truthDate('place-ergo-chairs', 'order.delivery'));
    expect(r.events).toEqual([{ kind: 'quote', ok: true, total: 96552, delivery: '2026-03-05' }]);
  });

  it('counts an order after the 14:00 cut-off as placed the next working day', () => {
    const r = run(deskFor('place-desks-credit-limit'), '/quote dk-sit-1400 4');
    expect(r.text).toContain('order placed now (Wed 11 Mar 2026 after 14:00: counts as placed Thu 12 Mar)');
    expect(r.text).toContain('4 × MT-DESK Desk mat free (worth £48.00)');
    expect(r.text).toContain(`Total ${truthPrice('place-desks-credit-limit', 'order.total.inc-vat')} inc VAT`);
    expect(r.text).toContain(`Delivery: ${truthDate('place-desks-credit-limit', 'order.delivery')}`);
  });

  it('skips the Easter bank holidays and says why', () => {
    const r = run(deskFor('place-mesh-chairs-out-of-stock'), '/quote CH-MESH-160 2');
    expect(r.text).toContain('Offer: none applies (chair multi-buy ended Tue 31 Mar 2026)');
    expect(r.text).toContain('Total £230.40 inc VAT');
    expect(r.text).toContain('Delivery: Thursday 9 April 2026 (Fri 3 Apr and Mon 6 Apr are bank holidays)');
  });

  it('dates a back-order from the next supplier delivery', () => {
    const r = run(deskFor('place-mesh-chairs-out-of-stock'), '/quote CH-MESH-150 2');
    expect(r.text).toContain('Stock: 0 free, 2 short (next supplier delivery Monday 13 April 2026)');
    expect(r.text).toContain('Listed alternative: CH-MESH-160 Mesh 160 operator chair, 15 in stock');
    expect(r.text).toContain(`Delivery: ${truthDate('place-mesh-chairs-out-of-stock', 'back-order.back-order-delivery')} (back-order`);
    expect(r.text).toContain(`Total ${truthPrice('place-mesh-chairs-out-of-stock', 'back-order.total.inc-vat')} inc VAT`);
  });

  it('adds the delivery charge under the free-delivery threshold', () => {
    expect(run(deskFor('place-ergo-chairs'), '/quote PP-A4-80 2').text).toContain(
      'Goods £44.80 ex VAT · Delivery £7.95 ex VAT · VAT (20%) £10.55 · Total £63.30 inc VAT',
    );
  });

  it('answers bad arguments with the usage line', () => {
    const ctx = deskFor('place-ergo-chairs');
    expect(run(ctx, '/quote CH-ERG-200').text).toBe('Each product code needs a quantity after it.\nUsage: /quote <code> <qty> [<code> <qty> …]');
    expect(run(ctx, '/quote CH-ERG-200 six').text).toMatch(/^Expected a quantity \(a whole number\), not "six"\./);
    expect(run(ctx, '/quote CH-ERG-200 0').text).toMatch(/^A quantity must be 1 or more\./);
    expect(run(ctx, '/quote').events).toEqual([{ kind: 'quote', ok: false }]);
  });
});

describe('/place', () => {
  it('places the order on account and shows the credit left', () => {
    const ctx = deskFor('place-ergo-chairs');
    const r = run(ctx, '/place CH-ERG-200 6');
    expect(r.text.split('\n')).toEqual([
      'Order SO-49002 placed on account AC-20417',
      '6 × CH-ERG-200 @ £134.10 (chair multi-buy) · Goods £804.60 · Delivery free · VAT £160.92 · Total £965.52 inc VAT',
      'Status: awaiting dispatch · Delivery: Thursday 5 March 2026',
      'Available credit after this order: £334.48',
      'Order confirmation email to priya.shah@brightside-dental.example within 1 hour',
    ]);
    expect(r.events).toEqual([{ kind: 'place', ok: true, order: 'SO-49002', total: 96552, delivery: '2026-03-05' }]);
    // the desk remembers: the order can be looked up, the account shows less credit, the stock is taken
    expect(run(ctx, '/order SO-49002').text).toContain('Delivery due Thursday 5 March 2026');
    expect(run(ctx, '/account AC-20417').text).toContain('Available credit £334.48 (after SO-49002 placed today)');
    expect(run(ctx, '/stock CH-ERG-200').text).toContain('Stock: 36 in stock');
  });

  it('refuses an order over the available credit, with the figures and the routes', () => {
    const r = run(deskFor('place-desks-credit-limit'), '/place DK-SIT-1400 4');
    expect(r.text.split('\n')).toEqual([
      'Order NOT placed · account AC-31108',
      '4 × DK-SIT-1400 (+ 4 × MT-DESK free) · Total £1,579.20 inc VAT',
      'REFUSED: total exceeds available credit (£850.00) by £729.20.',
      'Options: refer to Credit Control (/refer credit-control), card payment through the secure payment line (/pay), or reduce the order.',
    ]);
    expect(r.events).toEqual([{ kind: 'place', ok: false, total: 157920, refusedReason: 'over-credit' }]);
  });

  it('places a reduced order within credit, counted from the next working day', () => {
    const r = run(deskFor('place-desks-credit-limit'), '/place DK-SIT-1400 2');
    expect(r.text).toContain(`Total ${truthPrice('place-desks-credit-limit', 'reduced-within-credit.total.inc-vat')} inc VAT`);
    expect(r.text).toContain('Counts as placed Thu 12 Mar 2026 (after 14:00) · Delivery: Tuesday 17 March 2026');
    expect(r.text).toContain('Available credit after this order: £60.40');
  });

  it('sends a private customer to the secure payment line', () => {
    const r = run(deskFor('cancel-home-desk'), '/place MT-DESK 1');
    expect(r.text).toContain('Order NOT placed · private customer (no account)');
    expect(r.text).toContain('take payment through the secure payment line (/pay)');
  });
});

describe('/pay', () => {
  it('takes the card payment for the refused order and creates it', () => {
    const asked: number[] = [];
    const ctx = deskFor('place-desks-credit-limit', 1, (amount) => {
      asked.push(amount);
      return true;
    });
    run(ctx, '/place DK-SIT-1400 4');
    const r = run(ctx, '/pay');
    expect(asked).toEqual([157920]);
    expect(r.text.split('\n')).toEqual([
      'Secure payment line: caller transferred to pay for 4 × DK-SIT-1400 (+ 4 × MT-DESK free), £1,579.20 inc VAT.',
      'Payment result: AUTHORISED · £1,579.20 by card (card details taken by the secure line, not shown to the adviser)',
      'Order SO-49371 created for AC-31108, paid by card · Status: awaiting dispatch · Delivery: Tuesday 17 March 2026',
      'Order confirmation email to tom@okafor-reid.example within 1 hour',
      'Caller is back with you.',
    ]);
    // card orders do not use the account's credit
    expect(run(ctx, '/account AC-31108').text).toContain('Available credit £850.00');
  });

  it('reports a payment the caller did not make, and creates nothing', () => {
    const ctx = deskFor('place-desks-credit-limit', 1, () => false);
    run(ctx, '/quote DK-SIT-1400 4');
    const r = run(ctx, '/pay');
    expect(r.text).toContain('Payment result: NOT TAKEN');
    expect(r.text).toContain('No order created.');
    expect(ctx.state.orders.filter((o) => o.placedInCall)).toEqual([]);
  });

  it('needs something quoted first', () => {
    expect(run(deskFor('place-ergo-chairs'), '/pay').text).toMatch(/^Nothing to pay for yet: quote the order first/);
  });
});
