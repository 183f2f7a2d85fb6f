/**
 * The trainer bot (Teams, Web Chat, the Emulator): welcomes the learner with the scenarios,
 * reads each message (the bot's @mention removed; a card's submit read as the command it
 * stands for) and runs the session dialog. Every turn of a call is written to the call
 * record, awaited, before the conversation state is saved.
 *
 * The session dialog is driven directly (`DialogSet.createContext`, then `continueDialog`, or
 * `beginDialog` when the stack is empty), as `runDialog` does without its extras: a memory
 * manager loading and saving every memory scope, and a deep copy of the whole memory (the
 * call's state included) for a `BotState` trace, every turn. Only the Emulator shows traces,
 * so only Emulator turns go through `runDialog`. The memory scopes and path resolvers every
 * `DialogContext` is built with are made once and reused (botbuilder-dialogs rebuilds them
 * each turn unless the turn state carries them; they keep no state of their own).
 */
import {
  Channels,
  TeamsActivityHandler,
  TurnContext,
  type StatePropertyAccessor,
  type Storage,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, runDialog, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { coachMessage } from './activities.js';
import { TurnRecorder } from './call/recorder.js';
import type { CallServices } from './call/services.js';
import { welcomeMessage } from './coach/welcome.js';
import { lastCallLine, type LearnerMemory } from './learnerMemory.js';
import { TrainerConversationState, TrainerUserState } from './session/botStates.js';
import { SessionDialog } from './session/sessionDialog.js';

/**
 * The turn-state key under which botbuilder-dialogs' `DialogStateManager` looks for its
 * configuration (memory scopes, path resolvers) before building one.
 */
const MEMORY_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * The learner's message text: a card submit (`value.command`) becomes its command text;
 * the bot's @mention is removed. Written back to the activity so everything downstream,
 * the stored transcript included, sees the same text.
 */
export function normaliseIncoming(context: TurnContext): void {
  const a = context.activity;
  if (a.type !== 'message') return;
  const submitted = (a.value as { command?: unknown } | undefined)?.command;
  if (!a.text?.trim() && typeof submitted === 'string') a.text = submitted;
  if (a.text) a.text = TurnContext.removeRecipientMention(a).trim();
}

/** The bot. */
export class TrainerBot extends TeamsActivityHandler {
  readonly conversationState: TrainerConversationState;
  readonly userState: TrainerUserState;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  private readonly memory: StatePropertyAccessor<LearnerMemory>;
  private readonly session: SessionDialog;
  private readonly dialogs: DialogSet;
  /** The dialog memory configuration of the first turn, reused by later ones. */
  private memoryConfiguration?: DialogStateManagerConfiguration;

  constructor(
    storage: Storage,
    private readonly svc: Omit<CallServices, 'learnerMemory'>,
  ) {
    super();
    this.conversationState = new TrainerConversationState(storage);
    this.userState = new TrainerUserState(storage);
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = this.conversationState.createProperty<boolean>('welcomed');
    this.memory = this.userState.createProperty<LearnerMemory>('learner');
    this.session = new SessionDialog({ ...svc, learnerMemory: this.memory });
    this.dialogs = new DialogSet(this.dialogState).add(this.session);

    this.onMembersAdded(async (context, next) => {
      const learner = (context.activity.membersAdded ?? []).find((m) => m.id !== context.activity.recipient?.id);
      if (learner) await this.welcome(context, learner.name);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context, context.activity.from?.name);
      await next();
    });
    this.onMessage(async (context, next) => {
      if (!context.activity.text?.trim()) {
        await context.sendActivity(coachMessage('I can only read typed messages. Type /help for the commands.'));
      } else {
        await this.runSession(context);
      }
      await next();
    });
  }

  /** Runs one turn: records the call's messages, then saves the conversation and user state. */
  async run(context: TurnContext): Promise<void> {
    normaliseIncoming(context);
    const recorder = TurnRecorder.install(context, this.svc.calls, this.svc.now);
    await super.run(context);
    await recorder.flush();
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }

  /** One turn of the session dialog (with botbuilder's memory trace on the Emulator only). */
  private async runSession(context: TurnContext): Promise<void> {
    if (context.activity.channelId === Channels.Emulator) {
      await runDialog(this.session, context, this.dialogState);
      return;
    }
    if (this.memoryConfiguration) context.turnState.set(MEMORY_CONFIGURATION_KEY, this.memoryConfiguration);
    const dc = await this.dialogs.createContext(context);
    this.memoryConfiguration ??= dc.state.configuration;
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.session.id);
  }

  private async welcome(context: TurnContext, name: string | undefined): Promise<void> {
    if (await this.welcomed.get(context, false)) return;
    await this.welcomed.set(context, true);
    const w = welcomeMessage(name, this.svc.scenarios.all);
    const back = lastCallLine(await this.memory.get(context));
    await context.sendActivity(coachMessage(back ? `${w.text}\n\n${back}` : w.text, w.card));
  }
}
