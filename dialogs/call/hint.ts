/**
 * `/hint` (practice only): the coach's nudge towards the first criterion of the scenario the
 * learner has not yet met, judged by the marker on the call so far. The nudge is the
 * criterion's general tip, never a figure or fact of the scenario. Each hint is recorded on
 * the call and shown on the scorecard.
 */
import type { CallScorecard } from '../../domain/calls.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { CRITERIA, type CriterionId } from '../../domain/scenario/vocabulary.js';
import { criterionInfo } from '../marking/criteria.js';

/** A hint and the criterion it is about (none when everything marked so far is met). */
export interface Hint {
  text: string;
  criterion?: CriterionId;
}

/**
 * Chooses the hint: the first applicable criterion (in the marking guide's order, which is
 * roughly the order of a call) not yet met, preferring one not hinted at before.
 */
export function chooseHint(progress: CallScorecard, loaded: LoadedScenario, hinted: readonly string[]): Hint {
  const applies = new Set<string>(loaded.scenario.rubric.criteria);
  const open = CRITERIA.filter((c) => applies.has(c) && progress.criteria[c]?.mark !== 'met');
  const pick = open.find((c) => !hinted.includes(c)) ?? open[0];
  if (!pick) return { text: 'Everything marked so far is on track. Keep going, and close the call properly when you are done.' };
  const info = criterionInfo()[pick];
  return { text: `${info.title}: ${info.tip}`, criterion: pick };
}
