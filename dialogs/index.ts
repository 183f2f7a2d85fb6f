/**
 * The bot factory the server calls: the trainer bot over the given storage, call store and
 * scenarios, with the real customer simulator and marker (sharing one recogniser) unless a
 * test passes others.
 */
import type { Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { CallStore } from '../domain/calls.js';
import type { ScenarioSource } from '../domain/scenario/registry.js';
import type { LoadedScenario } from '../domain/scenario/schema.js';
import { customersWith, realMarker } from './call/defaults.js';
import type { CustomerFactory, MarkTranscript } from './call/ports.js';
import { ScenarioCatalogue } from './call/services.js';
import { sharedUnderstanding, type Understanding } from './call/understanding.js';
import { randomSeed } from './random.js';
import { TrainerBot } from './trainerBot.js';

export { TrainerBot, normaliseIncoming } from './trainerBot.js';
export { Understanding } from './call/understanding.js';
export type { CustomerFactory, MarkTranscript, SimulatedCustomer, CustomerTurn } from './call/ports.js';

/** What the bot is given. */
export interface BotDeps {
  /** Bot state storage (for ConversationState / UserState). */
  storage: Storage;
  /** Call records. */
  calls: CallStore;
  /**
   * The scenarios: a fixed list, or a registry the server reloads when the files change
   * (read every turn). Absent in some tests.
   */
  scenarios?: readonly LoadedScenario[] | ScenarioSource;
  logger: Logger;
  /**
   * The recogniser and prepared scenarios the real customer simulator and marker share
   * (default: one per process, trained at first use). The server passes one it has warmed up.
   */
  understanding?: Understanding;
  /** The customer simulator (default: dialogs/customer). */
  customers?: CustomerFactory;
  /** The marker (default: dialogs/marking `markCall`). */
  marker?: MarkTranscript;
  /** Seeds for new calls (default: random). Fix it to replay a call. */
  seed?: () => number;
  /** Real time in ms (default: `Date.now`). */
  now?: () => number;
}

/** Builds the bot. */
export function createBot(deps: BotDeps): TrainerBot {
  const understanding = deps.understanding ?? sharedUnderstanding();
  return new TrainerBot(deps.storage, {
    calls: deps.calls,
    scenarios: new ScenarioCatalogue(deps.scenarios ?? []),
    customers: deps.customers ?? customersWith(understanding),
    marker: deps.marker ?? realMarker(understanding),
    seed: deps.seed ?? randomSeed,
    now: deps.now ?? Date.now,
    logger: deps.logger,
  });
}
