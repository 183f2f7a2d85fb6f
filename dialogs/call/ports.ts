/**
 * The two collaborators the call flow needs, as narrow interfaces: the simulated customer
 * (dialogs/customer/, `createCustomer`) and the marker (dialogs/marking/, `markCall`). The
 * real ones are bound in `defaults.ts`; both fit these shapes as they are.
 */
import type { CallScorecard } from '../../domain/calls.js';
import type { ScenarioClock } from '../../domain/dates.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import type { TranscriptActivity } from '../../domain/transcript.js';
import type { DeskEvent } from '../desk/types.js';

/** What the customer says in one go, and whether they then put the phone down. */
export interface CustomerTurn {
  lines: string[];
  hungUp: boolean;
  /** after a `pay` desk event: whether the payment went through on the secure line */
  payment?: 'completed' | 'abandoned';
}

/** A simulated customer during one call. Its `state` is plain JSON, saved after every turn. */
export interface SimulatedCustomer {
  /** The first thing the customer says (inbound: their opening; outbound: answering the phone). */
  opening(): CustomerTurn;
  /** The customer hears the learner's message; `deskEvents` are what the desk did since the last message. */
  hear(text: string, context: { clock: ScenarioClock; deskEvents?: readonly DeskEvent[] }): CustomerTurn;
  /** A desk action the customer takes part in (the secure payment line). */
  onDesk(event: DeskEvent): CustomerTurn;
  /** Serialisable state, including the random generator's position. */
  readonly state: unknown;
}

/** Creates a customer for a scenario: fresh from a seed, or resumed from a saved state. */
export type CustomerFactory = (loaded: LoadedScenario, options: { seed: number; state?: unknown }) => SimulatedCustomer;

/** Marks a call's transcript against its scenario (contract §5): the same function as `npm run score`. */
export type MarkTranscript = (activities: readonly TranscriptActivity[], loaded: LoadedScenario) => CallScorecard | Promise<CallScorecard>;
