/**
 * The caller reacts as a real caller would to what was actually said: a count of stock is
 * not a read-back of the order; a question of theirs that was passed over is asked again,
 * not thanked for; an upset caller calms only on what calms them (vague news is not facts);
 * a delivery day said beside the caller's own deadline is heard as the delivery day; and
 * after a message about two options, the caller asks for what it still needs.
 */
import { describe, expect, it } from '@jest/globals';
import { ScriptedCall, scenario, text } from './call-script.js';

describe('a stock count is not a read-back', () => {
  it('place-desks-credit-limit: "we have eight … in stock, so four is no problem" is not corrected', () => {
    const call = new ScriptedCall(scenario('place-desks-credit-limit'));
    call.script([
      'Good afternoon, Harbour & Pike Office Supplies, this is Sam. How can I help?',
      'Of course. Could I start with your account number, please?',
      'Thank you, Tom. Which desks are you after, and how many?',
    ]);
    const r = call.say(
      "We have eight of the 1400 mm sit-stand desks in stock, so four is no problem. This month our desk mat deal gives you a free desk mat with every sit-stand desk, so that's four desk mats free.",
    );
    expect(r.acts).not.toContain('correction');
    expect(r.acts).not.toContain('correction_detail');
    expect(r.acts).not.toContain('confirm_yes');
    expect(text(r)).not.toMatch(/not right/i);
  });

  it('still corrects a wrong quantity read back in the same words', () => {
    const call = new ScriptedCall(scenario('place-desks-credit-limit'));
    call.script(['Good afternoon, Harbour & Pike, how can I help?', 'How many desks were you after?']);
    const r = call.say('So that is six of the 1400 mm sit-stand desks, is that right?');
    expect(r.acts).toContain('correction_detail');
  });
});

describe('a question passed over is asked again', () => {
  const start = [
    'Hello, Harbour & Pike, Jo speaking, how can I help?',
    'Can I take your order number please?',
    'And your postcode and the email address on the order?',
    'Has the desk been used or assembled, and is it still in the box?',
  ];

  it('cancel-home-desk: "Am I going to lose money?" ignored → asked again, not thanks', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'));
    call.script(start);
    const asked = call.say("That's fine, you're within the 14 days so you can cancel it.");
    const question = asked.acts.find((a) => a.startsWith('ask_'));
    expect(question).toBeDefined();
    const r = call.say('Thanks for waiting. I have booked a courier to collect it.');
    expect(r.acts).toContain(question);
    expect(r.acts).not.toContain('thanks');
    expect(r.acts).not.toContain('acknowledge');
  });

  it('cancel-home-desk: "When do I get my refund?" ignored → asked again, politely', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'));
    call.script(start);
    const asked = call.say("You're within the 14 days, so you can cancel it and you'll get a full refund less a £19.95 collection charge, so £374.85 back.");
    expect(asked.acts).toContain('ask_refund_timing');
    const r = call.say('I have booked a courier to collect it on Thursday 11 June.');
    expect(r.acts).toContain('ask_refund_timing');
    expect(r.acts).toContain('reask');
    expect(text(r)).not.toMatch(/really helpful/i);
    // answered: no more asking
    const after = call.say("You'll get the refund on your card within 14 days of the collection.");
    expect(after.acts).not.toContain('ask_refund_timing');
  });

  it('a question passed over while the adviser asks something is asked again when there is room', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    call.script(['Good morning, Harbour & Pike, Sam speaking. How can I help?', 'Which chairs and how many?']);
    const asked = call.say("Lovely, they're in stock.");
    expect(asked.acts).toContain('ask_price');
    const answered = call.say('Could I take your account number first?');
    expect(answered.acts).toContain('answer:account_number');
    const r = call.say('Thanks, that all matches.');
    expect(r.acts).toContain('ask_price');
  });
});

describe('an upset caller calms on what calms them', () => {
  const start = ['Good morning, Harbour & Pike, Sam speaking. How can I help?', 'Can I take the order number please?'];

  it('chase-late-cabinets: an apology with vague news does not calm him', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    call.script(start);
    const r = call.say("I'm really sorry about that. Your order has been delayed.");
    expect(r.acts).not.toContain('calm');
    expect(r.mood).toBe('irate');
  });

  it('chase-late-cabinets: what went wrong and where they are calms him', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    call.script([...start, "I'm really sorry about that. Your order has been delayed."]);
    const r = call.say('The pallet was damaged in transit, so your cabinets were re-packed and are being held at our Croydon depot.');
    expect(r.acts).toContain('calm');
    expect(r.mood).toBe('calm');
  });

  it('chase-late-cabinets: "Oh no, I\'m sorry" is an apology, and "I\'m sorry, we don\'t know yet" too', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    call.say('Good morning, Harbour & Pike, Sam speaking. How can I help?');
    call.say("Oh no, I'm sorry to hear that. Could I take your order number?");
    expect(call.state.memory.apologised).toBe(true);
    const other = new ScriptedCall(scenario('chase-late-cabinets'));
    other.script(start);
    other.say("I'm sorry, I don't have the tracking in front of me yet.");
    expect(other.state.memory.apologised).toBe(true);
  });

  it('chase-late-cabinets: an apology and a day for the goods calms him', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    call.script(start);
    const r = call.say("I'm so sorry. They'll be redelivered on Tuesday 26 May.");
    expect(r.acts).toContain('calm');
  });
});

describe('a delivery day said beside the caller\'s deadline', () => {
  it('place-mesh-chairs-out-of-stock: "delivered on Thursday 9 April, in time for … Monday 13th" is the delivery day', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'));
    call.script([
      'Good morning, Harbour and Pike, this is Sam. How can I help?',
      'Which chairs would you like, and how many?',
      "I'm afraid the Mesh 150 is out of stock, but we have the Mesh 160 in stock as an alternative. It's £96.00 a chair, £6.50 more than the 150.",
    ]);
    const r = call.say("They'd be delivered on Thursday 9 April, in time for your new starter on Monday 13th.");
    expect(r.decisions.outOfStock).toBe('alternative');
    expect(r.acts).not.toContain('ask_delivery_date');
  });
});

describe('after a message about two options, the caller asks for what it still needs', () => {
  it('place-mesh-chairs-out-of-stock: the back-order\'s day given, the alternative\'s not → asks when the alternative would come', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'));
    call.script(['Good morning, Harbour and Pike, this is Sam. How can I help?', 'Which chairs would you like, and how many?']);
    const r1 = call.say(
      "I'm afraid the Mesh 150 is out of stock. I can back-order them and they'd reach you on Thursday 16 April, or the Mesh 160 is in stock as an alternative at £96.00 each, that's £6.50 more per chair.",
    );
    const r2 = r1.acts.includes('ask_delivery_date') ? r1 : call.say('Okay.');
    expect(r2.acts).toContain('ask_delivery_date');
    expect(text(r2)).toMatch(/160/);
    const r3 = call.say('The Mesh 160s would arrive on Thursday 9 April.');
    expect(r3.decisions.outOfStock).toBe('alternative');
  });
});

describe('answers to the caller\'s own questions are taken in', () => {
  const start = [
    'Good morning, Harbour & Pike, Sam speaking. How can I help?',
    "I'm so sorry about that. Can I take the order number please?",
    'The pallet was damaged in transit, so your cabinets were re-packed and are being held at our Croydon depot.',
  ];

  it('chase-late-cabinets: already late, the first new day is taken reluctantly, then he asks what is being done', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    call.script(start);
    const r = call.say('Redelivery is booked for Tuesday 26 May.');
    expect(r.acts).toContain('accept_late_date');
    expect(text(r)).toMatch(/Tuesday/);
    expect(r.acts).toContain('ask_remedy');
  });

  it('chase-late-cabinets: "I\'ve noted it" is not something done to put it right', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    call.script([...start, 'Redelivery is booked for Tuesday 26 May.']);
    const r = call.say("I've noted it.");
    expect(r.acts).not.toContain('pleased');
    expect(call.state.memory.remedy).toBe(false);
  });

  it('chase-late-cabinets: something done to put it right is welcomed once he has calmed', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    call.script([...start, 'Redelivery is booked for Tuesday 26 May.']);
    const r = call.say("I'm passing this to our Logistics Team Leader, and I can offer you a £20 goodwill credit note, subject to their approval.");
    expect(r.acts).toContain('pleased');
  });
});

describe('more whole-call glitches', () => {
  it('cancel-home-desk: "have you still got the box?" is about the box, not the order number again', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'));
    call.script(['Good afternoon, Harbour & Pike, Dee speaking. How can I help?', 'Could I get the order number from you?', 'Can I ask if the desk has been assembled at all?']);
    const r = call.say('And have you still got the box?');
    expect(r.acts).toEqual(['answer:return']);
  });

  it('call-split-delivery: asked to choose again after choosing, she says her choice again', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    call.script([
      'Hi, is that Priya Shah?',
      "It's Chris calling from Harbour & Pike Office Supplies about your chair order.",
      'Before I go on, could you confirm your account number and postcode for me?',
      "I'm afraid two of the six Ergo 200 chairs were damaged in our warehouse while being picked.",
      'We can send four tomorrow and the other two on Wednesday 11 March, or hold all six and send them together on the 11th.',
    ]);
    expect(call.replies[call.replies.length - 1].decisions.problem).toBe('split');
    const r = call.say('Which would you prefer?');
    expect(r.acts).not.toContain('unclear');
    expect(text(r)).toMatch(/split/i);
  });

  it('call-split-delivery: "is that Priya Shah?" — "yes, that\'s me" confirms her name: with her account and postcode she is verified, no remark', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    call.script([
      'Hi, is that Priya Shah?',
      "It's Chris calling from Harbour & Pike Office Supplies about your chair order.",
      'Before I go on, could you confirm your account number and postcode for me?',
    ]);
    const r = call.say("I'm afraid two of the six Ergo 200 chairs were damaged in our warehouse while being picked.");
    expect(r.acts).not.toContain('unverified_disclosure');
  });
});

describe('a proposal is answered', () => {
  it('place-ergo-chairs: "Shall I put that through on your account?" → yes, go ahead (not "great, thanks")', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    call.script(['Good morning, Harbour & Pike, how can I help?', 'Six Ergo 200 chairs come to £965.52 including VAT, delivered on Thursday 5 March.']);
    const r = call.say('Shall I put that through on your account?');
    expect(r.acts).toContain('go_ahead');
    expect(r.decisions.credit).toBe('on-account');
  });
});

describe('over the credit limit, told no after pushing back', () => {
  const start = [
    'Afternoon, Harbour & Pike, you are speaking with Nat. What can I do for you?',
    'How many desks are you after?',
    'So four sit-stand desks would be £1,579.20 including VAT.',
  ];

  it('place-desks-credit-limit: asks what can be done, not his earlier question', () => {
    const call = new ScriptedCall(scenario('place-desks-credit-limit'));
    call.script(start);
    const pushed = call.say("Unfortunately that would take you over your credit limit, you've only got £850 available.");
    expect(pushed.acts).toContain('push_back');
    const r = call.say("I understand, but I'm not able to override it I'm afraid.");
    expect(r.acts).toContain('problem_reaction');
    expect(r.acts).not.toContain('reask');
    const routes = call.say('You could pay by card over the phone instead, or I could refer it to our credit control team.');
    expect(routes.decisions.credit).toBe('card');
  });
});

describe('days and choices around an out-of-stock item', () => {
  const start = ['Good morning, Harbour & Pike, Sam speaking, how can I help?', 'Which chairs are you after?'];

  it('place-mesh-chairs-out-of-stock: "out of stock until the 13th" is not a delivery day in time', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'));
    call.script(start);
    const r = call.say('Sorry, the Mesh 150 is out of stock until the 13th of April.');
    expect(r.acts).not.toContain('date_ok');
    expect(r.acts).toContain('ask_alternative');
  });

  it('place-mesh-chairs-out-of-stock: "What would you like to do?" after deciding is a choice, not "why are you calling?"', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'));
    call.script([...start, 'Sorry, the Mesh 150 is out of stock. There is the Mesh 160 at £96 each, £6.50 more.', 'That would be Thursday 9 April.']);
    expect(call.replies[call.replies.length - 1].decisions.outOfStock).toBe('alternative');
    const r = call.say('What would you like to do?');
    expect(r.acts).not.toContain('repeated_question');
    expect(r.acts).not.toContain('answer:reason');
  });
});

describe('an outbound call that starts with the details', () => {
  it('call-split-delivery: a careful remark that asks who is calling is not followed by asking again', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    const r = call.say("Hello, I'm calling about order SO-49002, two of the chairs got damaged.");
    expect(r.acts).toContain('unverified_disclosure');
    expect(r.acts).toContain('who_is_calling');
    expect(text(r).match(/\bwho(?:'s| is) (?:this|calling)\b|\bwho am i (?:speaking|talking) to\b/gi)?.length).toBe(1);
  });
});

describe('a question about the caller\'s items', () => {
  it('change-school-order: "Is that just the paper or the toner too?" is answered with the items', () => {
    const call = new ScriptedCall(scenario('change-school-order'));
    call.script(['Morning! Harbour & Pike, Ellie speaking.', 'Can I take the order number?', 'So what would you like to change?']);
    const r = call.say('Is that just the paper or the toner too?');
    expect(r.acts).not.toContain('unclear');
    expect(r.acts).toContain('answer:item_quantity');
    expect(text(r)).toMatch(/paper/i);
  });
});

describe('leaving with a question unanswered', () => {
  it('cancel-home-desk: no thanks at goodbye when "when do I get my refund?" was never answered', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'), 4);
    call.script([
      'Hello, Harbour & Pike, Kim speaking, how can I help?',
      "I'm sorry to hear that. Can I take your order number, postcode and email please?",
      'Thanks Aisha. Has it been assembled, and is it still in its box?',
      "That's fine. You're within your 14-day right to cancel, which ends on Friday 19 June.",
      "Not much. There's a £19.95 collection charge as it's a bulky item, so you'd get £374.85 back.",
      "That's booked for Thursday 11 June.",
      'Is there anything else I can help with?',
    ]);
    expect(call.state.agenda.find((a) => a.ask === 'refund-timing')?.satisfied).toBe(false);
    const r = call.say('Thanks for calling, bye.');
    expect(r.hungUp).toBe(true);
    expect(r.acts).not.toContain('thanks');
  });
});

describe('the alternative by its number, and saying it again', () => {
  const start = [
    'Hi, Harbour & Pike, how can I help?',
    'What chairs were you after?',
    "The Mesh 150 is out of stock I'm afraid, we're expecting more in on Monday 13 April.",
    'We could back-order them for you, or there is the Mesh 160.',
  ];

  it('place-mesh-chairs-out-of-stock: "The 160 is £96 a chair…, and the back-order would be…" prices the alternative', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'));
    call.script(start);
    call.say('The 160 is £96 a chair plus VAT, and the back-order would be delivered Thursday 16 April.');
    expect(call.state.memory.alternativePrice).toBe(true);
    expect(call.state.memory.alternativeDate).toBe(false);
  });

  it('"Sorry, what was that?" gets the caller\'s last words again', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'));
    call.script(start);
    const last = text(call.replies[call.replies.length - 1]);
    const r = call.say('Sorry, what was that?');
    expect(r.acts).toEqual(['sure_repeat']);
    expect(text(r)).toContain(last);
  });
});
