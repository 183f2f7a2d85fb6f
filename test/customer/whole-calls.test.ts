/**
 * Oddities found by playing whole calls, each in general: two details asked in one breath are
 * both given; a day the adviser takes back is not taken (nor queried once corrected); a choice
 * among options is made or asked about, naming what is chosen; no answers to questions nobody
 * asked; an alternative taken only once its day is known; a change the caller came to make is
 * not forgotten; an option is chosen only once options are offered; an answered question is not
 * asked again; an irate caller is not calmed by a bare date.
 */
import { describe, expect, it } from '@jest/globals';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { ScriptedCall, scenario, text } from './call-script.js';

describe('two details asked for in one question are both given', () => {
  it('place-ergo-chairs: "your full name and the telephone number of the account" → name and phone', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'), 13);
    call.script(['Good morning, Harbour & Pike, Ravi speaking.', 'Please can you tell me the account number?']);
    const r = call.say('Thank you. For the security I need also your full name and the telephone number of the account, please.');
    expect(r.acts).toEqual(expect.arrayContaining(['answer:full_name', 'answer:phone']));
    expect(r.acts).not.toContain('answer:account_number');
    expect(text(r)).toMatch(/Priya Shah/);
    expect(text(r)).toMatch(/0113 496 0321/);
  });

  it('cancel-home-desk: "Order number and the email on the order, please." → both', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'), 3);
    call.say('Good afternoon, Harbour & Pike, Marcus here.');
    const r = call.say('Order number and the email on the order, please.');
    expect(r.acts).toEqual(expect.arrayContaining(['answer:order_number', 'answer:email']));
  });

  it('change-school-order: "the postcode of the school and the full name" → both, and not the school', () => {
    const call = new ScriptedCall(scenario('change-school-order'), 3);
    call.script(['Good afternoon, Harbour & Pike, Ngozi speaking.', 'Please give me the order number.']);
    const r = call.say('Thank you. I must also ask you the postcode of the school and the full name, please.');
    expect(r.acts).toEqual(['answer:postcode', 'answer:full_name']);
  });

  it('call-split-delivery: "the postcode and the phone number of the account" is not the account number', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'), 3);
    call.script(['Good morning, Mihai from Harbour and Pike calling about your chairs.', 'First, please can you tell me your order number?']);
    const r = call.say('Thank you. Also please the postcode and the phone number of the account.');
    expect(r.acts).toEqual(['answer:postcode', 'answer:phone']);
  });

  it('a value read out for checking is not asked for again', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'), 3);
    call.say('Good afternoon, Harbour & Pike, Marcus here.');
    const r = call.say('Can I take your full name, and is your postcode still NW6 5JA?');
    expect(r.acts).toContain('answer:full_name');
    expect(r.acts).not.toContain('answer:postcode');
  });
});

describe('a day the adviser takes back', () => {
  const start = ['Hello, Harbour & Pike, Sam speaking.', 'Which chairs and how many?', "They're £965.52 including VAT."];

  it('place-ergo-chairs: "Wednesday the 4th. No, apologies … so Thursday the 5th" → the caller takes Thursday, never Wednesday', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'), 5);
    call.script(start);
    const r = call.say("Delivery would be Wednesday the 4th. No, apologies, I've counted today by mistake: it's three working days, so Thursday the 5th.");
    expect(r.acts).toContain('date_ok');
    expect(text(r)).not.toMatch(/Wednesday/);
    const back = call.say('So that is six Ergo 200 chairs at £965.52 including VAT, coming Thursday 5 March to Headingley Lane. Is that right?');
    expect(back.acts).toEqual(['confirm_yes']);
  });

  it('"They\'d arrive on Tuesday. Actually sorry, not Tuesday — it\'d be Thursday." → Tuesday is not taken', () => {
    for (const seed of [1, 2, 3, 4]) {
      const call = new ScriptedCall(scenario('place-ergo-chairs'), seed);
      call.script(start);
      const r = call.say("They'd arrive on Tuesday. Actually sorry, not Tuesday — it'd be Thursday.");
      expect(text(r)).not.toMatch(/Tuesday/);
      expect(call.state.memory.dates.map((d) => d.date)).not.toContain('2026-03-03');
    }
  });

  it('a read-back after an explicit correction is not queried with the day taken back', () => {
    const explicit = new ScriptedCall(scenario('place-ergo-chairs'), 5);
    explicit.script([...start, "They'd arrive on Wednesday 4 March.", 'Sorry, just to be clear, it is Thursday the 5th, not Wednesday.']);
    const r1 = explicit.say('So six chairs arriving Thursday 5 March, is that right?');
    expect(r1.acts).not.toContain('query_date_change');
    expect(r1.acts).toContain('confirm_yes');

    const mistake = new ScriptedCall(scenario('place-ergo-chairs'), 5);
    mistake.script([...start, "They'd arrive on Wednesday 4 March.", "Sorry, my mistake, it's Thursday the 5th."]);
    const r2 = mistake.say('So six chairs arriving Thursday 5 March, is that right?');
    expect(r2.acts).not.toContain('query_date_change');
  });

  it('a day changed without a word of correction is still queried at the read-back', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'), 5);
    call.script([...start, "They'd arrive on Wednesday 4 March."]);
    const r = call.say('So six chairs arriving Thursday 5 March, is that right?');
    expect(r.acts).toContain('query_date_change');
    expect(text(r)).toMatch(/Wednesday/);
  });
});

describe('a choice among options names what is chosen, and a question about paying is answered', () => {
  const overLimit = [
    'Good afternoon, Harbour & Pike, Sam speaking.',
    'Which desks and how many?',
    'Four desks come to £1,579.20 including VAT.',
    'Unfortunately that takes you over your credit limit, you have £850 available.',
  ];
  const threeRoutes =
    "I'm sorry, I can't override it. I can refer it to Credit Control, who reply within two working hours, you could pay by card through our secure line, or we could reduce it to two desks.";

  it('place-desks-credit-limit: three routes on the table → the caller picks the card and says so, whatever the seed', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const call = new ScriptedCall(scenario('place-desks-credit-limit'), seed);
      call.script(overLimit);
      const r = call.say(threeRoutes);
      expect(r.decisions.credit).toBe('card');
      expect(text(r)).toMatch(/card/i);
      const again = call.say('Which of those would you prefer?');
      expect(again.acts).not.toContain('unclear');
      expect(text(again)).toMatch(/card/i);
    }
  });

  it('place-desks-credit-limit: with only the card offered, the scenario\'s general "accept" line may be said', () => {
    const said = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const call = new ScriptedCall(scenario('place-desks-credit-limit'), seed);
      call.script([...overLimit, "I'm sorry, I can't override it."]);
      const r = call.say('Would paying by card through our secure payment line suit you?');
      expect(r.decisions.credit).toBe('card');
      said.add(r.acts.join(','));
    }
    expect(said.has('accept')).toBe(true);
  });

  it('call-split-delivery: one way forward stated is not yet a choice; the split is chosen once options are on the table', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'), 3);
    call.script([
      'Hi is that Priya Shah?',
      "It's Nathan calling from Harbour & Pike. Can I take the account number and your postcode?",
      'Two of the six chairs were damaged during picking at our warehouse. Four will still come tomorrow.',
    ]);
    const one = call.say('The other two would follow on Friday the 6th, when the replacements come in.');
    expect(one.decisions.problem).toBeUndefined();
    expect(one.acts.some((a) => a.startsWith('choose'))).toBe(false);
    const two = call.say("If you cancel the two instead, it's £596 for the four.");
    expect(two.decisions.problem).toBe('split');
    expect(text(two)).toMatch(/split|four|now/i);
  });

  it('call-split-delivery: "Which of those would you prefer?" with no option heard → she says what she would like', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'), 3);
    call.script([
      'Hi is that Priya Shah?',
      "It's Nathan calling from Harbour & Pike. Can I take the account number and your postcode?",
      'Two of the six chairs were damaged during picking at our warehouse, so they will not come tomorrow.',
    ]);
    const r = call.say('Which of those would you prefer?');
    expect(r.acts).toEqual(['suggest_split']);
  });

  it('a caller paying by card answers "Would paying by card … suit you?" with a yes; an account customer declines', () => {
    const lamps = loadScenarioDir('test/fixtures/heldout2/scenarios').scenarios.find((x) => x.scenario.id === 'place-private-lamps');
    if (!lamps) throw new Error('place-private-lamps did not load');
    const card = new ScriptedCall(lamps, 3);
    card.script(['Good afternoon, Pennine Office Supply, Matt speaking.', 'What would you like?', "That's £93.06 altogether, with the delivery."]);
    const yes = card.say('Would paying by card through our secure payment line suit you?');
    expect(yes.acts).toEqual(['go_ahead']);
    const account = new ScriptedCall(scenario('place-ergo-chairs'), 2);
    account.script(['Good morning, Harbour & Pike, Sam speaking.', 'Which chairs and how many?']);
    const r = account.say('Would paying by card through our secure payment line suit you?');
    expect(r.acts).toEqual(['decline']);
  });
});

describe('no answers to questions nobody asked', () => {
  it('place-desks-credit-limit: "Don\'t worry, they\'ll approve it" is not asking when the desks are needed', () => {
    const call = new ScriptedCall(scenario('place-desks-credit-limit'), 3);
    call.script([
      "Hello, good afternoon, you're through to Kofi at Harbour & Pike Office Supplies.",
      "What's the account number, and can you confirm the postcode on it?",
      'Four comes to £1,316.00 plus VAT.',
      "Tues the 17th. We're past the 2pm cut-off today, so Monday's not doable.",
      "One snag: your available credit is £850 and this is £1,579.20 with VAT, so it's over the limit and I can't just put it on the account.",
    ]);
    const r = call.say("What I can do is pass it to Credit Control to authorise. Don't worry, they'll approve it, they always do for customers like you.");
    expect(r.acts).not.toContain('answer:needed_by');
    expect(r.acts).not.toContain('volunteer:needed_by');
    expect(text(r)).not.toMatch(/Monday/);
  });

  it('call-split-delivery: once the adviser has said who they are, her careful remark does not ask who is calling', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'), 3);
    const r = call.say('Hi Priya, Reece here from Harbour & Pike. Just a quick one about your chairs.');
    expect(r.acts).toContain('unverified_disclosure');
    expect(text(r)).not.toMatch(/who(?:'s| is) (?:this|calling)|who am i/i);
    const unknown = new ScriptedCall(scenario('call-split-delivery'), 3);
    const asks = unknown.say("Hello, I'm calling about order SO-49002, two of the chairs got damaged.");
    expect(text(asks)).toMatch(/who(?:'s| is) (?:this|calling)|who am i/i);
  });

  it('chase-late-cabinets: a promise to call "to confirm the delivery is on track" is not a read-back to agree to', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'), 3);
    call.script([
      "Good morning, Harbour & Pike Office Supplies, this is Priyanka. I'm sorry to hear that, let me have a look for you.",
      'Could I take the order number, please?',
      "I'm sorry, the pallet was damaged in transit. Your cabinets will now be delivered on Tuesday 26 May.",
    ]);
    const r = call.say('I\'ll call you tomorrow morning, before 10, to confirm the delivery is still on track for Tuesday.');
    expect(r.acts).not.toContain('confirm_yes');
    const recap = call.say('Just to confirm: your three filing cabinets arriving on Tuesday 26 May, and a call from me before 10 tomorrow. Is that right?');
    expect(recap.acts).toContain('confirm_yes');
  });

  it('"What would you like to order?" is answered with the items, not also "yes please"', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'), 2);
    call.script(['Good morning, Harbour & Pike, Amira speaking.', 'May I take the account number?']);
    const r = call.say('What would you like to order?');
    expect(r.acts).toContain('answer:item_quantity');
    expect(r.acts).not.toContain('go_ahead');
  });
});

describe('answers taken in, and what calms or decides', () => {
  it('cancel-home-desk: "The money goes back onto your Visa within 14 days" answers when the refund comes', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'), 5);
    call.script([
      'Hi, good afternoon, Harbour & Pike Office Supplies, Ben speaking.',
      "Sure. What's the order number?",
      'Thanks. And your full name and postcode, please?',
      "OK, no problem. You can cancel within 14 days of ordering, so you're fine until the 16th.",
    ]);
    const asked = call.say("There is a collection charge of £19.95 for a desk, as it's a bulky item, so your refund will be £374.85.");
    expect(asked.acts).toContain('ask_refund_timing');
    const r = call.say('The money goes back onto your Visa within 14 days after we collect it.');
    expect(r.acts).not.toContain('reask');
    expect(r.acts).not.toContain('ask_refund_timing');
    expect(call.state.agenda.find((a) => a.ask === 'refund-timing')?.satisfied).toBe(true);
  });

  it('chase-late-cabinets: a bare date after a "sorry to hear that" at the greeting does not calm him; an apology with it does', () => {
    const call = new ScriptedCall(scenario('chase-late-cabinets'), 3);
    call.script([
      "Good morning, Harbour & Pike Office Supplies, this is Priyanka. I'm sorry to hear that, let me have a look for you.",
      'Could I take the order number, please?',
    ]);
    const bare = call.say('Thank you. Your cabinets will now be delivered on Tuesday 26 May.');
    expect(bare.acts).not.toContain('calm');
    expect(bare.mood).toBe('irate');
    const sorry = call.say("I'm really sorry you've had to wait in for them.");
    expect(sorry.acts).toContain('calm');
  });

  it('place-mesh-chairs-out-of-stock: a day in the answer to "when would the 160s come?" is the 160s\' day, and the caller takes them', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'), 1);
    call.script([
      "Good morning, you're through to Harbour & Pike Office Supplies, my name is Sam. How can I help?",
      'What would you like to order?',
      "I'm sorry, the Mesh 150 chair is out of stock at the moment. Our next supplier delivery is on Monday 13 April, so a back-order would reach you on Thursday 16 April.",
    ]);
    const asked = call.say("The listed alternative is the Mesh 160, which we have in stock. It's £96.00 a chair ex VAT, £6.50 more per chair than the Mesh 150.");
    expect(asked.acts).toContain('ask_delivery_date');
    const r = call.say('Two Mesh 160 chairs come to £192.00 plus VAT, so £230.40 including VAT. With the Good Friday and Easter Monday bank holidays, they would arrive on Thursday 9 April.');
    expect(r.decisions.outOfStock).toBe('alternative');
  });

  it('place-mesh-chairs-out-of-stock: asked to go ahead with its question about the day unanswered, the caller asks again before giving up on the 160s', () => {
    const call = new ScriptedCall(scenario('place-mesh-chairs-out-of-stock'), 7);
    call.script(['Good morning, Harbour & Pike, Sam speaking.', 'Which chairs would you like, and how many?']);
    const asked = call.say("The 150 is out of stock until Monday 13 April, but the Mesh 160 is in stock and it's £6.50 more per chair.");
    expect(asked.acts).toContain('ask_delivery_date');
    const again = call.say('Okay, so shall I go ahead with the 160s?');
    expect(again.acts).toContain('ask_delivery_date');
    expect(again.decisions.outOfStock).toBeUndefined();
  });
});
