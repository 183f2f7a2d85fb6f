/**
 * How the live bot reads learner messages: ONE recogniser (`domain/language/`) for the
 * customer simulator and the marker, and each scenario prepared for marking (truths, marking
 * facts, the analysis context) once per loaded version.
 *
 * The customer hears each message as the marker will read it — the same recogniser, in the
 * prepared scenario's analysis context — so what the customer "heard" is what is scored, and
 * the marker's reading of the stored transcript at the end of the call (the same fold as
 * `npm run score`) is served from the recogniser's cache instead of analysing every message
 * a second time.
 */
import { createRecogniser, type Recogniser } from '../../domain/language/recogniser.js';
import type { Utterance } from '../../domain/language/types.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { prepareScenario, type PreparedScenario } from '../marking/marker.js';

/** The recogniser and the prepared scenarios shared by one bot's customers and marker. */
export class Understanding {
  #recogniser: Recogniser | undefined;
  /** Keyed by the loaded object: a reloaded scenario (a new version) is prepared again. */
  readonly #prepared = new WeakMap<LoadedScenario, PreparedScenario>();

  /** @param recogniser the instance to use (default: one trained at first use). */
  constructor(recogniser?: Recogniser) {
    this.#recogniser = recogniser;
  }

  /** The recogniser (trained now if it was not given and not yet needed). */
  get recogniser(): Recogniser {
    this.#recogniser ??= createRecogniser();
    return this.#recogniser;
  }

  /**
   * Trains the recogniser, loads its models and prepares `scenarios`, so that the first call
   * does not wait for them. Call once at start-up, before listening.
   */
  warmUp(scenarios: readonly LoadedScenario[] = []): void {
    this.recogniser.warmUp();
    for (const loaded of scenarios) this.prepared(loaded);
  }

  /** The scenario prepared for marking (computed once per loaded version). */
  prepared(loaded: LoadedScenario): PreparedScenario {
    let p = this.#prepared.get(loaded);
    if (!p) {
      p = prepareScenario(loaded, { recogniser: this.recogniser });
      this.#prepared.set(loaded, p);
    }
    return p;
  }

  /** A learner message read for the scenario's call, as the marker reads it. */
  read(text: string, loaded: LoadedScenario): Utterance {
    return this.recogniser.analyse(text, this.prepared(loaded).analyseContext);
  }
}

let shared: Understanding | undefined;

/** The process-wide instance, for bots built without one (tests, the command-line tools). */
export function sharedUnderstanding(): Understanding {
  shared ??= new Understanding();
  return shared;
}
