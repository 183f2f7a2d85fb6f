/**
 * One call's state, kept in the call dialog's slot of conversation state (plain JSON) so a
 * server restart mid-call resumes it: the record id, the customer's state (with its random
 * position), the desk's state, desk events not yet told to the customer, the hints given.
 * Never sent to the client.
 */
import type { CallMode, Learner } from '../../domain/calls.js';
import type { DeskEvent, DeskState } from '../desk/types.js';
import type { Timeline } from './timeline.js';

/** The version of {@link CallState}; a call saved in another shape cannot be resumed. */
export const CALL_STATE_VERSION = 1;

/** Everything the call flow keeps between turns. */
export interface CallState {
  version: typeof CALL_STATE_VERSION;
  callId: string;
  scenarioId: string;
  /** the scenario's version when the call started (kept across a live reload of the files) */
  scenarioVersion?: string;
  mode: CallMode;
  seed: number;
  learner: Learner;
  timeline: Timeline;
  /** the simulated customer's own state (see dialogs/customer) */
  customer: unknown;
  desk: DeskState;
  /** what the desk did since the customer last heard the learner */
  deskEvents: DeskEvent[];
  /** criteria the coach has hinted at, in order */
  hinted: string[];
}

/** The call state in a dialog instance's state, when it is one this version can resume. */
export function readCallState(instanceState: unknown): CallState | undefined {
  const s = (instanceState as { call?: Partial<CallState> } | undefined)?.call;
  if (!s || s.version !== CALL_STATE_VERSION || typeof s.callId !== 'string' || typeof s.scenarioId !== 'string') return undefined;
  if (!s.timeline || !s.desk || !Array.isArray(s.deskEvents) || !Array.isArray(s.hinted)) return undefined;
  return s as CallState;
}
