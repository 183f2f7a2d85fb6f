/**
 * Oddities found by playing whole calls, each in general: two details asked in one breath are
 * both given; a day the adviser takes back is not taken (nor queried once corrected); a choice
 * among options is made or asked about, naming what is chosen; no answers to questions nobody
 * asked; an alternative taken only once its day is known; a change the caller came to make is
 * not forgotten; an option is chosen only once options are offered; an answered question is not
 * asked again; an irate caller is not calmed by a bare date.
 */
import { describe, expect, it } from '@jest/globals';
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
