/**
 * The session: the root dialog of a conversation. It answers the session commands that work
 * at any time (`/help`, `/scenarios`, `/history`, `/dispute`), starts calls (`/start`, abandoning one in progress),
 * hands everything else during a call to the {@link CallDialog}, and outside a call tells
 * the learner how to begin. It never ends.
 */
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { coachMessage } from '../activities.js';
import { activeCall, CALL_DIALOG, CallDialog } from '../call/callDialog.js';
import { abandonCall } from '../call/endCall.js';
import { learnerOf } from '../call/learner.js';
import { TurnRecorder } from '../call/recorder.js';
import type { CallServices } from '../call/services.js';
import { helpText } from '../coach/help.js';
import { scenarioLines } from '../coach/scenarioList.js';
import { scenariosMessage } from '../coach/welcome.js';
import { parseCommand, parseStartArgs } from './command.js';
import { disputeText } from './dispute.js';
import { historyText } from './history.js';

/** The dialog id. */
export const SESSION_DIALOG = 'session';

/** The root dialog. */
export class SessionDialog extends ComponentDialog {
  constructor(private readonly svc: CallServices) {
    super(SESSION_DIALOG);
    this.addDialog(new CallDialog(svc));
  }

  protected async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.route(innerDc);
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.route(innerDc);
  }

  private async route(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    if (context.activity.type !== 'message') return Dialog.EndOfTurn;
    const recorder = TurnRecorder.of(context);
    const call = activeCall(dc);
    if (call) recorder.attach(call.callId, call.timeline);
    const text = (context.activity.text ?? '').trim();
    const command = parseCommand(text);

    switch (command?.name) {
      case 'start':
        await this.start(dc, command.args);
        return Dialog.EndOfTurn;
      case 'help':
        await context.sendActivity(coachMessage(helpText(call !== undefined)));
        return Dialog.EndOfTurn;
      case 'history':
        await context.sendActivity(coachMessage(await historyText(this.svc.calls, learnerOf(context.activity.from).id)));
        return Dialog.EndOfTurn;
      case 'dispute':
        await context.sendActivity(coachMessage(await disputeText(this.svc.calls, learnerOf(context.activity.from), command.args, this.svc.now())));
        return Dialog.EndOfTurn;
      case 'scenarios': {
        const list = scenariosMessage(this.svc.scenarios.all);
        await context.sendActivity(coachMessage(list.text, list.card));
        return Dialog.EndOfTurn;
      }
    }
    if (dc.activeDialog) {
      await dc.continueDialog();
      return Dialog.EndOfTurn;
    }
    if (command?.name === 'end' || command?.name === 'hint') {
      await context.sendActivity(coachMessage('There is no call in progress. Start one with /start <scenario-id>; /scenarios lists them.'));
    } else if (command) {
      await context.sendActivity(coachMessage(`/${command.name} is not a command here. ${helpText(false)}`));
    } else if (text) {
      await context.sendActivity(
        coachMessage(`There is no call in progress yet, so nobody heard that. Pick a scenario and start with /start <scenario-id>:\n${scenarioLines(this.svc.scenarios.all)}`),
      );
    }
    return Dialog.EndOfTurn;
  }

  /** `/start <id> [mode]`: checks the arguments, abandons a call in progress, begins the new one. */
  private async start(dc: DialogContext, args: string): Promise<void> {
    const context = dc.context;
    const parsed = parseStartArgs(args);
    const loaded = 'id' in parsed ? this.svc.scenarios.find(parsed.id) : undefined;
    const call = activeCall(dc);
    if (!('id' in parsed) || !loaded) {
      // Not a new call: the call in progress (if any) goes on, and this exchange is not part of it.
      TurnRecorder.of(context).detach(true);
      const problem = 'id' in parsed ? `There is no scenario "${parsed.id}".` : parsed.problem;
      const list = scenariosMessage(this.svc.scenarios.all);
      const still = call ? ' Your current call is still open.' : '';
      await context.sendActivity(coachMessage(`${problem}${still}\n\n${list.text}`, list.card));
      return;
    }
    if (call) {
      await abandonCall(this.svc, context, call);
      await dc.cancelAllDialogs();
    }
    await dc.beginDialog(CALL_DIALOG, { scenarioId: loaded.scenario.id, mode: parsed.mode, ...(call ? { abandoned: call.scenarioId } : {}) });
  }
}
