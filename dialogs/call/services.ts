/** What the call flow works with, gathered once by `createBot`. */
import type { StatePropertyAccessor } from 'botbuilder';
import type { Logger } from 'pino';
import type { CallStore } from '../../domain/calls.js';
import { ScenarioRegistry, type ScenarioSource } from '../../domain/scenario/registry.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import type { LearnerMemory } from '../learnerMemory.js';
import type { CustomerFactory, MarkTranscript } from './ports.js';

/**
 * The scenarios on offer, looked up by id (any case) every turn, from a fixed list or a
 * reloadable registry (live reload: a call keeps the version it started with).
 */
export class ScenarioCatalogue {
  readonly #source: ScenarioSource;

  constructor(scenarios: readonly LoadedScenario[] | ScenarioSource) {
    this.#source = 'list' in scenarios ? scenarios : new ScenarioRegistry(scenarios);
  }

  /** The scenarios on offer now. */
  get all(): readonly LoadedScenario[] {
    return this.#source.list();
  }

  /** The scenario with that id — at `version` while that version is kept — or undefined. */
  find(id: string, version?: string): LoadedScenario | undefined {
    return this.#source.get(id, version);
  }

  /** The version of a scenario from {@link find}, for a call to keep. */
  versionOf(loaded: LoadedScenario): string {
    return this.#source.versionOf(loaded);
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
