/**
 * Whole calls on the reference scenarios, written for these tests in words the dev set does
 * not use (different greetings, verification orders, price and date phrasings, a back-order
 * chosen instead of the alternative), each with the marks the marking guide gives.
 */
import { describe, expect, it } from '@jest/globals';
import { markCall } from '../../dialogs/marking/marker.js';
import { readTranscript } from '../../dialogs/marking/transcript-file.js';
import { shipped } from './scenarios.js';

type Marks = Record<string, 'met' | 'partly' | 'missed'>;

function marks(file: string): Marks {
  const activities = readTranscript(`test/fixtures/transcripts/${file}.transcript`);
  const id = (activities[0].text ?? '').split(/\s+/)[1];
  const s = shipped(id);
  const card = markCall(activities, s);
  return Object.fromEntries(s.facts.rubric.applies.map((c) => [c, card.criteria[c].mark])) as Marks;
}

const allMet = (file: string): Marks => Object.fromEntries(Object.keys(marks(file)).map((c) => [c, 'met'])) as Marks;

describe('whole calls in other words', () => {
  it('a strong new order, verified by name and email, stock shown by a quote', () => {
    expect(marks('variant-ergo-strong')).toEqual(allMet('variant-ergo-strong'));
  });

  it('a strong late-delivery call with the credit note put to the Team Leader', () => {
    expect(marks('variant-chase-strong')).toEqual(allMet('variant-chase-strong'));
  });

  it('a strong order change with the weekday that can only mean the re-dated delivery', () => {
    expect(marks('variant-change-strong')).toEqual(allMet('variant-change-strong'));
  });

  it('an out-of-stock call where the customer takes the back-order', () => {
    expect(marks('variant-mesh-back-order')).toEqual({
      opening: 'met',
      verify_identity: 'met',
      check_stock: 'met',
      check_credit: 'met',
      state_price: 'met',
      state_delivery: 'met',
      explain_terms: 'partly',
      explain_problem: 'met',
      escalate: 'met',
      confirm_details: 'partly',
      arrange_follow_up: 'partly',
      close_call: 'met',
      professional_language: 'met',
    });
  });

  it('a weak private cancellation: order disclosed before verification, one-line summary, no refund timeline', () => {
    expect(marks('variant-cancel-weak')).toEqual({
      opening: 'partly',
      verify_identity: 'partly',
      state_price: 'met',
      state_delivery: 'met',
      explain_terms: 'partly',
      confirm_details: 'partly',
      arrange_follow_up: 'partly',
      close_call: 'met',
      professional_language: 'met',
    });
  });

  it('a weak outbound call: discount kept after cancelling, a span for the second delivery', () => {
    expect(marks('variant-split-weak')).toEqual({
      opening: 'met',
      verify_identity: 'partly',
      state_price: 'missed',
      state_delivery: 'partly',
      explain_terms: 'missed',
      explain_problem: 'met',
      confirm_details: 'missed',
      arrange_follow_up: 'missed',
      close_call: 'partly',
      professional_language: 'met',
    });
  });
});
