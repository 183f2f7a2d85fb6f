/**
 * Ending a call. `/end` (or the customer hanging up): the turn so far is written to the call
 * record, the marker marks the stored transcript (the same function and the same activities
 * as `npm run score`), the record is finished with the scorecard, then the coach sends it.
 * A second `/start` abandons the call instead: kept, unmarked.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { CallScorecard } from '../../domain/calls.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { coachMessage } from '../activities.js';
import { scorecardCard, scorecardText } from '../coach/scorecard.js';
import type { CallState } from './callState.js';
import { TurnRecorder } from './recorder.js';
import type { CallServices } from './services.js';

/** Marks the call, finishes its record and sends the scorecard; ends the dialog. */
export async function endCall(
  svc: CallServices,
  dc: DialogContext,
  state: CallState,
  loaded: LoadedScenario,
  by: 'learner' | 'customer',
): Promise<DialogTurnResult> {
  const recorder = TurnRecorder.of(dc.context);
  await recorder.flush();
  recorder.detach();
  const record = await svc.calls.get(state.callId);
  let scorecard: CallScorecard | undefined;
  try {
    if (record) scorecard = await svc.marker(record.transcript, loaded);
  } catch (err) {
    svc.logger.error({ err, callId: state.callId, scenario: state.scenarioId }, 'marking the call failed');
  }
  const endedAt = new Date(svc.now()).toISOString();
  await svc.calls.finish(state.callId, { status: 'ended', endedAt, ...(scorecard ? { scorecard } : {}) });
  svc.logger.info({ callId: state.callId, scenario: state.scenarioId, by, score: scorecard?.score }, 'call ended');
  if (svc.learnerMemory) {
    const lastCall = { scenario: state.scenarioId, mode: state.mode, endedAt, ...(scorecard ? { score: scorecard.score, passed: scorecard.passed } : {}) };
    await svc.learnerMemory.set(dc.context, { lastCall });
  }
  if (scorecard) {
    const hints = record?.hints ?? [];
    await dc.context.sendActivity(
      coachMessage(scorecardText(scorecard, loaded, hints), scorecardCard(scorecard, loaded, hints), { scorecard, hints: hints.map((h) => h.text) }),
    );
  } else {
    await dc.context.sendActivity(
      coachMessage('The call has ended and is saved, but it could not be marked just now. Your tutor can mark it from the stored transcript.'),
    );
  }
  return dc.endDialog();
}

/** Finishes the call as abandoned (kept, unmarked) and stops recording it. */
export async function abandonCall(svc: CallServices, context: TurnContext, state: CallState): Promise<void> {
  TurnRecorder.of(context).detach();
  await svc.calls.finish(state.callId, { status: 'abandoned', endedAt: new Date(svc.now()).toISOString() });
  svc.logger.info({ callId: state.callId, scenario: state.scenarioId }, 'call abandoned');
}
