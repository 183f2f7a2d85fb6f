/**
 * Readings the customer simulator relies on, moved into the recogniser from its adapter:
 * cue-only moves, question detection, the supplier's date role, insults and blame kept
 * apart, and the marker's old corrections (bare amounts, vague spans, times that name no
 * day). The misreadings the simulator engineer reported are pinned here; fresh phrasings of
 * the same kinds are in `heldout-simulator.json` (never tuned on).
 */
import { describe, expect, it } from '@jest/globals';
import { evaluateFacts, evaluateMoves } from '../../domain/language/evaluation.js';
import type { ScenarioClock } from '../../domain/dates.js';
import { heldOutFile, testCalendar } from './fixtures.js';
import { recogniser } from './shared-recogniser.js';

/** Wednesday 4 March 2026, 09:30. */
const CLOCK: ScenarioClock = { date: '2026-03-04', time: '09:30' };
const ctx = { clock: CLOCK, calendar: testCalendar, organisationNames: ['Harbour & Pike Office Supplies'] };
const read = (text: string) => recogniser().analyse(text, ctx);
const facts = (text: string) => read(text).facts.filter((f) => !f.readOut).map((f) => f.fact);
const moves = (text: string) => read(text).intents.map((i) => i.intent);

describe('reported misreadings of fact questions', () => {
  it.each([
    ['What chairs do you need?', ['item_quantity']],
    ['Which would you prefer?', []],
    ['What was on the order?', ['item_quantity']],
    ['yeah whats the order no', ['order_number']],
    ['Give me the account number and the postcode', ['account_number', 'postcode']],
    ['Busy at the practice?', []],
    ["who's on the phone?", ['full_name']],
    ['pcode?', ['postcode']],
    ["What is it you'd like to buy?", ['item_quantity']],
    ['accnt number please?', ['account_number']],
    ['When is the order due?', ['needed_by']],
  ])('"%s" asks for %j', (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it('takes "Which would you prefer?" as asking the caller to choose', () => {
    expect(moves('Which would you prefer?')).toContain('ask_choice');
  });
});

describe('question detection', () => {
  it.each([
    ['yeah whats your postcode', true],
    ['hi, who am I speaking to', true],
    ['What I can offer is a split delivery.', false],
    ['Should you need anything else, just call.', false],
    ["Once it's dispatched you'll get an email.", false],
    ['If you ring back tomorrow I can check again.', false],
  ])('"%s" is a question: %s', (text, q) => {
    expect(read(text).sentences[0].isQuestion).toBe(q);
  });
});

describe('cue-only moves', () => {
  it.each([
    ['I can send four today and the other two on Friday.', 'offer_split'],
    ['Or I can hold them all and send everything together.', 'offer_hold_all'],
    ['We could cancel the two damaged ones.', 'mention_cancel'],
    ["I'm afraid that's over your available credit.", 'credit_refused'],
    ["I can't put it on the account as it stands.", 'credit_refused'],
    ['I can refer it to Credit Control.', 'offer_credit_control'],
    ['Or you can pay by card through our secure payment line.', 'offer_card'],
    ["I'll put it on your account.", 'promise_on_account'],
    ['Would Thursday suit you?', 'ask_choice'],
    ['Not much I can do, these things happen.', 'fob_off'],
    ['Could you repeat that for me?', 'repeat_request'],
    ["So that's six chairs on Thursday, is that right?", 'recap'],
    ['two of the chairs were damaged in our warehouse', 'problem_news'],
    ["It's sat at a depot.", 'problem_news'],
  ])('"%s" → %s', (text, move) => {
    expect(moves(text)).toContain(move);
  });

  it('reads plain news of damage as explaining a problem, and a question about it as neither', () => {
    expect(moves('two of the chairs were damaged in our warehouse')).toContain('explain_problem');
    expect(moves('Were any of them damaged?')).not.toContain('problem_news');
  });

  it('keeps insults, blaming the caller and blaming others apart', () => {
    const insult = moves("Don't be so stupid.");
    expect(insult).toContain('insult');
    expect(insult).not.toContain('blame');
    const caller = moves("Well, that's your own fault for not measuring.");
    expect(caller).toContain('blame_caller');
    expect(caller).not.toContain('insult');
    const others = moves('The couriers are hopeless, to be honest.');
    expect(others).toContain('blame');
    expect(others).not.toContain('blame_caller');
    expect(others).not.toContain('insult');
  });

  it('does not take "it\'s sat at a depot" as a self-introduction', () => {
    expect(read("it's sat at a depot").introduction).toBeUndefined();
    expect(moves("it's sat at a depot")).not.toContain('self_introduction');
  });

  it('does not take an email to confirm as asking the caller to confirm', () => {
    const m = moves("I'll email you to confirm.");
    expect(m).toContain('arrange_follow_up');
    expect(m).not.toContain('ask_confirm');
    expect(m).not.toContain('recap');
  });
});

describe('amounts and dates', () => {
  it('reads amounts written without "£", with pence or grouped thousands', () => {
    expect(read('this is 1,579.20').money.map((m) => m.pence)).toEqual([157920]);
    expect(read("That's 1,316 for the four.").money.map((m) => m.pence)).toEqual([131600]);
    expect(read('We have 1,000 sheets left.').money).toEqual([]);
  });

  it('gives a price with free delivery its own role, not delivery', () => {
    const [m] = read('£1,579.20 including VAT with free delivery').money;
    expect(m.role).toBe('total');
    expect(m.vat).toBe('inc');
  });

  it('reads a vague count of days as a span, and a margin of days as no date', () => {
    const [d] = read("They'll be with you in a couple of days.").dates;
    expect(d.kind).toBe('span');
    expect(read("They'll arrive Thursday 5 March, a day ahead of your deadline.").dates.map((x) => x.text)).toEqual(['Thursday 5 March']);
  });

  it('names no day with "at the moment", "this afternoon" or "right now"', () => {
    expect(read("They're out of stock at the moment.").dates).toEqual([]);
    expect(read("I'll ring you back this afternoon.").dates).toEqual([]);
    expect(read('Right now the order is with the courier, redelivery next Tuesday.').dates.map((x) => x.text)).toEqual(['next Tuesday']);
  });

  it('gives a supplier’s delivery to the warehouse the supplier role, and the customer’s date its own', () => {
    const ds = read('The 150s are back in stock on Monday 9 March, so they would reach you on Wednesday 11 March.').dates;
    expect(ds.map((d) => [d.text, d.role])).toEqual([
      ['Monday 9 March', 'supplier'],
      ['Wednesday 11 March', 'delivery'],
    ]);
  });

  it('keeps counted days resolvable, with their own form', () => {
    const [d] = read('It should arrive in two days.').dates;
    expect(d).toMatchObject({ kind: 'date', date: '2026-03-06', form: 'day_count' });
    const [w] = read('It should arrive in three working days.').dates;
    expect(w).toMatchObject({ kind: 'date', date: '2026-03-09', form: 'working_days' });
  });
});

describe('held-out phrasings of the reported kinds (heldout-simulator.json)', () => {
  it('reads the facts and moves of the fresh phrasings (facts and moves ≥ 90%)', () => {
    const set = heldOutFile('heldout-simulator.json');
    const f = evaluateFacts(recogniser(), set, ctx);
    const m = evaluateMoves(recogniser(), set, ctx);
    console.log(`simulator held-out: facts ${f.correct}/${f.total}, moves ${m.correct}/${m.total}; misses ${JSON.stringify([...f.misses, ...m.misses])}`);
    expect(f.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(m.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
