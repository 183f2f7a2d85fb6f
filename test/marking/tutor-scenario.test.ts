/**
 * The marker on a scenario none of its rules were written for: another organisation
 * (catalogue, offer, noon cut-off, two-day delivery, 14-day terms, other team names),
 * with two fixture calls written for this test.
 */
import { describe, expect, it } from '@jest/globals';
import { markCall } from '../../dialogs/marking/marker.js';
import { readTranscript } from '../../dialogs/marking/transcript-file.js';
import * as helpers from './helpers.js';
import { tutorScenario } from './scenarios.js';

const blenders = tutorScenario('place-blenders-bundle');
const ret = tutorScenario('return-prep-table');
const mark = (file: string, s = blenders) => markCall(readTranscript(`test/fixtures/transcripts/${file}`), s);

describe('a tutor-written scenario in another organisation', () => {
  it('marks a strong call met throughout and passes it', () => {
    const card = mark('tutor-blenders-strong.transcript');
    for (const c of blenders.facts.rubric.applies) expect([c, card.criteria[c].mark]).toEqual([c, 'met']);
    expect(card.criteria.authorise.mark).toBe('n/a');
    expect(card.score).toBe(100);
    expect(card.passed).toBe(true);
  });

  it('marks a weak call from the organisation’s own figures (cut-off, payment days, offer) and fails it', () => {
    const card = mark('tutor-blenders-weak.transcript');
    const marks = Object.fromEntries(blenders.facts.rubric.applies.map((c) => [c, card.criteria[c].mark]));
    expect(marks).toEqual({
      opening: 'missed',
      verify_identity: 'missed',
      check_stock: 'partly',
      check_credit: 'missed',
      state_price: 'missed',
      state_delivery: 'missed',
      explain_terms: 'missed',
      advise_offers: 'partly',
      confirm_details: 'missed',
      arrange_follow_up: 'partly',
      close_call: 'partly',
      professional_language: 'partly',
    });
    expect(card.criteria.state_delivery.note).toMatch(/cut-off/);
    expect(card.criteria.state_price.note).toMatch(/ex-VAT figure/);
    expect(card.passed).toBe(false);
  });

  it('marks a business return from the organisation’s returns policy (charge plus VAT, credit note)', () => {
    const strong = mark('tutor-return-strong.transcript', ret);
    for (const c of ret.facts.rubric.applies) expect([c, strong.criteria[c].mark]).toEqual([c, 'met']);
    const typical = mark('tutor-return-typical.transcript', ret);
    const marks = Object.fromEntries(ret.facts.rubric.applies.map((c) => [c, typical.criteria[c].mark]));
    expect(marks).toEqual({
      opening: 'partly',
      verify_identity: 'partly',
      state_price: 'partly',
      state_delivery: 'partly',
      explain_terms: 'partly',
      confirm_details: 'missed',
      arrange_follow_up: 'partly',
      close_call: 'partly',
      professional_language: 'met',
    });
    expect(typical.criteria.verify_identity.note).toMatch(/read/);
    expect(typical.criteria.state_price.note).toMatch(/challenged/);
  });
});

describe('a business return of faulty goods (collected free, refund as a credit note)', () => {
  const faulty = tutorScenario('return-faulty-prep-table');
  const { markOf } = helpers;

  it('state_price: the refund said ex VAT then with VAT, in a sentence about getting money back, is met', () => {
    expect(markOf(faulty, 'state_price', ["L: You'll get back what you paid for it, £240.00 plus VAT, which is £288.00 including VAT."])).toBe('met');
    expect(markOf(faulty, 'state_price', ['L: You receive back £240.00 plus VAT, so £288.00 together with VAT.'])).toBe('met');
  });

  it('state_price: the refund with its VAT basis unsaid to a business customer is partly', () => {
    expect(markOf(faulty, 'state_price', ['L: £288.00 credit note, within 7 working days of collection.'])).toBe('partly');
    expect(markOf(faulty, 'state_price', ["L: You'll get £240 back once it's collected."])).toBe('partly');
  });

  it('state_price: a collection charge taken off a refund that has none is missed', () => {
    expect(markOf(faulty, 'state_price', ["L: There's £30.00 to collect it, so you'll get £258.00 back including VAT."])).toBe('missed');
  });

  it('arrange_follow_up: a booked collection with the credit-note timeline is met', () => {
    const booked = ['/return NC-9920 2026-06-19', 'D: Collection booked for Friday 19 June 2026'];
    expect(markOf(faulty, 'arrange_follow_up', [...booked, 'L: £288.00 including VAT as a credit note, within 7 working days of collection.'])).toBe('met');
    expect(markOf(faulty, 'arrange_follow_up', [...booked, 'L: It goes on your account as a credit note within 7 working days of the collection.'])).toBe('met');
    expect(markOf(faulty, 'arrange_follow_up', [...booked, 'L: All booked in for Friday.'])).toBe('partly');
  });

  it('explain_terms: "free because it is faulty" is the collection term; a charge said is wrong', () => {
    const credit = 'L: The refund comes as a credit note to your account within 7 working days of collection.';
    expect(markOf(faulty, 'explain_terms', ["L: As it's faulty, we'll collect it free of charge.", credit])).toBe('met');
    expect(markOf(faulty, 'explain_terms', ["L: No charge, it's faulty.", credit])).toBe('met');
    const card = helpers.markLines(faulty, ["L: It's £25 plus VAT to collect it.", credit]);
    expect(card.criteria.explain_terms.mark).toBe('partly');
    expect(card.criteria.explain_terms.note).toMatch(/collection charge wrong/);
  });
});
