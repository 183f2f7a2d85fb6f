/**
 * The second blind held-out evaluation (test/fixtures/heldout2): calls written by another author
 * than the first held-out set, in other learner styles, played through the real bot from learner
 * scripts and labelled by hand from the marking guide alone — the author read neither the marker,
 * its tests, its docs nor the first set's labels. The marker marks them through `npm run score`
 * (the public path) and agreement is measured as the guide defines it, against the product bars:
 * overall quadratic-weighted kappa ≥ 0.85, exact agreement ≥ 85 %, every criterion with at least
 * five labels ≥ 75 % exact, pass/fail ≥ 90 %.
 *
 * Two sets: 37 calls in the seven reference scenarios, and 10 in two tutor-written scenarios in an
 * organisation of their own (Pennine Office Supply: 12:00 cut-off, 2nd-working-day delivery,
 * 21-day terms, a £75 free-delivery threshold, 28-day returns with a 7-working-day credit note,
 * collections from the 2nd working day) that the marker was never written against.
 */
import { describeHeldoutSet } from './heldoutSuite.js';

describeHeldoutSet({
  ordinal: 'second',
  root: 'test/fixtures/heldout2',
  tutorName: 'tutor scenarios (Pennine Office Supply)',
  minReferenceCalls: 5,
  tutorScenarios: 2,
  minTutorCalls: 4,
  partlyAndMissedEverywhere: true,
});
