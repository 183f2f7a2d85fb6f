/**
 * Everyday adviser lines get the answer a caller would give, in character.
 */
import { describe, expect, it } from '@jest/globals';
import { ScriptedCall, scenario, text } from './call-script.js';

describe('everyday lines', () => {
  it('answers "How are you today?" as small talk', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    call.say('Good morning, Harbour & Pike, Sam speaking.');
    const r = call.say('How are you today?');
    expect(r.acts).toContain('small_talk');
    expect(text(r)).not.toMatch(/say that again|not sure what you mean/i);
  });

  it('answers "What needs changing?" with the change the caller wants', () => {
    const call = new ScriptedCall(scenario('change-school-order'));
    const r = call.say('What needs changing?');
    expect(r.acts.some((a) => a === 'answer:reason' || a === 'answer:item_quantity')).toBe(true);
    expect(text(r)).not.toMatch(/say that again|not sure what you mean/i);
  });

  it('does not hold when a "hang on" is followed by a corrected price', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    call.script(['Good morning, Harbour & Pike, Sam speaking.', 'Could I take your account number, your full name and your postcode, please?']);
    const r = call.say("Six Ergo 200 chairs come to £495.60. Sorry, hang on, I've missed the discount. It's £484.98.");
    expect(r.acts).not.toContain('hold_on');
    expect(call.say('Bear with me.').acts).toContain('hold_on');
  });

  it('does not take "the number you used for the order" as asking whether the goods were used', () => {
    const call = new ScriptedCall(scenario('cancel-home-desk'));
    call.say('Good morning, Harbour & Pike, Sam speaking.');
    const r = call.say('Could you confirm the phone number you used for the order?');
    expect(r.acts).toContain('answer:phone');
    expect(r.acts).not.toContain('answer:return');
    expect(call.say('Has the desk been used or put together?').acts).toContain('answer:return');
  });

  it('chooses per its agenda when asked "do you want the split, …, or all six on the 11th?"', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    call.script([
      'Hello, is that Priya Shah? This is Sam from Harbour & Pike Office Supplies.',
      'Could I take your account number and postcode, please?',
      "Thanks. I'm afraid two of your six chairs were damaged in picking.",
    ]);
    const r = call.say('Do you want the split, four on the 5th and two on the 11th, or all six on the 11th?');
    expect(text(r)).not.toMatch(/not sure what you mean/i);
    expect(call.state.decisions.problem).toBe('split');
  });

  it('gives its full name when asked after only confirming its first name', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    call.script(['Hi, is that Priya?', "It's Sam from Harbour & Pike about your chair order. Could I take your account number, please?"]);
    const r = call.say('Thanks. Can I take your full name, please?');
    expect(r.acts).toContain('answer:full_name');
    expect(r.acts).not.toContain('as_i_said');
    expect(text(r)).toMatch(/Priya Shah/);
  });

  it('has given its full name once it confirmed the full name read out', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    call.script(['Hi, is that Priya Shah?', "It's Sam from Harbour & Pike about your chair order."]);
    expect(call.state.revealed).toContain('full_name');
  });
});
