/**
 * The third blind held-out evaluation (test/fixtures/heldout3): calls by a third author, in learner
 * styles the dev set and the earlier held-out sets do not lean on (everything in one long message,
 * answers given as questions, regional and colloquial English, a figure or day mis-stated and
 * taken back, per-item prices before the total, "Weds", "next Thursday", "in 3 days", read-out
 * verification, wrong teams), played through the real bot from learner scripts and labelled by
 * hand from the marking guide alone. The labels were committed before the marker first saw the
 * transcripts; the author read neither the marker, its tests, its docs nor the earlier sets' labels.
 * The marker marks them through `npm run score` (the public path) and agreement is measured as the
 * guide defines it, against the product bars: overall quadratic-weighted kappa ≥ 0.85, exact
 * agreement ≥ 85 %, every criterion with at least five labels ≥ 75 % exact, pass/fail ≥ 90 %.
 *
 * Two parts: 35 calls in the seven reference scenarios, and 8 in one tutor-written scenario in an
 * organisation of its own (Fenwick & Moss Stationery: 15:30 cut-off, delivery on the 2nd working
 * day, a £6.50 charge below £200 of goods, 14-day terms, a three-cartridge toner offer) — an
 * inbound change that LOWERS an order, so the offer is lost and a delivery charge appears, a case
 * the reference scenarios do not have.
 */
import { describeHeldoutSet } from './heldoutSuite.js';

describeHeldoutSet({
  ordinal: 'third',
  root: 'test/fixtures/heldout3',
  tutorName: 'tutor scenario (Fenwick & Moss Stationery)',
  minReferenceCalls: 5,
  tutorScenarios: 1,
  minTutorCalls: 8,
  partlyAndMissedEverywhere: true,
});
