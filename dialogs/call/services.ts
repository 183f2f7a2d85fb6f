/** What the call flow works with, gathered once by `createBot`. */
import type { StatePropertyAccessor } from 'botbuilder';
import type { Logger } from 'pino';
import type { CallStore } from '../../domain/calls.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import type { LearnerMemory } from '../learnerMemory.js';
import type { CustomerFactory, MarkTranscript } from './ports.js';

/** The loaded scenarios, looked up by id (any case). */
export class ScenarioCatalogue {
  readonly #byId: Map<string, LoadedScenario>;

  constructor(readonly all: readonly LoadedScenario[]) {
    this.#byId = new Map(all.map((s) => [s.scenario.id.toLowerCase(), s]));
  }

  /** The scenario with that id, or undefined. */
  find(id: string): LoadedScenario | undefined {
    return this.#byId.get(id.trim().toLowerCase());
  }
}

/** Dependencies of the call flow. */
export interface CallServices {
  calls: CallStore;
  scenarios: ScenarioCatalogue;
  customers: CustomerFactory;
  marker: MarkTranscript;
  /** A seed for a new call's customer and desk. */
  seed: () => number;
  /** Real time in ms (transcript time lines, record timestamps). */
  now: () => number;
  logger: Logger;
  /** The learner's memory in user state (the last call), when the bot keeps one. */
  learnerMemory?: StatePropertyAccessor<LearnerMemory>;
}
