import { describe, expect, it } from '@jest/globals';
import { markLines, markOf } from './helpers.js';
import { shipped } from './scenarios.js';

const ergo = shipped('place-ergo-chairs');
const chase = shipped('chase-late-cabinets');
const mesh = shipped('place-mesh-chairs-out-of-stock');
const opening = ['C: Hi.', 'L: Hello, Harbour & Pike, Ann speaking.', 'C: Six chairs please.', 'L: Certainly.'];
const split = shipped('call-split-delivery');
const PLACED = ['/place CH-ERG-200 6', 'D: Order SO-49002 placed on account AC-20417'];
const cancel = shipped('cancel-home-desk');
const change = shipped('change-school-order');
const desksCredit = shipped('place-desks-credit-limit');

describe('confirm_details', () => {
  it('is met with a read-back of items and date or address and a request to confirm', () => {
    expect(markOf(ergo, 'confirm_details', [...opening, 'L: To recap: six Ergo 200 chairs to 12 Headingley Lane, arriving Thursday 5 March. Have I got that right?'])).toBe('met');
  });

  it('is partly without the request, or with a partial read-back', () => {
    expect(markOf(ergo, 'confirm_details', [...opening, "L: So that's six Ergo 200 chairs arriving Thursday 5 March."])).toBe('partly');
    expect(markOf(ergo, 'confirm_details', [...opening, 'L: So, six Ergo 200 chairs on your account, is that right?'])).toBe('partly');
  });

  it('is partly with a one-line summary of the outcome, or of a split put as a summary', () => {
    expect(markOf(ergo, 'confirm_details', [...opening, ...PLACED, "L: That's placed. Order SO-49002, arriving Thursday."])).toBe('partly');
    expect(markOf(split, 'confirm_details', [...opening, "L: OK I'll split it then. Four tomorrow, two next week."])).toBe('partly');
  });

  it('is met when a split is read back as quantities with their days and put to the customer', () => {
    expect(markOf(split, 'confirm_details', [...opening, "L: So that's four on Thursday and two on Wednesday 11 March, total unchanged at £965.52 including VAT. Is that OK?"])).toBe('met');
  });

  it('takes a question tag as the request to confirm, and a one-line booking as a summary', () => {
    expect(markOf(ergo, 'confirm_details', [...opening, ...PLACED, "L: That's gone through. So that's six Ergo 200 chairs coming Thursday, yeah?"])).toBe('met');
    expect(markOf(cancel, 'confirm_details', [...opening, 'L: Booked in for Monday 15th June. The money should be back on your card within 14 days.'])).toBe('partly');
  });

  it('takes the request in the learner\'s next message, and ignores quotes and identity read-outs', () => {
    expect(
      markOf(ergo, 'confirm_details', [...opening, ...PLACED, "L: That's placed: six Ergo 200 chairs, £965.52 including VAT, delivered Thursday 5 March.", 'C: Great.', 'L: Is that all okay for you?']),
    ).toBe('met');
    expect(markOf(ergo, 'confirm_details', [...opening, ...PLACED, "C: What's that going to come to?", "L: That'll be £965.52 including VAT for the six chairs. They'd be with you on Thursday the 5th."])).toBe('missed');
    expect(markOf(ergo, 'confirm_details', [...opening, "L: Sure. So that's account AC-20417 at Headingley Lane, is that right?"])).toBe('missed');
  });

  it('is not fooled by "to check" in a promise, or "that\'s done" with a place', () => {
    expect(markOf(chase, 'confirm_details', [...opening, "L: I'll give you a call on Tuesday afternoon to check it arrived."])).toBe('missed');
    expect(markOf(change, 'confirm_details', [...opening, "L: Shall I send it to the annex? That's done too."])).toBe('missed');
  });

  it('is missed when the only details were an offer made before the order was placed', () => {
    expect(markOf(ergo, 'confirm_details', [...opening, 'L: Ergo 200 is in stock. Six are £965.52 with VAT. Delivery Thursday the 5th.', 'C: Great, go ahead.', ...PLACED, 'L: Ordered.'])).toBe('missed');
  });

  it('is missed with no read-back, or only actions reported step by step', () => {
    expect(markOf(ergo, 'confirm_details', [...opening, "L: I've placed it.", 'C: Thanks.', "L: I've added a note.", 'C: OK.'])).toBe('missed');
  });
});

describe('arrange_follow_up', () => {
  it('is met with what, when and how; a conditional specific promise counts', () => {
    expect(markOf(ergo, 'arrange_follow_up', ["L: You'll get a confirmation email within the hour."])).toBe('met');
    expect(markOf(chase, 'arrange_follow_up', ["L: I'll phone you before 11 tomorrow if there's any news."])).toBe('met');
  });

  it('"within a couple of hours" is a time', () => {
    expect(markOf(desksCredit, 'arrange_follow_up', ['L: Credit Control will ring you back within a couple of hours.'])).toBe('met');
  });

  it('is partly when vague or without a time', () => {
    expect(markOf(ergo, 'arrange_follow_up', ["L: You'll get an email confirming it."])).toBe('partly');
    expect(markOf(chase, 'arrange_follow_up', ["L: We'll be in touch."])).toBe('partly');
  });

  it('is partly when the update is later than the handbook allows', () => {
    const card = markLines(chase, ["L: I'll call you on Tuesday 26 May to check they've arrived."]);
    expect(card.criteria.arrange_follow_up.mark).toBe('partly');
    expect(card.criteria.arrange_follow_up.note).toMatch(/later than the limit/);
  });

  it('is met with a time in hours, or the nearest time of a sentence that also names a later day', () => {
    expect(markOf(ergo, 'arrange_follow_up', ['L: You will receive the confirmation by email in one hour.'])).toBe('met');
    expect(markOf(chase, 'arrange_follow_up', ["L: I'll email you by 4pm today with the decision and confirmation of Tuesday's redelivery."])).toBe('met');
    expect(markOf(chase, 'arrange_follow_up', ["L: I'll call you tomorrow morning, before 10, to confirm the delivery is still on track for Tuesday."])).toBe('met');
  });

  it('is missed with none; a delivery date alone is not a follow-up; asking for details is not one', () => {
    expect(markOf(ergo, 'arrange_follow_up', ["L: They'll be delivered Thursday 5 March."])).toBe('missed');
    expect(markOf(ergo, 'arrange_follow_up', ['L: Full name, and email address please.'])).toBe('missed');
  });
});

describe('escalate', () => {
  it('is met: Purchasing for an out-of-stock item, on the desk or told', () => {
    expect(markOf(mesh, 'escalate', ['/refer purchasing 2 x CH-MESH-150 wanted', 'D: Referred to Purchasing'])).toBe('met');
    expect(markOf(mesh, 'escalate', ["L: I'll raise a stock query with our Purchasing team for the 150s."])).toBe('met');
  });

  it('is partly when told to a team that is not the right one, by any name', () => {
    expect(markOf(mesh, 'escalate', ["L: I'll let the delivery team know the 150s were out of stock so they can sort it."])).toBe('partly');
  });

  it('late delivery: the goodwill credit note must be offered subject to approval', () => {
    expect(
      markOf(chase, 'escalate', ["L: I'm escalating this to our Logistics Team Leader and requesting a £20 goodwill credit note, which they need to approve."]),
    ).toBe('met');
    expect(markOf(chase, 'escalate', ["L: I'll escalate to the Logistics Team Leader and put a £20 credit note on your account."])).toBe('partly');
    expect(markOf(chase, 'escalate', ['/refer logistics SO-50310 late', 'D: Referred'])).toBe('partly');
  });

  it('is partly vague or to the wrong team, and missed when absent', () => {
    expect(markOf(mesh, 'escalate', ["L: I'll pass it on."])).toBe('partly');
    expect(markOf(mesh, 'escalate', ['/refer logistics CH-MESH-150 out of stock', 'D: Referred to the Logistics Team Leader'])).toBe('partly');
    expect(markOf(chase, 'escalate', ["L: There's nothing more I can do, it's with the carrier."])).toBe('missed');
  });
});

describe('close_call', () => {
  it('is met with an anything-else check and a polite close', () => {
    expect(markOf(ergo, 'close_call', [...opening, 'L: Is there anything else I can help with?', 'C: No thanks.', 'L: Thanks for calling, have a lovely day.'])).toBe('met');
    expect(markOf(ergo, 'close_call', [...opening, 'L: Something more I can help?', 'C: No.', 'L: Thank you very much, have a nice day.'])).toBe('met');
  });

  it('is partly with only one of the two', () => {
    expect(markOf(ergo, 'close_call', [...opening, 'C: Thanks.', 'L: Bye!'])).toBe('partly');
    expect(markOf(ergo, 'close_call', [...opening, 'C: Thanks.', 'L: ok cya'])).toBe('partly');
    expect(markOf(ergo, 'close_call', [...opening, 'L: Anything else?', 'C: No.'])).toBe('partly');
  });

  it('is missed when the call just stops', () => {
    expect(markOf(ergo, 'close_call', [...opening, "L: That's placed.", 'C: Thanks.'])).toBe('missed');
  });
});

describe('professional_language', () => {
  it('does not count plain informal words', () => {
    expect(markOf(ergo, 'professional_language', ['L: Yeah, OK, cheers for that.', 'L: Yep, lovely.'])).toBe('met');
  });

  it('is partly with one lapse', () => {
    expect(markOf(ergo, 'professional_language', ["L: I'm gonna put that through now."])).toBe('partly');
    expect(markOf(ergo, 'professional_language', ['L: No worries, mate.'])).toBe('partly');
    expect(markOf(ergo, 'professional_language', ['L: Right you are, love.'])).toBe('partly');
    expect(markOf(ergo, 'professional_language', ["L: Sure, I'll just check that. I'd love to help with the order."])).toBe('met');
    expect(markOf(mesh, 'professional_language', ["L: The supplier hasn't sent any, probably their fault as usual."])).toBe('partly');
    expect(markOf(chase, 'professional_language', ['L: You should have been in when they tried.'])).toBe('missed');
    // one blaming remark is one lapse, however it is worded
    expect(markOf(chase, 'professional_language', ["L: Ugh, Parcelnet have messed up again, they're useless. They damaged the pallet."])).toBe('partly');
    expect(markOf(chase, 'professional_language', ["L: We've messed up here, I'm sorry. The pallet was damaged."])).toBe('met');
  });

  it('is missed with repeated lapses, sarcasm or blaming the customer', () => {
    expect(markOf(ergo, 'professional_language', ['L: np', 'L: ur order is done 👍'])).toBe('missed');
    expect(markOf(ergo, 'professional_language', ["L: Sure, I'll just conjure up some chairs for you, shall I?"])).toBe('missed');
    expect(markOf(ergo, 'professional_language', ['L: You should have checked the size before ordering.'])).toBe('missed');
  });
});
