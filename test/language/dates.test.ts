import { describe, expect, it } from '@jest/globals';
import { recogniser } from './shared-recogniser.js';
import { testCalendar } from './fixtures.js';
import type { ScenarioClock } from '../../domain/dates.js';

/** Monday 2 March 2026, 10:15. */
const MONDAY: ScenarioClock = { date: '2026-03-02', time: '10:15' };
/** Thursday 2 April 2026 (Good Friday 3 April and Easter Monday 6 April follow). */
const EASTER: ScenarioClock = { date: '2026-04-02', time: '11:00' };

const dates = (text: string, clock = MONDAY) => recogniser().analyse(text, { clock, calendar: testCalendar }).dates;
const one = (text: string, clock = MONDAY) => {
  const d = dates(text, clock);
  expect(d).toHaveLength(1);
  return d[0];
};

describe('date mentions against Monday 2 March 2026', () => {
  it.each([
    ['They will arrive Thursday', '2026-03-05'],
    ['Delivery is Thursday 5 March', '2026-03-05'],
    ['It comes on the 5th', '2026-03-05'],
    ['It comes on 5th March', '2026-03-05'],
    ['Due Thu 5/3', '2026-03-05'],
    ['Due 5/3/26', '2026-03-05'],
    ['It will be there tomorrow', '2026-03-03'],
    ['It arrives in three working days', '2026-03-05'],
    ['It comes a week on Friday', '2026-03-13'],
    ['We will deliver on Wednesday the 11th', '2026-03-11'],
    ['March 5th works', '2026-03-05'],
    ['The day after tomorrow', '2026-03-04'],
  ])('"%s" → %s', (text, date) => {
    const d = one(text);
    expect(d.kind).toBe('date');
    expect(d.date).toBe(date);
  });

  it('reads a weekday alone as the next such day, keeping the other reading as a candidate', () => {
    const d = one('It will come Friday');
    expect(d.date).toBe('2026-03-06');
    expect(d.form).toBe('weekday');
    expect(d.candidates).toContain('2026-02-27');
  });

  it('flags "next Tuesday" as ambiguous (next week\'s Tuesday or tomorrow)', () => {
    const d = one('It will come next Tuesday');
    expect(d.date).toBe('2026-03-10');
    expect(d.candidates).toEqual(expect.arrayContaining(['2026-03-10', '2026-03-03']));
    expect(d.ambiguous).toBe(true);
  });

  it('flags today\'s weekday alone as ambiguous', () => {
    const d = one('We could deliver Monday');
    expect(d.date).toBe('2026-03-09');
    expect(d.ambiguous).toBe(true);
  });

  it('reads UK numeric dates day first', () => {
    expect(one('Delivery 6/3').date).toBe('2026-03-06');
    expect(one('Delivery 12/03/2026').date).toBe('2026-03-12');
  });

  it('chooses the past reading when the words around the date are past tense', () => {
    expect(one('It was delivered on Friday').date).toBe('2026-02-27');
    expect(one('It went out on the 1st').date).toBe('2026-03-01');
  });

  it('keeps a weekday that disagrees with the date as ambiguous, with both readings', () => {
    const d = one('Delivery on Friday 5 March');
    expect(d.date).toBe('2026-03-05');
    expect(d.ambiguous).toBe(true);
    expect(d.candidates).toContain('2026-03-06');
  });

  it.each([
    ['It should be within three working days', { from: '2026-03-03', to: '2026-03-05' }],
    ['It will be early next week', { from: '2026-03-09', to: '2026-03-11' }],
    ['Usually 3–5 working days', { from: '2026-03-05', to: '2026-03-09' }],
    ['Delivery is 3-5 working days', { from: '2026-03-05', to: '2026-03-09' }],
    ['Sometime next week', { from: '2026-03-09', to: '2026-03-13' }],
  ])('"%s" is a span, not a date', (text, range) => {
    const d = one(text);
    expect(d.kind).toBe('span');
    expect(d.date).toBeUndefined();
    expect(d.range).toEqual(range);
  });

  it('leaves "in three working days" unresolved without a calendar', () => {
    const [d] = recogniser().analyse('It arrives in three working days', { clock: MONDAY }).dates;
    expect(d.kind).toBe('span');
    expect(d.date).toBeUndefined();
  });

  it.each([
    ['They will be delivered on Thursday', 'delivery'],
    ['We can collect it on Thursday', 'collection'],
    ['I will call you back on Thursday', 'follow_up'],
    ['Do they need to be there by Friday?', 'deadline'],
  ])('role of the date in "%s" is %s', (text, role) => {
    expect(one(text).role).toBe(role);
  });

  it('marks negated and hedged dates', () => {
    expect(one("I can't promise Monday").negated).toBe(true);
    expect(one("It won't arrive Monday").negated).toBe(true);
    expect(one('It should be with you Thursday').hedged).toBe(true);
    expect(one('Hopefully Thursday').hedged).toBe(true);
    expect(one('It will arrive Thursday').negated).toBe(false);
  });

  it('drops date-shaped phrases that name no real day', () => {
    expect(dates('on the 30th of February, or 31/02/2026')).toEqual([]);
  });

  it('gives spans of the original text', () => {
    const text = 'So that is six chairs arriving Thursday 5 March.';
    const [d] = dates(text);
    expect(text.slice(d.start, d.end)).toBe('Thursday 5 March');
  });
});

describe('date mentions against Thursday 2 April 2026 (bank holidays 3 and 6 April)', () => {
  it('counts working days past the Easter bank holidays', () => {
    expect(one('It would arrive in three working days', EASTER).date).toBe('2026-04-09');
    expect(one('It would arrive in 1 working day', EASTER).date).toBe('2026-04-07');
  });

  it('resolves weekdays and days of the month after the clock', () => {
    expect(one('They would reach you Thursday 9 April', EASTER).date).toBe('2026-04-09');
    expect(one('They would reach you on Thursday', EASTER).date).toBe('2026-04-09');
    expect(one('The supplier delivers on the 13th', EASTER).date).toBe('2026-04-13');
    expect(one('Back-order arrives Thursday the 16th', EASTER).date).toBe('2026-04-16');
    expect(one('Monday 13th', EASTER).date).toBe('2026-04-13');
  });

  it('resolves "the 1st" to next month once this month\'s is past', () => {
    expect(one('We can deliver on the 1st', EASTER).date).toBe('2026-05-01');
  });
});
