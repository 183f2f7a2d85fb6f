/** Desk look-ups: /account, /stock, /order — what the order system shows, from the scenario's data. */
import { describe, expect, it } from '@jest/globals';
import { deskFor, run } from './deskHarness.js';

describe('/account', () => {
  it('shows contacts, address, phone, email, credit and terms (any case)', () => {
    const r = run(deskFor('place-ergo-chairs'), '/account ac-20417');
    expect(r.text.split('\n')).toEqual([
      'Account AC-20417 · Brightside Dental Ltd',
      'Authorised contact: Priya Shah (Practice Manager)',
      'Billing and delivery address: 12 Headingley Lane, Leeds LS6 2QT',
      'Phone: 0113 496 0321',
      'Email: priya.shah@brightside-dental.example',
      'Credit limit £2,500.00 · Balance £1,200.00 · Available credit £1,300.00',
      'Terms: 30 days from invoice date',
    ]);
    expect(r.events).toEqual([{ kind: 'account', account: 'AC-20417', found: true }]);
    expect(r.card?.version).toBe('1.5');
  });

  it('shows the credit status when the account has no figures', () => {
    const r = run(deskFor('chase-late-cabinets'), '/account AC-27730');
    expect(r.text).toContain('Credit status: within limit, no overdue invoices');
    expect(r.text).not.toContain('Available credit');
  });

  it('says when there is no such account, and tells the customer nothing was found', () => {
    const r = run(deskFor('place-ergo-chairs'), '/account AC-99999');
    expect(r.text).toBe('No account AC-99999 on the system. Check the number with the caller.');
    expect(r.events).toEqual([{ kind: 'account', account: 'AC-99999', found: false }]);
  });

  it('gives the usage line when the number is missing', () => {
    expect(run(deskFor('place-ergo-chairs'), '/account').text).toBe('Which account? Give its number.\nUsage: /account <account-no>');
  });
});

describe('/stock', () => {
  it('shows an out-of-stock item with the next supplier delivery and the listed alternative', () => {
    const r = run(deskFor('place-mesh-chairs-out-of-stock'), '/stock ch-mesh-150');
    expect(r.text.split('\n')).toEqual([
      'CH-MESH-150 Mesh 150 operator chair (bulky)',
      'Price: £89.50 ex VAT',
      'Stock: 0, OUT OF STOCK',
      'Next supplier delivery: Monday 13 April 2026',
      'Listed alternative: CH-MESH-160 Mesh 160 operator chair (£96.00 ex VAT), 15 in stock',
    ]);
  });

  it('shows the offers current on the scenario date for the item', () => {
    expect(run(deskFor('change-school-order'), '/stock PP-A4-80').text).toContain(
      'Offer: spring paper saver, 5% off A4 copier paper (PP-A4-80) when 10 or more boxes are on one order',
    );
    // the chair multi-buy ended on 31 March: not shown on 2 April
    expect(run(deskFor('place-mesh-chairs-out-of-stock'), '/stock CH-MESH-160').text).not.toContain('Offer:');
  });

  it('shows prices inc VAT for a private customer', () => {
    expect(run(deskFor('cancel-home-desk'), '/stock DK-SIT-1400').text).toContain('Price: £394.80 inc VAT (£329.00 ex VAT)');
  });

  it('lists the catalogue codes for an unknown code', () => {
    const r = run(deskFor('place-ergo-chairs'), '/stock CH-XYZ');
    expect(r.text).toMatch(/^No product CH-XYZ in the catalogue\. Codes: CH-ERG-200, .*MT-DESK\.\nUsage: \/stock <code>$/);
  });
});

describe('/order', () => {
  it('shows lines, totals, status, due date and the warehouse note', () => {
    const r = run(deskFor('call-split-delivery'), '/order so-49002');
    expect(r.text).toContain('Order SO-49002 · account AC-20417 Brightside Dental Ltd');
    expect(r.text).toContain('Placed Mon 2 Mar 2026 10:40 · Status: awaiting dispatch · Delivery due Thursday 5 March 2026');
    expect(r.text).toContain('6 × CH-ERG-200 Ergo 200 task chair @ £134.10 (chair multi-buy, 10% off) = £804.60');
    expect(r.text).toContain('Goods £804.60 ex VAT · Delivery free · VAT £160.92 · Total £965.52 inc VAT · on account');
    expect(r.text).toMatch(/Note \(Wed 4 Mar 08:10\): 2 chairs damaged in picking/);
    expect(r.card).toBeDefined();
  });

  it('shows a dispatched order with carrier and tracking', () => {
    const r = run(deskFor('chase-late-cabinets'), '/order SO-50310');
    expect(r.text).toContain('Placed Wed 13 May 2026 10:30 · Promised delivery Monday 18 May 2026');
    expect(r.text).toContain('Status: dispatched Fri 15 May 2026 · Carrier: Parcelnet Freight · Tracking PNF-7781-2290');
    expect(r.text).toMatch(/Tracking: Held at Croydon depot/);
  });

  it('shows a private website order inc VAT with the card it was paid by', () => {
    const r = run(deskFor('cancel-home-desk'), '/order SO-51877');
    expect(r.text).toContain('Order SO-51877 · website order, private customer (no account)');
    expect(r.text).toContain('Placed Tue 2 Jun 2026 · Delivered Fri 5 Jun 2026 · Status: delivered');
    expect(r.text).toContain('1 × DK-SIT-1400 Sit-stand desk 1400 mm @ £394.80 inc VAT = £394.80 inc VAT');
    expect(r.text).toContain('Paid: £394.80 by Visa ending 4417');
  });

  it('says when there is no such order', () => {
    const r = run(deskFor('cancel-home-desk'), '/order SO-1');
    expect(r.text).toBe('No order SO-1 on the system. Check the number with the caller.');
    expect(r.events).toEqual([{ kind: 'order', order: 'SO-1', found: false }]);
  });
});

describe('cards', () => {
  it('never show more than the text: every card text appears in the message text', () => {
    const ctx = deskFor('place-mesh-chairs-out-of-stock');
    for (const line of ['/account AC-10552', '/stock CH-MESH-150', '/quote CH-MESH-160 2']) {
      const r = run(ctx, line);
      const texts: string[] = [];
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') {
          const o = x as Record<string, unknown>;
          if (o.type === 'TextBlock') texts.push(String(o.text));
          if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) texts.push(`${f.title}: ${f.value}`);
          Object.values(o).forEach(walk);
        }
      };
      walk(r.card?.body);
      expect(texts.length).toBeGreaterThan(2);
      for (const t of texts) expect(r.text).toContain(t);
    }
  });
});
