/**
 * Scripted calls for the three new-order scenarios: the caller asks the price and the
 * delivery date when not told, queries a date past the deadline, confirms or corrects a
 * read-back, pushes back over the credit limit and takes the route they prefer, and takes
 * the alternative for an out-of-stock item only once its price and date are clear.
 */
import { describe, expect, it } from '@jest/globals';
import { ScriptedCall, scenario, text } from './call-script.js';

describe('place-ergo-chairs: busy, polite', () => {
  it('opens with what she wants, answers only what is asked, asks price and date when not told', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    expect(text(call.opening)).toMatch(/chair/i);
    expect(call.opening.reveals).toEqual([]);

    const r1 = call.say('Good morning, Harbour & Pike, Sam speaking. How can I help?');
    expect(r1.acts).toContain('answer:reason');
    const r2 = call.say('Could I take your account number and your postcode, please?');
    expect(text(r2)).toMatch(/AC-20417/);
    expect(text(r2)).toMatch(/LS6 2QT/);
    expect(text(r2)).not.toMatch(/0113|@/); // nothing volunteered beyond the question
    const r3 = call.say('Thanks. Which chairs would you like, and how many?');
    expect(text(r3)).toMatch(/six|6/i);
    const r4 = call.say("Lovely, they're in stock.");
    expect(r4.acts).toContain('ask_price');
    const r5 = call.say('That comes to £965.52 including VAT.');
    expect(r5.acts).toContain('ask_delivery_date');
    const r6 = call.say("They'll arrive on Thursday 5 March.");
    expect(r6.acts).not.toContain('deadline_missed');
    expect(r6.hungUp).toBe(false);
  });

  it('queries a delivery date that misses her Friday deadline, without saying the right one', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    call.say('Good morning, Harbour & Pike, how can I help?');
    const r = call.say('They would be delivered on Monday 9 March.');
    expect(r.acts).toContain('deadline_missed');
    expect(text(r)).not.toMatch(/Thursday|5 March|5th/i);
  });

  it('confirms a right read-back and corrects a wrong detail with her own value', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    call.script(['Hello, Harbour & Pike, how can I help?', 'Could I take your account number and postcode?']);
    const wrong = call.say('So to confirm, that is six Ergo 200 chairs on account AC-20417, postcode LS6 2TQ. Is that right?');
    expect(wrong.acts).not.toContain('confirm_yes');
    expect(text(wrong)).toMatch(/LS6 2QT/);
    const right = call.say('Sorry, so that is six Ergo 200 chairs on account AC-20417, postcode LS6 2QT. Is that right?');
    expect(right.acts).toContain('confirm_yes');
    const wrongQty = call.say('Just to check, that is five Ergo 200 chairs, is that correct?');
    expect(wrongQty.acts).toContain('correction_detail');
  });

  it('closes: "anything else?" → no; goodbye → hangs up and stays silent', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    call.script([
      'Good morning, Harbour & Pike, how can I help?',
      'Six Ergo 200 chairs come to £965.52 including VAT, delivered on Thursday 5 March.',
    ]);
    const r1 = call.say('Is there anything else I can help you with today?');
    expect(r1.acts).toContain('anything_else_no');
    const r2 = call.say('Thank you for calling, goodbye!');
    expect(r2.acts).toContain('goodbye');
    expect(r2.hungUp).toBe(true);
    const after = call.say('Hello? Are you still there?');
    expect(after.lines).toEqual([]);
    expect(after.hungUp).toBe(true);
  });

  it('asks the outstanding question before letting the call close', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    call.script(['Good morning, Harbour & Pike, how can I help?', 'Which chairs and how many?']);
    const r = call.say('Is there anything else I can help with?');
    expect(r.acts.some((a) => a === 'ask_price' || a === 'ask_delivery_date')).toBe(true);
    expect(r.hungUp).toBe(false);
  });

  it('loses patience when asked the same thing again and again: impatient, manager, hangs up', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    const replies = [1, 2, 3, 4, 5, 6].map(() => call.say('Could I take your account number, please?'));
    expect(replies[0].acts).toContain('answer:account_number');
    expect(replies[1].acts).toContain('repeated_question');
    const stages = replies.map((r) => r.stage);
    expect(stages).toContain('impatient');
    expect(stages).toContain('manager');
    expect(stages.indexOf('impatient')).toBeLessThan(stages.indexOf('manager'));
    const last = replies.find((r) => r.hungUp);
    expect(last?.stage).toBe('gone');
    expect(last?.acts).toContain('hang_up');
  });

  it('asking again politely ("could you repeat that?") costs no patience', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    call.say('Could I take your account number, please?');
    const r = call.say("Sorry, I didn't catch that — could you repeat the account number?");
    expect(r.acts).toContain('sure_repeat');
    expect(r.acts).not.toContain('repeated_question');
    expect(text(r)).toMatch(/AC-20417/);
  });
});

describe('place-desks-credit-limit: friendly but pushes', () => {
  const opening = [
    'Good afternoon, Harbour & Pike, Callum speaking. Can I take your account number?',
    'How many desks were you after?',
  ];

  it('pushes back once on the credit limit, then pays by card when offered the secure line', () => {
    const call = new ScriptedCall(scenario('place-desks-credit-limit'));
    call.script(opening);
    const r1 = call.say("I'm afraid the order is over your available credit, so I can't put it on account.");
    expect(r1.acts).toContain('push_back');
    expect(text(r1)).toMatch(/put it through/i);
    const r2 = call.say('What I can do is take payment by card now through our secure payment line.');
    expect(r2.decisions.credit).toBe('card');
    const paid = call.customer.onDesk({ kind: 'pay' });
    expect(paid.payment).toBe('completed');
    expect(paid.lines.length).toBe(1);
    expect(call.customer.onDesk({ kind: 'pay' }).payment).toBe('abandoned'); // not twice
  });

  it('takes a Credit Control referral only once it is explained', () => {
    const call = new ScriptedCall(scenario('place-desks-credit-limit'));
    call.script(opening);
    call.say("I'm afraid the order is over your available credit, so I can't put it on account.");
    const r1 = call.say('I can refer it to Credit Control.');
    expect(r1.decisions.credit).toBeUndefined();
    expect(r1.acts).toContain('ask_how_referral_works');
    const r2 = call.say('Credit Control will review it and reply within two working hours, and I will call you back.');
    expect(r2.decisions.credit).toBe('credit-control');
  });

  it('is pleased when told it can go on account (the marker judges whether it should)', () => {
    const call = new ScriptedCall(scenario('place-desks-credit-limit'));
    call.script(opening);
    const r = call.say("Yes, no problem, I'll put it on your account now.");
    expect(r.decisions.credit).toBe('on-account');
  });

  it('comes back from the payment line confused when card payment was never agreed', () => {
    const call = new ScriptedCall(scenario('place-desks-credit-limit'));
    call.script(opening);
    const r = call.customer.onDesk({ kind: 'pay' });
    expect(r.payment).toBe('abandoned');
    expect(r.acts).toContain('payment_unexpected');
  });
});

describe('place-mesh-chairs-out-of-stock: pleasant, price-conscious', () => {
  const start = ['Good morning, Harbour and Pike, this is Sam. How can I help?', 'Which chairs would you like, and how many?'];

  it('asks for an alternative, asks the difference, and takes it once its price and date are clear', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'));
    call.script(start);
    const r1 = call.say("I'm afraid the Mesh 150 is out of stock at the moment.");
    expect(r1.acts).toContain('ask_alternative');
    const r2 = call.say('We do have the Mesh 160 in stock as an alternative.');
    expect(r2.acts).toContain('ask_alternative_price_difference');
    const r3 = call.say("The Mesh 160 is £96.00 each, that's £6.50 more per chair, so £230.40 including VAT for two.");
    expect(r3.decisions.outOfStock).toBeUndefined();
    const r4 = call.say('They would arrive on Thursday 9 April.');
    expect(r4.decisions.outOfStock).toBe('alternative');
  });

  it('asks to back-order when asked to choose before the alternative is made clear', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'));
    call.script(start);
    call.say("I'm afraid the Mesh 150 is out of stock, but we have the Mesh 160 as an alternative.");
    const r1 = call.say('Which would you prefer?');
    expect(r1.decisions.outOfStock).toBeUndefined();
    expect(r1.acts.some((a) => a.startsWith('ask_'))).toBe(true);
    const r2 = call.say('Would you like to go ahead with one of them?');
    const r3 = r2.decisions.outOfStock ? r2 : call.say('So which would you prefer?');
    expect(r3.decisions.outOfStock).toBe('back-order');
  });

  it('queries a back-order date after her starter begins', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'));
    call.script(start);
    const r = call.say('I can back-order the Mesh 150s for you; they would be delivered on Thursday 16 April.');
    expect(r.acts).toContain('deadline_missed');
  });
});
