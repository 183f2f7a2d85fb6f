/**
 * Readings that depend on the clause a figure is said in: a count of stock is not the
 * caller's quantity, a date takes its role from its own clause ("delivered on X, in time
 * for Y") and its tense from the words that report it ("I can see they were dispatched on
 * the 15th"), "oh no" is no negation, and plain news of a problem is told apart from saying
 * what went wrong or where things are.
 */
import { describe, expect, it } from '@jest/globals';
import type { ScenarioClock } from '../../domain/dates.js';
import { testCalendar } from './fixtures.js';
import { recogniser } from './shared-recogniser.js';

/** Thursday 2 April 2026, 10:00. */
const CLOCK: ScenarioClock = { date: '2026-04-02', time: '10:00' };
const read = (text: string) => recogniser().analyse(text, { clock: CLOCK, calendar: testCalendar });
const moves = (text: string) => read(text).intents.map((i) => i.intent);

describe('quantities: stock counts and the items counted', () => {
  it('reads a count of stock as stock, and the caller\'s number beside it as the order', () => {
    const q = read('We have eight of the 1400 mm sit-stand desks in stock, so four is no problem.').quantities;
    expect(q[0]).toMatchObject({ quantity: 8, role: 'stock' });
  });

  it.each([
    ["We've got 12 of the Mesh 160 available.", 12],
    ['There are only three Ergo 200 chairs left in the warehouse.', 3],
    ['We currently hold 40 boxes of the A4 paper.', 40],
  ])('"%s" counts stock (%i)', (text, quantity) => {
    expect(read(text).quantities[0]).toMatchObject({ quantity, role: 'stock' });
  });

  it.each([
    'So that is six Ergo 200 chairs, is that right?',
    "I'll put through four sit-stand desks for you.",
    'Just to check, you wanted 15 boxes of paper?',
  ])('"%s" is not a stock count', (text) => {
    expect(read(text).quantities[0].role).toBe('unknown');
  });

  it('counts desk mats as mats, not desks', () => {
    const q = read("so that's four desk mats free").quantities;
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ quantity: 4, item: 'desk mats' });
  });
});

describe('date roles per clause', () => {
  it('"delivered on X, in time for … Y": X is the delivery, Y the deadline', () => {
    const d = read("They'd be delivered on Thursday 9 April, in time for your new starter on Monday 13th.").dates;
    expect(d.map((x) => [x.date, x.role])).toEqual([
      ['2026-04-09', 'delivery'],
      ['2026-04-13', 'deadline'],
    ]);
  });

  it.each([
    ['In time for your deadline on Monday, we can deliver on Friday.', [['2026-04-06', 'deadline'], ['2026-04-03', 'delivery']]],
    ['They will arrive on Wednesday 8 April, which is before she starts on the 13th.', [['2026-04-08', 'delivery'], ['2026-04-13', 'deadline']]],
  ])('"%s"', (text, expected) => {
    expect(read(text as string).dates.map((x) => [x.date, x.role])).toEqual(expected);
  });

  it.each([
    ['Sorry, the Mesh 150 is out of stock until the 13th of April.', 'supplier'],
    ["They'll be available again on Monday 13 April.", 'supplier'],
    ["It's out of stock; it would be delivered on the 16th.", 'delivery'],
  ])('"%s": %s (stock coming back is the supplier\'s day)', (text, role) => {
    expect(read(text).dates[0].role).toBe(role);
  });

  it('keeps the nearest role word when the date\'s clause has none', () => {
    expect(read('They will be delivered on Thursday').dates[0].role).toBe('delivery');
    expect(read('Do they need to be there by Friday?').dates[0].role).toBe('deadline');
  });
});

describe('plain news of a problem, and details of it', () => {
  it.each([
    'Your order has been delayed.',
    "I'm sorry, there's been a delay with your order.",
    "Unfortunately there's a problem with your order.",
    "It's been held up.",
  ])('"%s" is news with no detail', (text) => {
    expect(moves(text)).not.toContain('problem_detail');
  });

  it.each([
    "The pallet was damaged in transit and it's being held at our Croydon depot.",
    'Your cabinets are at the depot.',
    'The courier has lost your order.',
    "It's delayed because the van broke down.",
    'Two of the chairs were damaged in our warehouse.',
    "They're with the courier and due out again on Tuesday.",
  ])('"%s" says what went wrong or where things are', (text) => {
    expect(moves(text)).toContain('problem_detail');
  });
});

describe('tense and interjections', () => {
  /** Thursday 21 May 2026. */
  const MAY: ScenarioClock = { date: '2026-05-21', time: '09:05' };
  const at = (text: string) => recogniser().analyse(text, { clock: MAY, calendar: testCalendar });

  it.each([
    ['Right, so I can see they were dispatched on the 15th with Parcelnet.', '2026-05-15'],
    ['The tracking shows it was delivered on the 19th.', '2026-05-19'],
    ['I can see it will be delivered on the 26th.', '2026-05-26'],
  ])('"%s" is %s (reporting words do not set the tense)', (text, date) => {
    expect(at(text).dates[0].date).toBe(date);
  });

  it('"Oh no, I\'m sorry to hear that" apologises, not negated', () => {
    const apology = at("Oh no, I'm sorry to hear that. Could I take your order number?").intents.find((i) => i.intent === 'apology');
    expect(apology?.negated).toBe(false);
    expect(at("No, I'm sorry, that's not right.").cues.some((c) => c.kind === 'negation' && c.trigger.toLowerCase() === 'no')).toBe(true);
  });
});

describe('questions about the goods ask for no customer detail', () => {
  it.each(['And have you still got the box?', 'Have you got the original packaging?', 'Has it been assembled at all?'])('"%s" asks for no fact', (text) => {
    expect(read(text).facts).toEqual([]);
  });

  it('a fact keyword still counts beside the goods', () => {
    expect(read('Can I take the order number from the box?').facts.map((f) => f.fact)).toEqual(['order_number']);
  });
});

describe('a name asked for in a list', () => {
  it.each(['Great, can I have your account number, name and the postcode please?', 'Name and postcode please?'])('"%s" asks for the full name', (text) => {
    expect(read(text).facts.map((f) => f.fact)).toContain('full_name');
  });
});

describe('asking to hear it again', () => {
  it.each(['Sorry, what was that?', 'Sorry?', 'What did you say?'])('"%s" asks for a repeat', (text) => {
    expect(moves(text)).toContain('repeat_request');
  });

  it('"What was that for?" is not a repeat', () => {
    expect(moves('What was that for?')).not.toContain('repeat_request');
  });
});
