import { describe, expect, it } from '@jest/globals';
import { markLines, markOf } from './helpers.js';
import { shipped } from './scenarios.js';

const ergo = shipped('place-ergo-chairs');
const chase = shipped('chase-late-cabinets');
const ORDER_DESK =
  'D: Order SO-50310 · account AC-27730 Bell & Co Estate Agents\nTracking: Held at Croydon depot. Pallet damaged in transit, goods re-packed, redelivery booked for Tuesday 26 May.';

describe('verify_identity', () => {
  it('is met with the reference and two identifiers given by the caller before anything is disclosed', () => {
    expect(
      markOf(ergo, 'verify_identity', [
        "C: Hi, I'd like some chairs.",
        'L: Hello, Harbour & Pike, Kim speaking. Could I have your account number and the phone number and postcode on the account?',
        'C: AC-20417, 0113 496 0321 and LS6 2QT.',
        '/place CH-ERG-200 6',
        'D: Order SO-49002 placed on account AC-20417',
      ]),
    ).toBe('met');
  });

  it('counts a full name the caller volunteered as one identifier', () => {
    expect(
      markOf(ergo, 'verify_identity', [
        'C: Hi, it’s Priya Shah from Brightside Dental.',
        'L: Hello Priya, could I take the account number and the billing postcode?',
        'C: AC-20417, LS6 2QT.',
      ]),
    ).toBe('met');
  });

  it('is partly with only one more identifier', () => {
    const card = markLines(ergo, ['C: Hi.', 'L: Hello, can I take your account number and postcode?', 'C: AC-20417 and LS6 2QT.']);
    expect(card.criteria.verify_identity.mark).toBe('partly');
    expect(card.criteria.verify_identity.note).toMatch(/Incomplete/);
  });

  it('is partly when stored details are read out for the caller to agree to', () => {
    const card = markLines(ergo, [
      'C: Hi.',
      'L: Hello, what is the account number?',
      'C: AC-20417.',
      '/account AC-20417',
      'D: Account AC-20417 · Brightside Dental Ltd',
      'L: Thanks. Am I speaking to Priya Shah, and is the phone number still 0113 496 0321?',
      "C: Yes, that's right.",
    ]);
    expect(card.criteria.verify_identity.mark).toBe('partly');
    expect(card.criteria.verify_identity.note).toMatch(/read/);
  });

  it('is partly when even the account number is read out for the caller to agree to', () => {
    const card = markLines(ergo, ['C: Hello?', 'L: Is that Priya Shah? Your account number is AC-20417, is that right?', 'C: Yes.', "L: And you're still at 12 Headingley Lane, LS6 2QT?", 'C: Yes.']);
    expect(card.criteria.verify_identity.mark).toBe('partly');
    expect(card.criteria.verify_identity.note).toMatch(/read/);
  });

  it('does not take the name inside an email address for the full name', () => {
    const card = markLines(ergo, ['C: Hi.', 'L: Account number and the email on the account, please.', 'C: AC-20417. It is priya.shah@brightside-dental.example.']);
    expect(card.criteria.verify_identity.mark).toBe('partly');
    expect(card.criteria.verify_identity.note).toMatch(/Incomplete/);
  });

  it('an outbound call "about your order of chairs" names only the kind of goods, not the order', () => {
    expect(
      markOf(ergo, 'verify_identity', [
        'C: Hello?',
        "L: Good morning, it's Mihai from Harbour and Pike. I call about your order of chairs. Can I have the account number, postcode and phone number?",
        'C: AC-20417, LS6 2QT, 0113 496 0321.',
      ]),
    ).toBe('met');
  });

  it('is partly when verification comes after order details were disclosed', () => {
    expect(
      markOf(chase, 'verify_identity', [
        'C: Where are my cabinets?',
        'L: Good morning, Harbour & Pike. What is the order number?',
        'C: SO-50310.',
        '/order SO-50310',
        ORDER_DESK,
        "L: I can see they're held at the Croydon depot after the pallet was damaged. Can you also give me your full name and the email on the account?",
        'C: Marcus Bell, marcus@bellandco.example.',
      ]),
    ).toBe('partly');
  });

  it('is missed with the reference number alone, even when it is asked for', () => {
    expect(
      markOf(chase, 'verify_identity', [
        'C: Where are my cabinets?',
        'L: Morning, order number please?',
        'C: SO-50310.',
        '/order SO-50310',
        ORDER_DESK,
        "L: They're booked for redelivery on Tuesday 26 May.",
      ]),
    ).toBe('missed');
  });

  it('is missed when an order is placed with no verification at all', () => {
    expect(markOf(ergo, 'verify_identity', ['C: Six Ergo 200 chairs please.', '/place CH-ERG-200 6', 'D: Order SO-49002 placed', 'L: Done.'])).toBe('missed');
  });
});
