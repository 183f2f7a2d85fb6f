import { describe, expect, it } from '@jest/globals';
import { markLines, markOf } from './helpers.js';
import { shipped } from './scenarios.js';

const ergo = shipped('place-ergo-chairs');
const desks = shipped('place-desks-credit-limit');
const mesh = shipped('place-mesh-chairs-out-of-stock');
const change = shipped('change-school-order');
const cancel = shipped('cancel-home-desk');
const chase = shipped('chase-late-cabinets');
const split = shipped('call-split-delivery');

describe('state_delivery', () => {
  it('is met with the date, or a weekday or day that can only mean it', () => {
    expect(markOf(ergo, 'state_delivery', ['C: When will they come?', "L: They'll be delivered on Thursday 5 March."])).toBe('met');
    expect(markOf(ergo, 'state_delivery', ['C: When will they come?', "L: They'll be with you on the 5th."])).toBe('met');
    expect(markOf(change, 'state_delivery', ["C: It'll still come Thursday, won't it?", '/amend SO-48213 PP-A4-80 15', 'D: amended', "L: Because it's been changed it'll now arrive Friday."])).toBe('met');
  });

  it('reads each date for what it is: a bank holiday named beside it, a deadline, a period end, a restated day', () => {
    expect(markOf(mesh, 'state_delivery', ['C: When would the 160s come?', 'L: With the Easter bank holidays they would be delivered on Thursday 9 April, in time for the 13th.'])).toBe('met');
    expect(markOf(split, 'state_delivery', ['L: The four will come tomorrow, Thursday 5 March, and the last two next Wednesday, 11 March, or we can hold all six until then, or you can cancel those two.'])).toBe('met');
    expect(markOf(cancel, 'state_delivery', ["L: You're within your 14-day right to cancel, which runs from the day after delivery until Friday 19 June."])).toBe('missed');
  });

  it('counts "tmrw" as tomorrow, and small talk about "this week" as no span', () => {
    expect(markOf(cancel, 'state_delivery', ['C: When can you collect it?', 'L: we can get it tmrw'])).toBe('met');
    expect(markOf(ergo, 'state_delivery', ['C: When will they come?', "L: they'll be with you thursday", 'L: How are things at the practice this week?'])).toBe('met');
  });

  it('is partly with only a span, or a hedge that leaves the date open', () => {
    expect(markOf(ergo, 'state_delivery', ['C: When will they come?', 'L: Delivery takes three working days.'])).toBe('partly');
    expect(markOf(ergo, 'state_delivery', ['C: When will they come?', 'L: Probably around Thursday 5 March, I think.'])).toBe('partly');
    expect(markOf(ergo, 'state_delivery', ['C: When will they come?', 'L: prob thursday'])).toBe('partly');
    expect(markOf(ergo, 'state_delivery', ['C: When will they come?', 'L: no prob, thursday'])).toBe('met');
    expect(markOf(chase, 'state_delivery', ['C: So when will they turn up?', "L: I can't give you a date, but it should be early next week."])).toBe('partly');
  });

  it('is missed when the cut-off is ignored', () => {
    const card = markLines(desks, ['C: Can they come Monday?', 'L: Yes, Monday 16 March is fine.']);
    expect(card.criteria.state_delivery.mark).toBe('missed');
  });

  it('is missed when bank holidays are counted as working days', () => {
    expect(markOf(mesh, 'state_delivery', ['C: When would the 160s arrive?', "L: Three working days, so Tuesday 7 April.", '/place CH-MESH-160 2', 'D: Order SO-50126 placed'])).toBe('missed');
    expect(markOf(chase, 'state_delivery', ['C: When?', "L: They'll be redelivered Monday 25 May."])).toBe('missed');
  });

  it('is missed when the original date is kept after a change', () => {
    expect(markOf(change, 'state_delivery', ['/amend SO-48213 PP-A4-80 15', 'D: amended', "C: It'll still come Thursday, won't it?", 'L: Yes, still Thursday.'])).toBe('missed');
  });

  it('lets the last word count', () => {
    expect(markOf(ergo, 'state_delivery', ["L: They'll arrive Thursday 5 March.", 'C: Great.', 'L: So that is six chairs arriving Wednesday 4 March.'])).toBe('missed');
    expect(markOf(ergo, 'state_delivery', ["L: They'll arrive Wednesday 4 March.", 'C: Great.', 'L: Sorry, I tell a lie, it is Thursday 5 March.'])).toBe('met');
  });

  it('is partly when the date is right only after the customer challenged it', () => {
    expect(markOf(desks, 'state_delivery', ['L: They can come Monday 16 March.', "C: Hang on, isn't it after two o'clock?", "L: You're right, it will be Tuesday 17 March."])).toBe('partly');
  });

  it('collections: any working day from the earliest; a Saturday is wrong', () => {
    expect(markOf(cancel, 'state_delivery', ['C: When can you collect it?', 'L: We can collect on Tuesday 16 June.'])).toBe('met');
    expect(markOf(cancel, 'state_delivery', ['C: When can you collect it?', 'L: We can come on Saturday.'])).toBe('missed');
    expect(markOf(cancel, 'state_delivery', ['C: When can you collect it?', 'L: We can collect any working day from tomorrow.'])).toBe('missed');
  });

  it('split delivery: both dates are needed; the supplier date given as delivery is wrong', () => {
    expect(markOf(split, 'state_delivery', ['L: Four arrive tomorrow, Thursday 5 March, and the other two on Wednesday 11 March.'])).toBe('met');
    expect(markOf(split, 'state_delivery', ['L: Four arrive tomorrow and the other two sometime next week.'])).toBe('partly');
    expect(markOf(split, 'state_delivery', ['L: Four arrive tomorrow and the other two on Friday the 6th.'])).toBe('missed');
    expect(markOf(split, 'state_delivery', ['L: The replacements come in from the supplier on Friday, so the last two reach you on Wednesday the 11th; the other four arrive on the 5th.'])).toBe('met');
  });

  it('does not take a call-back or refund date for a delivery date', () => {
    expect(
      markOf(chase, 'state_delivery', ["L: They'll be redelivered on Tuesday 26 May.", 'C: OK.', "L: I'll call you back tomorrow, Friday 22 May, before noon, with an update."]),
    ).toBe('met');
  });
});
