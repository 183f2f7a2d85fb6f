/** Desk changes: /amend, /cancel, /address, /return, /refer, /note — the desk's state changes with them. */
import { describe, expect, it } from '@jest/globals';
import { deskFor, run } from './deskHarness.js';

describe('/amend', () => {
  it('sets the paper to 15 boxes: offer kept, new totals, re-dated to Friday 15 May', () => {
    const ctx = deskFor('change-school-order');
    const r = run(ctx, '/amend so-48213 pp-a4-80 15');
    expect(r.text.split('\n')).toEqual([
      'Order SO-48213 amended: PP-A4-80 quantity 10 → 15',
      '15 × PP-A4-80 @ £21.28 (spring paper saver, 5% off) = £319.20',
      '2 × TN-HP-26A @ £38.50 = £77.00',
      'Goods £396.20 ex VAT · Delivery free · VAT (20%) £79.24 · Total £475.44 inc VAT (was £347.76, +£127.68)',
      'Re-dated from this amendment (Tue 12 May, before 14:00): delivery Friday 15 May 2026 (was Thursday 14 May)',
      'Status: awaiting dispatch · Updated confirmation email to d.price@harrowvale.example within 1 hour',
    ]);
    expect(run(ctx, '/order SO-48213').text).toContain('15 × PP-A4-80 A4 copier paper 80 gsm, box of 5 reams @ £21.28');
  });

  it('refuses to change a dispatched order', () => {
    const r = run(deskFor('chase-late-cabinets'), '/amend SO-50310 FC-4D 2');
    expect(r.text).toContain('Order SO-50310 NOT amended');
    expect(r.text).toContain('REFUSED: it was dispatched Fri 15 May 2026; orders can be changed or cancelled only while awaiting dispatch.');
    expect(r.events).toEqual([{ kind: 'amend', ok: false, order: 'SO-50310' }]);
  });

  it('asks for all three arguments', () => {
    expect(run(deskFor('change-school-order'), '/amend SO-48213 15').text).toBe(
      'Give the order number, one product code and its new quantity.\nUsage: /amend <order-no> <code> <qty>',
    );
  });
});

describe('/cancel', () => {
  it('cancelling the two damaged chairs loses the multi-buy: £715.20, the rest still due Thursday 5 March', () => {
    const r = run(deskFor('call-split-delivery'), '/cancel SO-49002 CH-ERG-200 2');
    expect(r.text).toContain('Order SO-49002: 2 × CH-ERG-200 cancelled');
    expect(r.text).toContain('Offer lost: chair multi-buy');
    expect(r.text).toContain('Goods £596.00 ex VAT · Delivery free · VAT (20%) £119.20 · Total £715.20 inc VAT (was £965.52, −£250.32)');
    expect(r.text).toContain('Delivery: Thursday 5 March 2026');
  });

  it('cancels a whole order', () => {
    const ctx = deskFor('change-school-order');
    const r = run(ctx, '/cancel SO-48213');
    expect(r.text.split('\n')[0]).toBe('Order SO-48213 cancelled');
    expect(r.text).toContain('Was: Total £347.76 inc VAT');
    expect(run(ctx, '/order SO-48213').text).toContain('Status: cancelled');
  });

  it('will not cancel more units than the line has', () => {
    expect(run(deskFor('call-split-delivery'), '/cancel SO-49002 CH-ERG-200 7').text).toMatch(/^Order SO-49002 has only 6 × CH-ERG-200\./);
  });
});

describe('/address', () => {
  it('records the new address as pending the email confirmation', () => {
    const ctx = deskFor('change-school-order');
    const r = run(ctx, '/address SO-48213 Harrow Vale Primary Annex, 14 Station Road, Harrow HA1 2AB');
    expect(r.text.split('\n')).toEqual([
      'Delivery address change requested on SO-48213',
      'New address: Harrow Vale Primary Annex, 14 Station Road, Harrow HA1 2AB',
      'Status: PENDING. Must be confirmed by email from the registered address (d.price@harrowvale.example) before dispatch.',
      'Until then the order stays addressed to Harrow Vale Primary School, Vale Road, Harrow HA1 3TP.',
    ]);
    expect(run(ctx, '/order SO-48213').text).toContain('Address change requested: Harrow Vale Primary Annex, 14 Station Road, Harrow HA1 2AB (PENDING');
  });
});

describe('/return', () => {
  it('books the collection with the charge and the refund to the card', () => {
    const r = run(deskFor('cancel-home-desk'), '/return SO-51877 2026-06-11');
    expect(r.text.split('\n')).toEqual([
      'Collection booked · order SO-51877',
      'Collection date: Thursday 11 June 2026',
      'Reason: cancellation by private customer within 14 days under the Consumer Contracts Regulations 2013 (period ends Friday 19 June 2026) · not faulty',
      'Collection charge (bulky item): £19.95',
      'Refund: £394.80 − £19.95 = £374.85 to Visa ending 4417, within 14 days of collection',
      'Collection confirmation email to aisha.rahman@mailbox.example',
    ]);
    expect(r.events).toEqual([{ kind: 'return', ok: true, order: 'SO-51877', date: '2026-06-11' }]);
  });

  it('will not collect on a weekend or before the next working day', () => {
    const ctx = deskFor('cancel-home-desk');
    expect(run(ctx, '/return SO-51877 2026-06-13').text).toContain(
      'No collection on Saturday 13 June 2026: collections can be booked for any working day from Thursday 11 June 2026.',
    );
    expect(run(ctx, '/return SO-51877 2026-06-10').text).toContain('No collection on Wednesday 10 June 2026');
  });

  it('needs a delivered order and a yyyy-mm-dd date', () => {
    expect(run(deskFor('change-school-order'), '/return SO-48213 2026-05-20').text).toContain('Order SO-48213 has not been delivered');
    expect(run(deskFor('cancel-home-desk'), '/return SO-51877 11/06/2026').text).toBe(
      'Expected a date written yyyy-mm-dd, not "11/06/2026".\nUsage: /return <order-no> <yyyy-mm-dd> [<code> <qty>]',
    );
  });
});

describe('/refer and /note', () => {
  it('refers to the Logistics Team Leader with a reference, noting the approval the credit note needs', () => {
    const ctx = deskFor('chase-late-cabinets', 42);
    const r = run(ctx, '/refer Logistics SO-50310 three working days late; please approve £20 goodwill credit note');
    expect(r.text).toMatch(/^Referred to the Logistics Team Leader \(ref LG-\d{4}\): SO-50310 three working days late/);
    expect(r.text).toContain("Goodwill credit notes (£20.00) are issued only with the Logistics Team Leader's approval.");
    expect(r.events).toEqual([{ kind: 'refer', team: 'logistics' }]);
    // the reference comes from the call's seed: the same seed gives the same reference
    expect(run(deskFor('chase-late-cabinets', 42), '/refer logistics again').text.slice(0, 48)).toBe(r.text.slice(0, 48));
  });

  it('refers to Credit Control with their reply time, and to Purchasing recording the demand', () => {
    expect(run(deskFor('place-desks-credit-limit'), '/refer credit-control 4 desks over credit').text).toContain(
      'Credit Control replies within two working hours.',
    );
    const ctx = deskFor('place-mesh-chairs-out-of-stock');
    run(ctx, '/stock CH-MESH-150');
    expect(run(ctx, '/refer purchasing 2 chairs wanted').text).toContain('Stock query logged; demand recorded against CH-MESH-150.');
  });

  it('names the teams when the team is wrong, and needs a note', () => {
    const ctx = deskFor('chase-late-cabinets');
    expect(run(ctx, '/refer manager help').text).toMatch(/^No team "manager"\. Teams: credit-control \(Credit Control\), purchasing \(Purchasing\), logistics \(Logistics Team Leader\)\./);
    expect(run(ctx, '/refer logistics').text).toMatch(/^Add a note saying what you are referring and why\./);
  });

  it('saves a note on the account, or on the order for a private customer', () => {
    expect(run(deskFor('place-ergo-chairs'), '/note call back Friday').text).toBe('Note saved on AC-20417: call back Friday');
    expect(run(deskFor('cancel-home-desk'), '/note collection booked').text).toBe('Note saved on order SO-51877: collection booked');
    expect(run(deskFor('cancel-home-desk'), '/note').text).toBe('Write the note after /note.\nUsage: /note <text>');
  });
});
