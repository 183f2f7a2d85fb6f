/**
 * The marker: one code path for live calls and stored transcripts.
 *
 * - {@link prepareScenario} computes a scenario's truths and marking facts once (cache it).
 * - {@link CallMarker} folds over a call's activities as they arrive — each learner message
 *   is analysed once, when it arrives — and {@link CallMarker.scorecard} runs the fifteen
 *   checkers over the call so far.
 * - {@link markCall} is the fold over a stored transcript: `npm run score` and the live
 *   bot's `/end` both produce the scorecard this way, from the same activities.
 */
import type { TranscriptActivity } from '../../domain/transcript.js';
import type { Recogniser } from '../../domain/language/recogniser.js';
import type { AnalyseContext, Utterance } from '../../domain/language/types.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { computeTruths, type Truths } from '../../domain/scenario/truths.js';
import { analyseMessage, type RecogniseFn } from './analysis/analyse.js';
import { fromUtterance, projectRecogniser } from './analysis/recogniser.js';
import { makeCalendar } from '../../domain/world/calendar.js';
import type { MessageAnalysis } from './analysis/types.js';
import { CallRecorder, type CallEvent } from './call/call-view.js';
import { CHECKERS } from './checkers/index.js';
import type { CheckResult } from './checkers/types.js';
import type { CriterionId } from './criteria.js';
import { buildMarkingFacts } from './facts/build-facts.js';
import type { MarkingFacts } from './facts/marking-facts.js';
import { buildScorecard, type Scorecard } from './scorecard.js';

/** A scenario ready for marking: its truths, marking facts and a recogniser bound to its clock. */
export interface PreparedScenario {
  id: string;
  loaded: LoadedScenario;
  truths: Truths;
  facts: MarkingFacts;
  /** the context learner messages are analysed in (give the simulator the same, so analyses are shared) */
  analyseContext: AnalyseContext;
  recognise: RecogniseFn;
}

/** Options for {@link prepareScenario}. */
export interface MarkerDeps {
  /**
   * The project recogniser instance to read learner messages with (default: one shared per
   * process). The live bot passes the instance its customer simulator uses: the analysis is
   * then cached once for both, and what the customer "heard" is what is marked.
   */
  recogniser?: Recogniser;
}

/** Thrown when a call cannot be marked (no scenario, unknown scenario). */
export class MarkingError extends Error {
  constructor(
    message: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'MarkingError';
  }
}

/** Compute a scenario's truths and marking facts (do this once per scenario and reuse). */
export function prepareScenario(loaded: LoadedScenario, deps: MarkerDeps = {}): PreparedScenario {
  const truths = computeTruths(loaded);
  const facts = buildMarkingFacts(loaded, truths);
  const cal = makeCalendar(truths.calendar);
  const analyseContext: AnalyseContext = {
    clock: facts.clock,
    calendar: (from, n) => cal.addWorkingDays(from, n),
    organisationNames: facts.companyNames,
    productCodes: facts.products.map((p) => p.code),
  };
  const recognise = projectRecogniser(analyseContext, deps.recogniser);
  return { id: loaded.scenario.id, loaded, truths, facts, analyseContext, recognise };
}

/** Marks one call incrementally: feed activities in transcript order, ask for the scorecard at any time. */
export class CallMarker {
  private readonly recorder: CallRecorder<MessageAnalysis>;
  private next = 0;
  private given: Utterance | undefined;

  constructor(readonly scenario: PreparedScenario) {
    this.recorder = new CallRecorder((text) => {
      const given = this.given;
      return analyseMessage(text, given && given.original === text ? () => fromUtterance(given) : scenario.recognise);
    });
  }

  /**
   * Add the next activity (its transcript index is counted here, so feed every activity,
   * coach messages included). Returns the event it became; for a learner message the
   * event carries the analysis the checkers will use. `utterance` is the recogniser's
   * reading of this learner message when the caller already has it (the live bot's
   * simulator read it in `analyseContext`): it is used instead of reading the text again.
   */
  observe(activity: TranscriptActivity, utterance?: Utterance): CallEvent<MessageAnalysis> | undefined {
    this.given = utterance;
    try {
      return this.recorder.add(activity, this.next++);
    } finally {
      this.given = undefined;
    }
  }

  /** Run every applicable checker over the call so far. */
  results(): Partial<Record<CriterionId, CheckResult>> {
    const call = this.recorder.current();
    const out: Partial<Record<CriterionId, CheckResult>> = {};
    for (const c of this.scenario.facts.rubric.applies) out[c] = CHECKERS[c](call, this.scenario.facts);
    return out;
  }

  /** The scorecard of the call so far (contract §5, without `file`). */
  scorecard(): Scorecard {
    return buildScorecard(this.scenario.id, this.scenario.facts.rubric, this.results());
  }
}

/** Mark a whole stored call. */
export function markCall(activities: readonly TranscriptActivity[], scenario: PreparedScenario): Scorecard {
  const m = new CallMarker(scenario);
  for (const a of activities) m.observe(a);
  return m.scorecard();
}

/** The scenario id a transcript starts with (`/start <id>`), or undefined. */
export function scenarioOfTranscript(activities: readonly TranscriptActivity[]): string | undefined {
  let id: string | undefined;
  for (const a of activities) {
    if (a.from?.role !== 'user' || typeof a.text !== 'string') continue;
    const m = /^\s*\/start\s+(\S+)/i.exec(a.text);
    if (m) id = m[1];
  }
  return id;
}
