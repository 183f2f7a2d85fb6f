/**
 * The fourth blind held-out evaluation (test/fixtures/heldout4): calls by a fourth author, played
 * through the real bot from learner scripts and labelled by hand from the marking guide alone, in
 * the dev set's spread (strong, typical and weak calls; text-speak; forgotten steps; wrong figures;
 * unprompted corrections; missing closes). The labels were committed before the marker first saw
 * the transcripts; the author read neither the marker, its tests, its docs nor the earlier sets.
 * The marker marks them through `npm run score` (the public path) and agreement is measured as the
 * guide defines it, against the product bars: overall quadratic-weighted kappa ≥ 0.85, exact
 * agreement ≥ 85 %, every criterion with at least five labels ≥ 75 % exact, pass/fail ≥ 90 %.
 *
 * Two parts: 28 calls in the seven reference scenarios (four each), and 12 in two tutor-written
 * scenarios in an organisation of its own (Thistle & Quire Office Supplies, Glasgow: Scottish bank
 * holidays, a 13:00 cut-off, delivery on the 2nd working day, £9.50 delivery below £250, 14-day
 * terms, a chair-with-a-desk offer, a Despatch Supervisor and a £25 goodwill voucher) — an OUTBOUND
 * call about a carrier delay, and a PRIVATE customer's new order paid by card.
 */
import { describeHeldoutSet } from './heldoutSuite.js';

describeHeldoutSet({
  ordinal: 'fourth',
  root: 'test/fixtures/heldout4',
  tutorName: 'tutor scenarios (Thistle & Quire)',
  minReferenceCalls: 4,
  tutorScenarios: 2,
  minTutorCalls: 6,
  partlyAndMissedEverywhere: false,
});
