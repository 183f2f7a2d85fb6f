/** Mark a test call and read one criterion. */
import { markCall, type PreparedScenario } from '../../dialogs/marking/marker.js';
import type { CriterionId } from '../../dialogs/marking/criteria.js';
import type { Scorecard } from '../../dialogs/marking/scorecard.js';
import { buildCall } from './call-builder.js';

/** Mark the call written as test lines against a prepared scenario. */
export function markLines(s: PreparedScenario, lines: readonly string[], opts: { end?: boolean } = {}): Scorecard {
  return markCall(buildCall(s.id, lines, opts), s);
}

/** The mark of one criterion for a call written as test lines. */
export function markOf(s: PreparedScenario, c: CriterionId, lines: readonly string[]): string {
  return markLines(s, lines).criteria[c].mark;
}
