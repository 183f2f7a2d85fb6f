/** Answering `/hint`: a nudge in practice (recorded on the call), a polite refusal in assessment. */
import type { TurnContext } from 'botbuilder';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { coachMessage } from '../activities.js';
import type { CallState } from './callState.js';
import { chooseHint } from './hint.js';
import { TurnRecorder } from './recorder.js';
import type { CallServices } from './services.js';

/** Sends the hint (or the refusal). */
export async function giveHint(svc: CallServices, context: TurnContext, state: CallState, loaded: LoadedScenario): Promise<void> {
  if (state.mode !== 'practice') {
    await context.sendActivity(coachMessage('Hints are for practice calls. This is an assessment, so you are on your own — good luck.'));
    return;
  }
  const recorder = TurnRecorder.of(context);
  await recorder.flush();
  const record = await svc.calls.get(state.callId);
  const progress = await svc.marker(record?.transcript ?? [], loaded);
  const hint = chooseHint(progress, loaded, state.hinted);
  if (hint.criterion) state.hinted.push(hint.criterion);
  await svc.calls.addHint(state.callId, {
    at: new Date(svc.now()).toISOString(),
    text: hint.text,
    ...(hint.criterion ? { criterion: hint.criterion } : {}),
  });
  await context.sendActivity(coachMessage(`Hint: ${hint.text}`));
}
