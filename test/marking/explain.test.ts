import { describe, expect, it } from '@jest/globals';
import { markLines, markOf } from './helpers.js';
import { scenarioIn, shipped } from './scenarios.js';

const ergo = shipped('place-ergo-chairs');
const desks = shipped('place-desks-credit-limit');
const change = shipped('change-school-order');
const cancel = shipped('cancel-home-desk');
const split = shipped('call-split-delivery');
const mesh = shipped('place-mesh-chairs-out-of-stock');
const chase = shipped('chase-late-cabinets');

describe('explain_terms', () => {
  it('is met when every required term is stated accurately', () => {
    expect(markOf(ergo, 'explain_terms', ["L: You'll have 30 days from the invoice date to pay, and you can change or cancel free of charge until it's dispatched."])).toBe('met');
    expect(markOf(ergo, 'explain_terms', ['L: Payment terms are thirty days from invoice.', 'L: If they are unused and in the original packaging you can return them within 30 days of delivery.'])).toBe('met');
  });

  it('accepts the card route for payment terms', () => {
    expect(markOf(desks, 'explain_terms', ["L: Paying by card settles it in full today, so there's no invoice to pay later.", "L: You can cancel free of charge before it's dispatched."])).toBe('met');
  });

  it('is partly with some of them, or one stated inaccurately', () => {
    expect(markOf(ergo, 'explain_terms', ['L: Payment is due 30 days from the invoice.'])).toBe('partly');
    expect(markOf(split, 'explain_terms', ['L: You can cancel the two whenever you like, no charge.'])).toBe('partly');
    const card = markLines(cancel, ["L: There's a £19.95 charge for collecting it.", 'L: The refund goes back to your card within 14 days of collection.']);
    expect(card.criteria.explain_terms.mark).toBe('partly');
    expect(card.criteria.explain_terms.note).toMatch(/14-day right to cancel/);
  });

  it('reads the split and cancellation terms however they are put', () => {
    expect(markOf(split, 'explain_terms', ["L: Splitting doesn't cost anything extra."])).toBe('met');
    expect(markOf(split, 'explain_terms', ['L: We send four tomorrow and two next Wednesday, no extra cost for this.'])).toBe('met');
    expect(markOf(split, 'explain_terms', ['L: Or you cancel the two chairs, without any cost, because they are not dispatched.'])).toBe('met');
  });

  it('of an order not yet dispatched, cancelling "for free" is true as said; "any time" is not', () => {
    expect(markOf(split, 'explain_terms', ['L: Or you can wait and have all six together, or cancel the two for free.'])).toBe('met');
    expect(markOf(change, 'explain_terms', ["L: The change itself is free of charge, as the order hadn't been dispatched yet."])).not.toBe('missed');
    expect(markOf(ergo, 'explain_terms', ['L: You can cancel for free.'])).toBe('partly');
  });

  it('"we\'ll take £19.95 off for collecting it" is the collection charge', () => {
    const card = markLines(cancel, ["L: We'll take £19.95 off for collecting it."]);
    expect(card.criteria.explain_terms.note).toMatch(/explains the collection charge/i);
    expect(card.criteria.state_price.mark).toBe('partly');
  });

  it('the right to cancel counted from the order, or ending on the wrong day, is wrong', () => {
    const rest = ["L: Because it's bulky and not faulty there's a £19.95 collection charge.", 'L: Your refund goes back to the Visa within 14 days of us collecting it.'];
    expect(markOf(cancel, 'explain_terms', ["L: You can cancel within 14 days of ordering, so you're fine until the 16th.", ...rest])).toBe('partly');
    expect(markOf(cancel, 'explain_terms', ['L: You can cancel within 14 days of the order arriving.', ...rest])).toBe('met');
  });

  it('is met for the private cancellation with all three terms', () => {
    expect(
      markOf(cancel, 'explain_terms', [
        'L: You can cancel within 14 days of the day after delivery, so until Friday 19 June.',
        "L: Because it's bulky and not faulty there's a £19.95 collection charge.",
        'L: Your refund goes back to the Visa within 14 days of us collecting it.',
      ]),
    ).toBe('met');
  });

  it('is missed with none, or all stated wrongly', () => {
    expect(markOf(ergo, 'explain_terms', ['L: Thanks, all done.'])).toBe('missed');
    expect(markOf(ergo, 'explain_terms', ['L: You have 14 days to pay the invoice.'])).toBe('missed');
  });

  it('needs the address email confirmation for an address change', () => {
    expect(
      markOf(change, 'explain_terms', [
        'L: Changes are free of charge up until dispatch.',
        'L: The new address has to be confirmed by email from your registered address before we dispatch.',
      ]),
    ).toBe('met');
  });
});

describe('advise_offers', () => {
  it('is met when the offer is named or what it saves is said', () => {
    expect(markOf(ergo, 'advise_offers', ['L: Because you are buying six, the chair multi-buy applies.'])).toBe('met');
    expect(markOf(ergo, 'advise_offers', ['L: You get 10% off each chair as you are ordering more than five.'])).toBe('met');
    expect(markOf(desks, 'advise_offers', ['L: Each desk comes with a free desk mat this month.'])).toBe('met');
    expect(markOf(change, 'advise_offers', ['L: You still get 5% off the paper as it is over 10 boxes.'])).toBe('met');
  });

  it('is partly with "a discount" or "an offer" and no word on what', () => {
    expect(markOf(ergo, 'advise_offers', ["L: There's a discount on at the moment so that's been taken off."])).toBe('partly');
  });

  it('is missed when not mentioned or denied', () => {
    expect(markOf(ergo, 'advise_offers', ['L: That will be £965.52 including VAT.'])).toBe('missed');
    expect(markOf(desks, 'advise_offers', ['L: Sorry, there are no offers on desks at the moment.'])).toBe('missed');
  });
});

describe('explain_problem', () => {
  it('is met with what went wrong and where things stand', () => {
    expect(markOf(mesh, 'explain_problem', ["L: The Mesh 150 is out of stock; the supplier's next delivery is Monday 13 April."])).toBe('met');
    expect(markOf(chase, 'explain_problem', ['L: The pallet was damaged in transit, so the cabinets are being held at the Croydon depot.'])).toBe('met');
    expect(markOf(split, 'explain_problem', ['L: Two chairs were damaged while the order was being picked; replacements come from the supplier on Friday.'])).toBe('met');
  });

  it('reads damage in transit said in everyday words', () => {
    expect(markOf(chase, 'explain_problem', ["L: OK, so the cabinets were damaged on the way and they're at the depot in Croydon."])).toBe('met');
  });

  it('is partly when vague, only part of it, or with blame or speculation', () => {
    expect(markOf(chase, 'explain_problem', ["L: There's been an issue with the delivery, sorry."])).toBe('partly');
    expect(markOf(chase, 'explain_problem', ["L: They're sitting at the Croydon depot at the moment."])).toBe('partly');
    expect(markOf(mesh, 'explain_problem', ["L: The 150 isn't available right now."])).toBe('partly');
    expect(markOf(chase, 'explain_problem', ['L: The pallet got damaged in transit and it is held at the Croydon depot, the couriers are useless to be honest.'])).toBe('partly');
  });

  it('is partly when the customer is blamed or the learner speculates inside a clear explanation', () => {
    expect(markOf(chase, 'explain_problem', ["L: The pallet got damaged in transit so it's at the Croydon depot. You should have been in when they tried, maybe they'd have rung."])).toBe('partly');
  });

  it("a carrier's delay is explained by what went wrong and the rebooked day", () => {
    const delay = scenarioIn('test/fixtures/heldout4/scenarios', 'call-locker-delay');
    const what = "L: The carrier's lorry broke down and your lockers missed their connection at the Perth hub.";
    expect(markOf(delay, 'explain_problem', [what, "L: They'll now come on Monday 6 April."])).toBe('met');
    const card = markLines(delay, [what]);
    expect(card.criteria.explain_problem.mark).toBe('partly');
    expect(card.criteria.explain_problem.note).toMatch(/redelivery booked for Monday 6 April 2026/);
  });

  it('is missed when only a new date is given', () => {
    expect(markOf(chase, 'explain_problem', ["L: They'll now be with you on Tuesday 26 May."])).toBe('missed');
  });
});
