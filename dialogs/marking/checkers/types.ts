/** The shape every checker shares. */
import type { CallView } from '../call/call-view.js';
import type { Mark } from '../criteria.js';
import type { MessageAnalysis } from '../analysis/types.js';
import type { MarkingFacts } from '../facts/marking-facts.js';

/** A quote from the transcript supporting a mark. */
export interface Evidence {
  /** 0-based index of the activity in the transcript */
  activity: number;
  quote: string;
}

/** A checker's verdict on one criterion. */
export interface CheckResult {
  mark: Mark;
  evidence: Evidence[];
  /** one line an assessor can read: why this mark */
  note: string;
  /** a tip for the learner more specific than the criterion's general tip */
  tip?: string;
}

/** The call as the checkers see it. */
export type Call = CallView<MessageAnalysis>;

/** A checker: one criterion, marked from the call and the scenario's facts. */
export type Checker = (call: Call, facts: MarkingFacts) => CheckResult;
