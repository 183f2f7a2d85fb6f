/**
 * Scripted calls for the scenarios about an existing order: the change (asks whether the
 * date holds, queries a later one), the cancellation after delivery (anxious questions,
 * picking a collection day, correcting a read-back that moves it), the late delivery (irate
 * until apologised to and given facts, threatens when fobbed off, asks what will be done),
 * and the outbound split delivery (answers the phone, careful about disclosure, asks what
 * cancelling would cost, chooses the split).
 */
import { describe, expect, it } from '@jest/globals';
import { ScriptedCall, scenario, text } from './call-script.js';

describe('change-school-order: calm', () => {
  const start = [
    'Good afternoon, Harbour & Pike, Jo speaking, how can I help?',
    "Of course. What's the order number, and could you confirm your postcode and phone number?",
    'Thank you. What would you like to change?',
  ];

  it('asks whether Thursday still holds, and queries Friday once', () => {
    const call = new ScriptedCall(scenario('change-school-order'));
    const [, verify, change] = call.script(start);
    expect(text(verify)).toMatch(/SO-48213/);
    expect(text(change)).toMatch(/15|fifteen/i);
    const r1 = call.say('No problem, I can increase the paper to 15 boxes. The new total is £475.44 including VAT.');
    expect(r1.acts).toContain('ask_date_still_holds');
    const r2 = call.say('Because the order is changed today, delivery moves to Friday 15 May.');
    expect(r2.acts).toContain('deadline_missed');
    const r3 = call.say("So to confirm, 15 boxes of paper delivered to the annex on Friday 15 May, £475.44 including VAT. Is that right?");
    expect(r3.acts).toContain('confirm_yes');
  });

  it('corrects a quantity he did not ask for', () => {
    const call = new ScriptedCall(scenario('change-school-order'));
    call.script(start);
    const r = call.say("So that's 12 boxes of the A4 paper now, is that right?");
    expect(r.acts).toContain('correction_detail');
    expect(text(r)).toMatch(/15/);
  });
});

describe('cancel-home-desk: anxious private customer', () => {
  const start = [
    "Good afternoon, you're through to Harbour & Pike, I'm Rhiannon. How can I help?",
    'Could I start with the order number, please?',
    'And could you give me your full name and the postcode, please?',
  ];

  it('answers questions about the goods from what she knows, and asks whether she will lose money', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'));
    call.script(start);
    const r1 = call.say('Is the desk faulty at all, or is it just the size?');
    expect(text(r1)).toMatch(/nothing wrong/i);
    const r2 = call.say('Thank you, I can see your order here.');
    expect(r2.acts).toContain('ask_lose_money');
    const r3 = call.say("There's a £19.95 collection charge because it's bulky, so you'd get £374.85 back.");
    expect(r3.acts.some((a) => a === 'ask_refund_timing' || a === 'ask_refund_amount')).toBe(true);
  });

  it('picks one of the collection days offered, and corrects a read-back that moves it', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'));
    call.script(start);
    const r1 = call.say('We can collect on any working day from tomorrow. Would Thursday 11 June or Friday 12 June suit you better?');
    const picked = r1.decisions.pickedDate;
    expect(['2026-06-11', '2026-06-12']).toContain(picked);
    const other = picked === '2026-06-11' ? 'Friday 12 June' : 'Thursday 11 June';
    const r2 = call.say(`So to confirm, we'll collect the desk on ${other}. Is that right?`);
    expect(r2.acts).toContain('correct_picked_date');
    expect(r2.acts).not.toContain('confirm_yes');
  });

  it('has no account number or company, and says so in character', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'));
    const r = call.say('Could I take your account number and the name of your company?');
    expect(text(r)).toMatch(/account/i);
    expect(r.reveals).toEqual([]);
  });
});

describe('chase-late-cabinets: irate', () => {
  it('stays irate when fobbed off and threatens to go elsewhere', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    expect(call.opening.mood).toBe('irate');
    const r1 = call.say('order number?');
    expect(r1.acts).toContain('irate');
    expect(text(r1)).toMatch(/SO-50310/);
    call.say("ok so there's been an issue with the delivery, it's sat at a depot");
    const r3 = call.say("Not much I can do to be honest, I'll pass it on.");
    expect(r3.acts).toContain('threaten');
    expect(r3.mood).toBe('irate');
  });

  it('calms down when apologised to and given the facts, then asks what will be done', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    call.script([
      "Good morning, Harbour & Pike, my name's Jade. I'm really sorry you've been left waiting. Could I have the order number, please?",
      'And for security, could you give me your full name and the email address on the account?',
    ]);
    const r = call.say(
      'The carrier\'s tracking shows the pallet was damaged in transit and is held at their Croydon depot; the cabinets have been re-packed and redelivery is booked for Tuesday 26 May.',
    );
    expect(r.acts).toContain('calm');
    expect(r.mood).toBe('calm');
    expect(r.acts).toContain('ask_remedy');
    const r2 = call.say("I'm escalating this to our Logistics Team Leader today and I'd like to offer you a £20 goodwill credit note.");
    expect(r2.acts).not.toContain('threaten');
    const r3 = call.say('Is there anything else I can help with?');
    expect(r3.acts).toContain('anything_else_no');
  });

  it('asks when exactly they will turn up when only given a vague span', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'));
    call.script(["I'm sorry about this. Could I have the order number?"]);
    const r1 = call.say('The cabinets were damaged in transit and are at the depot.');
    expect(r1.acts).toContain('ask_revised_date');
    const r2 = call.say('They should be with you in the next few days.');
    expect(r2.acts).toContain('ask_exact_date');
  });
});

describe('call-split-delivery: outbound, busy', () => {
  it('answers the phone, remarks on details given before she is verified, asks what cancelling costs, chooses the split', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    expect(text(call.opening)).toMatch(/Brightside Dental, Priya speaking/);
    const r1 = call.say('Hi, it is about your chairs, there is a problem with two of them.');
    expect(r1.acts).toContain('unverified_disclosure');
    expect(r1.acts).toContain('who_is_calling');
  });

  it('goes through the options after verification and chooses the split', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    const r1 = call.say('Good morning, this is Lucy calling from Harbour & Pike Office Supplies. Am I speaking with Priya Shah?');
    expect(r1.acts).toContain('speaking');
    const r2 = call.say('Could you give me your account number, your billing postcode and the email address registered with us?');
    expect(r2.reveals).toEqual(expect.arrayContaining(['account_number', 'postcode', 'email']));
    const r3 = call.say("Thank you, that's all verified. I'm sorry to say two of the six chairs on your order were damaged in our warehouse.");
    expect(r3.acts).toContain('problem_reaction');
    const r4 = call.say(
      'You have three options: we split the delivery, four tomorrow and two on Wednesday 11 March, at no extra charge; we hold the whole order and deliver all six on Wednesday 11 March; or you cancel the two chairs, free of charge.',
    );
    expect(r4.acts).toContain('ask_cancel_part_price');
    expect(r4.decisions.problem).toBeUndefined();
    const r5 = call.say('With only four chairs the multi-buy no longer applies, so four chairs would be £715.20 including VAT.');
    expect(r5.decisions.problem).toBe('split');
    expect(r5.acts).toContain('choose');
  });
});
