/**
 * The caller stays in character and is repeatable: small talk, off-topic and abusive
 * messages are handled as a caller would (abuse: a warning, then the caller hangs up);
 * the same seed and the same learner lines give the same replies; the state is plain JSON
 * and a call resumed from it mid-way carries on exactly; a bad stored state is refused.
 */
import { describe, expect, it } from '@jest/globals';
import { createCustomer } from '../../dialogs/customer/customer.js';
import { listen } from '../../dialogs/customer/listen.js';
import { CustomerStateError, parseCustomerState } from '../../dialogs/customer/state.js';
import { ScriptedCall, scenario, text } from './call-script.js';

const SCRIPT = [
  'Good morning, Harbour & Pike, Sam speaking. How can I help?',
  'Could I take your account number, your full name and your postcode, please?',
  'Thanks. Which chairs would you like, and how many?',
  "Lovely, they're in stock.",
  'Six chairs come to £965.52 including VAT with the multi-buy discount.',
  'They would arrive on Monday 9 March.',
  "Sorry, I mean Thursday 5 March. So to confirm, six Ergo 200 chairs to 12 Headingley Lane on Thursday 5 March. Is that right?",
  'Is there anything else I can help with?',
  'Thanks for calling, goodbye.',
];

describe('in character', () => {
  it('answers small talk briefly and an off-topic remark without breaking character', () => {
    const call = new ScriptedCall(scenario('place-ergo-chairs'));
    const r1 = call.say("How's your day been?");
    expect(r1.acts).toContain('small_talk');
    const r2 = call.say('Did you watch the football last night?');
    expect(r2.acts).toContain('off_topic');
    for (const r of [r1, r2]) {
      expect(text(r)).not.toMatch(/scenario|simulat|\bbot\b|language model|yaml/i);
      expect(r.hungUp).toBe(false);
    }
  });

  it('warns once about abuse, then hangs up', () => {
    const call = new ScriptedCall(scenario('place-desks-credit-limit'));
    const r1 = call.say("Shut up, you're an idiot.");
    expect(r1.acts).toContain('abuse_warning');
    expect(r1.hungUp).toBe(false);
    const r2 = call.say('Stop wasting my time, you moron.');
    expect(r2.acts).toContain('abuse_hang_up');
    expect(r2.hungUp).toBe(true);
  });

  it('never says a truth the learner has not stated (prices, dates), whatever the learner says', () => {
    for (const id of ['place-ergo-chairs', 'place-desks-credit-limit', 'place-mesh-chairs-out-of-stock', 'change-school-order']) {
      const call = new ScriptedCall(scenario(id), 3);
      const replies = call.script(['Hello, how can I help?', 'What would you like?', 'Okay.', 'Right.', 'Is there anything else?', 'And what else?', 'Bye']);
      const all = [call.opening, ...replies].map(text).join(' ');
      expect(all).not.toMatch(/£\s?\d/);
    }
  });
});

describe('a scenario with no lines of its own', () => {
  it('the caller still opens, answers with the facts and asks its questions, in default words', () => {
    const base = scenario('place-mesh-chairs-out-of-stock');
    const bare = { ...base, scenario: { ...base.scenario, answers: {}, lines: {} } };
    const call = new ScriptedCall(bare, 2);
    expect(text(call.opening)).toMatch(/calling about ordering two chairs/i);
    const r1 = call.say('Could I take your account number and your email address, please?');
    expect(text(r1)).toMatch(/AC-10552/);
    expect(text(r1)).toMatch(/gemma@hollisbookkeeping\.example/);
    const r2 = call.say('Which chairs would you like, and how many?');
    expect(text(r2)).toMatch(/Two Mesh 150 operator chairs \(CH-MESH-150\)/);
    const r3 = call.say('When do you need them by?');
    expect(text(r3)).toMatch(/Monday the 13th/);
    const r4 = call.say('They would be delivered on Thursday 16 April.');
    expect(r4.acts).toContain('deadline_missed');
    expect(text(r4)).toMatch(/Thursday the 16th\? That's (?:too late|no good)/);
  });
});

describe('repeatable', () => {
  it('the same seed and lines give the same replies; another seed may word them differently', () => {
    const run = (seed: number): string[] => {
      const call = new ScriptedCall(scenario('place-ergo-chairs'), seed);
      return [text(call.opening), ...call.script(SCRIPT).map(text)];
    };
    const a = run(11);
    expect(run(11)).toEqual(a);
    const others = [12, 13, 14, 15].map(run);
    expect(others.some((o) => o.join('\n') !== a.join('\n'))).toBe(true);
    // whatever the wording, the same acts happen
    const acts = (seed: number): string[][] => new ScriptedCall(scenario('place-ergo-chairs'), seed).script(SCRIPT).map((r) => r.acts.filter((x) => !x.startsWith('volunteer')));
    expect(acts(12).map((x) => x.filter((k) => !k.startsWith('answer')))).toEqual(acts(11).map((x) => x.filter((k) => !k.startsWith('answer'))));
  });

  it('a call resumed from its JSON state mid-call continues exactly as the uninterrupted call', () => {
    const loaded = scenario('place-ergo-chairs');
    const whole = new ScriptedCall(loaded, 5);
    const expected = whole.script(SCRIPT).map(text);

    const first = new ScriptedCall(loaded, 5);
    const before = first.script(SCRIPT.slice(0, 4)).map(text);
    const stored = JSON.parse(JSON.stringify(first.customer.state));
    const resumed = new ScriptedCall(loaded, 5, stored);
    const after = resumed.script(SCRIPT.slice(4)).map(text);
    expect([...before, ...after]).toEqual(expected);
    expect(resumed.state.hungUp).toBe(true);
  });

  it('hears an analysis the call flow already has exactly as it hears the text', () => {
    const loaded = scenario('place-ergo-chairs');
    const a = createCustomer(loaded, { seed: 9 });
    const b = createCustomer(loaded, { seed: 9 });
    for (const line of SCRIPT.slice(0, 5)) {
      const fromText = a.hear(line, { clock: loaded.scenario.clock });
      const fromUtterance = b.hear(listen(line, loaded, loaded.scenario.clock), { clock: loaded.scenario.clock });
      expect(fromUtterance).toEqual(fromText);
    }
  });

  it('desk look-ups are silent (the caller cannot see the screen)', () => {
    const c = createCustomer(scenario('place-ergo-chairs'), { seed: 1 });
    c.opening();
    const r = c.onDesk({ kind: 'account', account: 'AC-20417', found: true });
    expect(r.lines).toEqual([]);
    expect(parseCustomerState(c.state).memory.desk).toEqual(['account']);
  });

  it('the state handed out is a copy: changing it does not change the caller', () => {
    const c = createCustomer(scenario('place-ergo-chairs'), { seed: 1 });
    c.opening();
    const s = parseCustomerState(c.state);
    s.hungUp = true;
    s.revealed.push('postcode');
    expect(parseCustomerState(c.state).hungUp).toBe(false);
    expect(parseCustomerState(c.state).revealed).not.toContain('postcode');
    // nothing nested is shared either
    const call = new ScriptedCall(scenario('place-ergo-chairs'), 5);
    call.script(SCRIPT.slice(0, 4));
    const before = call.state;
    const saved = call.customer.state;
    saved.revealed?.push('email');
    for (const a of saved.agenda) a.asked = 9;
    expect(call.state).toEqual(before);
  });

  it('the saved state leaves out what is at its default, and restores to the whole state', () => {
    const loaded = scenario('place-ergo-chairs');
    const call = new ScriptedCall(loaded, 5);
    call.script(SCRIPT.slice(0, 6));
    const saved = call.customer.state;
    expect(saved.memory?.creditProblem).toBeUndefined();
    expect(saved.decisions).not.toHaveProperty('paid');
    // the whole state a caller had before the saved form was compact
    const whole = call.state;
    expect(JSON.stringify(saved).length).toBeLessThan(JSON.stringify(whole).length * 0.7);
    expect(parseCustomerState(JSON.parse(JSON.stringify(saved)))).toEqual(whole);
    // states saved whole (before the saved form was compact) still resume, exactly
    const fromWhole = new ScriptedCall(loaded, 5, JSON.parse(JSON.stringify(whole)));
    const fromSaved = new ScriptedCall(loaded, 5, JSON.parse(JSON.stringify(saved)));
    expect(fromWhole.script(SCRIPT.slice(6)).map(text)).toEqual(fromSaved.script(SCRIPT.slice(6)).map(text));
    expect(fromWhole.customer.state).toEqual(fromSaved.customer.state);
  });

  it('refuses a stored state that is not valid or belongs to another scenario', () => {
    const loaded = scenario('place-ergo-chairs');
    expect(() => createCustomer(loaded, { seed: 1, state: { version: 1 } })).toThrow(CustomerStateError);
    const other = createCustomer(scenario('chase-late-cabinets'), { seed: 1 }).state;
    expect(() => createCustomer(loaded, { seed: 1, state: other })).toThrow(/chase-late-cabinets/);
    expect(() => parseCustomerState({ ...createCustomer(loaded, { seed: 1 }).state, extra: 1 })).toThrow(CustomerStateError);
  });
});
