import { describe, expect, it } from '@jest/globals';
import { recogniser } from './shared-recogniser.js';

const clock = { date: '2026-03-02', time: '10:15' };
const analyse = (text: string) => recogniser().analyse(text, { clock, organisationNames: ['Harbour & Pike Office Supplies'] });

describe('references and contact details', () => {
  it('finds account and order numbers in their written variants', () => {
    const refs = analyse('Account AC-20417 or ac 20417, order SO48213 and so-48213').references;
    expect(refs.map((r) => [r.kind, r.value])).toEqual([
      ['account', 'AC-20417'], ['account', 'AC-20417'], ['order', 'SO-48213'], ['order', 'SO-48213'],
    ]);
  });

  it('snaps product codes with spacing variants and a typo to the known code', () => {
    const refs = analyse('six ch erg 200, two CHERG200 and one CH-ERG-20O, plus a DK SIT 1400').references;
    expect(refs.filter((r) => r.kind === 'product').map((r) => r.value)).toEqual(['CH-ERG-200', 'CH-ERG-200', 'CH-ERG-200', 'DK-SIT-1400']);
  });

  it('keeps unknown hyphenated codes as written', () => {
    expect(analyse('Is the XY-900 in stock?').references.map((r) => r.value)).toEqual(['XY-900']);
  });

  it('finds postcodes, UK phone numbers and emails, in canonical form', () => {
    const refs = analyse('It is LS6 2QT, call 0113 496 0321 or +44 7700 900318, email Priya.Shah@brightside-dental.example').references;
    expect(refs.map((r) => [r.kind, r.value])).toEqual([
      ['postcode', 'LS6 2QT'], ['phone', '01134960321'], ['phone', '07700900318'], ['email', 'priya.shah@brightside-dental.example'],
    ]);
  });

  it('finds tracking references', () => {
    expect(analyse('Tracking PNF-7781-2290 shows it at the depot').references[0]).toMatchObject({ kind: 'tracking', value: 'PNF-7781-2290' });
  });
});

describe('quantities with items', () => {
  it.each([
    ['six chairs please', 6, 'chairs'],
    ['15 boxes of paper', 15, 'boxes'],
    ['half a dozen desks', 6, 'desks'],
    ['four Ergo 200 chairs', 4, 'ergo 200 chairs'],
    ['2 x CH-MESH-160', 2, 'ch-mesh-160'],
  ])('"%s" → %i × %s', (text, quantity, item) => {
    const q = analyse(text).quantities;
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ quantity, item });
  });

  it('does not count days, pounds or percentages as items', () => {
    expect(analyse('3 working days, 10% off, 20 pounds').quantities).toEqual([]);
  });
});

describe('negation and hedging cues', () => {
  it.each([
    ["I can't promise Monday", 'negation', "can't"],
    ["There aren't any offers on desks", 'negation', "aren't"],
    ["It won't arrive Monday", 'negation', "won't"],
    ['It will probably be Thursday', 'hedge', 'probably'],
    ['It should be with you Thursday', 'hedge', 'should be'],
    ['Hopefully by Friday', 'hedge', 'Hopefully'],
    ['I think it is Thursday', 'hedge', 'I think'],
  ])('"%s" has a %s cue on "%s"', (text, kind, trigger) => {
    expect(analyse(text).cues).toEqual(expect.arrayContaining([expect.objectContaining({ kind, trigger })]));
  });

  it('skips pseudo-negations', () => {
    expect(analyse('No problem, no worries at all').cues.filter((c) => c.kind === 'negation')).toEqual([]);
  });

  it('ends the scope at the clause boundary', () => {
    const u = analyse("It's not Monday, it's Thursday 5 March");
    expect(u.dates.map((d) => [d.text, d.negated])).toEqual([['Monday', true], ['Thursday 5 March', false]]);
  });
});

describe('introductions and names', () => {
  it.each([
    ['Good morning, Harbour & Pike Office Supplies, Sam speaking', { name: 'Sam', company: 'Harbour & Pike Office Supplies' }],
    ["Hi, it's Dev from Harbour and Pike", { name: 'Dev', company: 'Harbour and Pike' }],
    ["my name's kim from harbour n pike", { name: 'Kim', company: 'harbour n pike' }],
    ["You're through to Connor at Harbour & Pike", { name: 'Connor', company: 'Harbour & Pike' }],
    ['Good afternoon, I am Bethany', { name: 'Bethany' }],
  ])('"%s"', (text, intro) => {
    expect(analyse(text).introduction).toEqual(intro);
  });

  it('finds no introduction in an ordinary sentence', () => {
    expect(analyse("I'm afraid it's sorted now").introduction).toBeUndefined();
  });

  it('finds person names after a title or "speaking to"', () => {
    expect(analyse('Thanks Mr Bell. Am I speaking to Priya Shah?').names.map((n) => n.text)).toEqual(['Mr Bell', 'Priya Shah']);
  });
});

describe('professional-language signals', () => {
  it('lists text-speak, emoji and over-familiar address', () => {
    const s = analyse('no probs hun, u will get em tmrw 🙂').style;
    expect(s.textSpeak).toEqual(expect.arrayContaining(['probs', 'u', 'em']));
    expect(s.overFamiliar).toEqual(['hun']);
    expect(s.emoji).toEqual(['🙂']);
  });

  it('treats "mate" as address only next to punctuation', () => {
    expect(analyse('No worries, mate.').style.overFamiliar).toEqual(['mate']);
    expect(analyse("I'd love to help with that").style.overFamiliar).toEqual([]);
  });

  it('finds blame and sarcasm', () => {
    expect(analyse("Should've measured it first, that's your problem").style.blame.length).toBeGreaterThan(0);
  });

  it('finds nothing in a courteous message', () => {
    const s = analyse('Thank you for your patience, I will call you back by noon tomorrow.').style;
    expect([s.textSpeak, s.emoji, s.overFamiliar, s.blame]).toEqual([[], [], [], []]);
  });
});

describe('terms, teams and follow-ups', () => {
  it.each([
    ['Payment is due 30 days from the invoice date.', 'payment_terms'],
    ['You can change or cancel free of charge until it is dispatched.', 'free_changes_until_dispatch'],
    ['You have 14 days from the day after delivery to cancel.', 'cancellation_period'],
    ['There is a £19.95 charge to collect it.', 'collection_charge'],
    ['The refund goes back to your card within 14 days of collection.', 'refund_timing'],
    ['The new address must be confirmed by email from your registered email address before dispatch.', 'address_email_confirmation'],
    ['Unused goods can be returned within 30 days.', 'returns_period'],
    ['Credit Control reply within two working hours.', 'credit_control_reply'],
  ])('"%s" → %s', (text, term) => {
    expect(analyse(text).terms.map((t) => t.term)).toContain(term);
  });

  it('reads terms whatever the organisation’s figures, carrying the figure said', () => {
    const pay = analyse('Payment is 14 days from the invoice date.').terms.find((t) => t.term === 'payment_terms');
    expect(pay?.days).toBe(14);
    const ret = analyse('Unused items can be returned within twenty-one days of delivery.').terms.find((t) => t.term === 'returns_period');
    expect(ret?.days).toBe(21);
    const cc = analyse('Our accounts team reply within one working hour.').terms.find((t) => t.term === 'credit_control_reply');
    expect(cc?.hours).toBe(1);
  });

  it('names teams', () => {
    expect(analyse("I'll refer it to Credit Control and raise a stock query with Purchasing.").teams.map((t) => t.team)).toEqual(['credit_control', 'purchasing']);
    expect(analyse('I am escalating it to our Logistics Team Leader.').teams.map((t) => t.team)).toEqual(['logistics']);
  });

  it('arranges a timed follow-up', () => {
    expect(analyse("I'll call you back by noon tomorrow.").followUps).toEqual([expect.objectContaining({ channel: 'phone', timed: true })]);
    expect(analyse('You will get a confirmation email within the hour.').followUps).toEqual([expect.objectContaining({ channel: 'email', timed: true })]);
  });

  it('notes a follow-up without a time', () => {
    expect(analyse("We'll be in touch.").followUps).toEqual([expect.objectContaining({ timed: false })]);
  });
});
