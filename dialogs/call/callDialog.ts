/**
 * The practice call as a dialog: begun by `/start`, it sends the coach's briefing and the
 * customer's first line, then on every learner message either runs a desk command (the
 * customer does not hear it), gives a hint, ends the call with the scorecard (`/end`), or
 * lets the customer hear the learner and reply. Its state ({@link CallState}) is the dialog
 * instance's state, saved with the conversation after every turn.
 */
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { CallMode } from '../../domain/calls.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { coachMessage, customerMessage, deskMessage } from '../activities.js';
import { briefingPanel, briefingText } from '../coach/briefing.js';
import { createDeskState, isDeskCommand, runDeskCommand, type DeskCommand } from '../desk/index.js';
import { parseCommand } from '../session/command.js';
import { CALL_STATE_VERSION, readCallState, type CallState } from './callState.js';
import { abandonCall, endCall } from './endCall.js';
import { CallResumeError, CallStartError } from './errors.js';
import { giveHint } from './giveHint.js';
import { learnerOf } from './learner.js';
import { LiveCustomers } from './liveCustomers.js';
import type { CustomerTurn, SimulatedCustomer } from './ports.js';
import { TurnRecorder } from './recorder.js';
import type { CallServices } from './services.js';
import { clockNow, startTimeline } from './timeline.js';

/** The dialog id. */
export const CALL_DIALOG = 'call';

/** How a call is begun. */
export interface CallOptions {
  scenarioId: string;
  mode: CallMode;
  /** the scenario id of a call just abandoned by this `/start`, to say so */
  abandoned?: string;
}

/** The call in progress on a dialog context, if any (what the session and the bot look at). */
export function activeCall(dc: DialogContext): CallState | undefined {
  return dc.activeDialog?.id === CALL_DIALOG ? readCallState(dc.activeDialog.state) : undefined;
}

/** The practice call dialog. */
export class CallDialog extends Dialog<CallOptions> {
  /** Customers of calls in progress, reused by their next turn while their saved state is unchanged. */
  private readonly live = new LiveCustomers();

  constructor(private readonly svc: CallServices) {
    super(CALL_DIALOG);
  }

  /** Starts the call record, the customer and the desk; sends the briefing and the customer's first line. */
  async beginDialog(dc: DialogContext, options?: CallOptions): Promise<DialogTurnResult> {
    const loaded = options ? this.svc.scenarios.find(options.scenarioId) : undefined;
    if (!options || !loaded) throw new CallStartError(options?.scenarioId);
    const recorder = TurnRecorder.of(dc.context);
    const seed = this.svc.seed();
    const learner = learnerOf(dc.context.activity.from);
    const now = this.svc.now();
    const record = await this.svc.calls.create({
      learner,
      scenario: loaded.scenario.id,
      mode: options.mode,
      seed,
      startedAt: new Date(now).toISOString(),
    });
    const customer = this.svc.customers(loaded, { seed });
    const state: CallState = {
      version: CALL_STATE_VERSION,
      callId: record.id,
      scenarioId: loaded.scenario.id,
      scenarioVersion: this.svc.scenarios.versionOf(loaded),
      mode: options.mode,
      seed,
      learner,
      timeline: startTimeline(loaded.scenario.clock, now),
      customer: customer.state,
      desk: createDeskState(loaded, seed),
      deskEvents: [],
      hinted: [],
    };
    dc.activeDialog!.state.call = state;
    recorder.attach(state.callId, state.timeline);
    if (options.abandoned) {
      await dc.context.sendActivity(coachMessage(`Your ${options.abandoned} call was ended without marking (it is kept as abandoned).`));
    }
    await dc.context.sendActivity(coachMessage(briefingText(loaded, options.mode), undefined, { briefing: briefingPanel(loaded, options.mode) }));
    return this.customerSpeaks(dc, state, loaded, customer, customer.opening());
  }

  /** Handles one learner message during the call. */
  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = readCallState(dc.activeDialog?.state);
    const recorder = TurnRecorder.of(dc.context);
    if (!state) {
      recorder.detach();
      await dc.context.sendActivity(coachMessage('Your earlier call could not be resumed after an update. Start again with /start <scenario-id>.'));
      return dc.endDialog();
    }
    recorder.attach(state.callId, state.timeline);
    const loaded = this.svc.scenarios.find(state.scenarioId, state.scenarioVersion);
    if (loaded && state.scenarioVersion !== undefined && this.svc.scenarios.versionOf(loaded) !== state.scenarioVersion) {
      // its version is no longer kept (a restart since the files changed): go on with the current one
      this.svc.logger.warn({ callId: state.callId, scenario: state.scenarioId, from: state.scenarioVersion, to: this.svc.scenarios.versionOf(loaded) }, 'call continues with a newer version of its scenario');
      state.scenarioVersion = this.svc.scenarios.versionOf(loaded);
    }
    if (!loaded) {
      await abandonCall(this.svc, dc.context, state);
      await dc.context.sendActivity(coachMessage(`The scenario ${state.scenarioId} is no longer available, so this call has been ended without marking. Type /scenarios to choose another.`));
      return dc.endDialog();
    }
    const text = (dc.context.activity.text ?? '').trim();
    const command = parseCommand(text);
    if (!command) {
      let customer: SimulatedCustomer;
      try {
        customer = this.resume(state, loaded);
      } catch (err) {
        if (!(err instanceof CallResumeError)) throw err;
        this.svc.logger.error({ err, callId: state.callId }, 'call cannot be resumed');
        await abandonCall(this.svc, dc.context, state);
        await dc.context.sendActivity(coachMessage('Sorry, this call cannot carry on after an update to the trainer. It is kept, unmarked. Start again with /start <scenario-id>.'));
        return dc.endDialog();
      }
      const turn = customer.hear(text, { clock: clockNow(state.timeline), deskEvents: state.deskEvents });
      state.deskEvents = [];
      return this.customerSpeaks(dc, state, loaded, customer, turn);
    }
    if (command.name === 'end') {
      this.live.forget(state.callId);
      return endCall(this.svc, dc, state, loaded, 'learner');
    }
    if (command.name === 'hint') {
      await giveHint(this.svc, dc.context, state, loaded);
      return Dialog.EndOfTurn;
    }
    if (isDeskCommand(command.name)) return this.desk(dc, state, loaded, command.name, command.args);
    await dc.context.sendActivity(
      coachMessage(`/${command.name} is not a command here, and the customer did not hear it. Type /help for the desk and session commands.`),
    );
    return Dialog.EndOfTurn;
  }

  /**
   * Runs a desk command. The customer hears nothing; they are told what the desk did with
   * their next `hear`, except on the secure payment line, which they take part in at once.
   */
  private async desk(dc: DialogContext, state: CallState, loaded: LoadedScenario, name: DeskCommand, args: string): Promise<DialogTurnResult> {
    let customer: SimulatedCustomer | undefined;
    let onLine: CustomerTurn | undefined;
    const securePaymentLine = (amount: number): boolean => {
      customer = this.resume(state, loaded);
      onLine = customer.onDesk({ kind: 'pay', amount });
      return onLine.payment === 'completed';
    };
    const reply = runDeskCommand({ loaded, state: state.desk, clock: loaded.scenario.clock, securePaymentLine }, name, args);
    state.deskEvents.push(...reply.events);
    await dc.context.sendActivity(deskMessage(reply.text, reply.card));
    if (customer && onLine) return this.customerSpeaks(dc, state, loaded, customer, onLine);
    return Dialog.EndOfTurn;
  }

  /**
   * The call's customer: the one its last turn left, while the saved state is unchanged, else
   * rebuilt from the saved state. Throws {@link CallResumeError}.
   */
  private resume(state: CallState, loaded: LoadedScenario): SimulatedCustomer {
    const live = this.live.take(state.callId, loaded, state.customer);
    if (live) return live;
    try {
      return this.svc.customers(loaded, { seed: state.seed, state: state.customer });
    } catch (err) {
      throw new CallResumeError(state.callId, state.scenarioId, { cause: err });
    }
  }

  private async customerSpeaks(
    dc: DialogContext,
    state: CallState,
    loaded: LoadedScenario,
    customer: SimulatedCustomer,
    turn: CustomerTurn,
  ): Promise<DialogTurnResult> {
    state.customer = customer.state;
    for (const line of turn.lines) await dc.context.sendActivity(customerMessage(line));
    if (!turn.hungUp) {
      this.live.keep(state.callId, loaded, customer, state.customer);
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(coachMessage('The customer has ended the call.'));
    return endCall(this.svc, dc, state, loaded, 'customer');
  }
}
