/**
 * The marker on a scenario none of its rules were written for: another organisation
 * (catalogue, offer, noon cut-off, two-day delivery, 14-day terms, other team names),
 * with two fixture calls written for this test.
 */
import { describe, expect, it } from '@jest/globals';
import { markCall } from '../../dialogs/marking/marker.js';
import { readTranscript } from '../../dialogs/marking/transcript-file.js';
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
