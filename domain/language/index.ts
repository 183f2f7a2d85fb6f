/**
 * Language understanding: the one recogniser shared by the customer simulator
 * and the marker. Import from here.
 *
 * ```ts
 * import { createRecogniser } from '../domain/language/index.js';
 * const recogniser = createRecogniser({ organisationNames: ['Harbour & Pike Office Supplies'] });
 * recogniser.warmUp();
 * const u = recogniser.analyse(text, { clock: scenario.clock, calendar: addWorkingDays });
 * ```
 */
export { createRecogniser, type Extraction, type Recogniser, type RecogniserOptions } from './recogniser.js';
export {
  CUE_MOVES, CUE_MOVE_IDS, FACT_IDS, MOVES, MOVE_IDS, TRAINED_MOVE_IDS, isFactId, isMoveId, isTrainedMoveId, type CueMoveId, type FactId, type MoveId, type TrainedMoveId,
} from './intents.js';
export type {
  AnalyseContext, Cue, DateForm, DateMention, DateRole, FactRequest, FollowUp, IntentScore, Introduction,
  MoneyMention, MoneyRole, NameMention, NormalisedView, QuantityMention, QuantityRole, ReferenceKind, ReferenceMention,
  Sentence, Span, StyleSignals, TeamId, TeamMention, TermId, TermMention, TimeMention, Utterance, VatBasis,
  WorkingDayFn,
} from './types.js';
export type { ClassifierKind } from './intent-classifier.js';
export { TrainingDataError } from './training-data.js';
export { expandTextSpeak } from './lexicon.js';
export { findStreetAddresses, sameStreet, type StreetAddress } from './street-address.js';
export { evaluateFacts, evaluateMoves, type LabelledPhrase } from './evaluation.js';
