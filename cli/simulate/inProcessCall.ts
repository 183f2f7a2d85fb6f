/**
 * A conversation with the real bot run in this process through botbuilder's `TestAdapter`:
 * send the learner's text, get the bot's replies. Used by `npm run simulate` (and tests).
 */
import { ActivityTypes, TestAdapter, type Activity, type ActivityHandlerBase } from 'botbuilder';

/** The learner's account in the conversation. */
export interface TerminalLearner {
  id: string;
  name: string;
}

/** One conversation with the bot. */
export class InProcessCall {
  readonly adapter: TestAdapter;

  constructor(
    bot: Pick<ActivityHandlerBase, 'run'>,
    readonly learner: TerminalLearner,
    conversationId = `terminal-${Date.now()}`,
  ) {
    this.adapter = new TestAdapter((context) => bot.run(context));
    // The conversation's defaults (an activity's own `from`, `channelId`… win over them).
    Object.assign(this.adapter.conversation, {
      channelId: 'terminal',
      serviceUrl: 'https://terminal.invalid',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'terminal' },
      user: { id: learner.id, name: learner.name, role: 'user' },
      bot: { id: 'order-call-trainer', name: 'Order Call Trainer', role: 'bot' },
    });
  }

  /** The learner joins the conversation (the bot welcomes them); returns the bot's replies. */
  async join(): Promise<Partial<Activity>[]> {
    await this.adapter.processActivity({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: this.learner.id, name: this.learner.name }],
    });
    return this.drain();
  }

  /** The learner sends `text`; returns the bot's replies in order. */
  async say(text: string): Promise<Partial<Activity>[]> {
    await this.adapter.processActivity({ type: ActivityTypes.Message, text });
    return this.drain();
  }

  /** The learner submits a card button with `value`; returns the bot's replies. */
  async submit(value: Record<string, unknown>): Promise<Partial<Activity>[]> {
    await this.adapter.processActivity({ type: ActivityTypes.Message, value });
    return this.drain();
  }

  private drain(): Partial<Activity>[] {
    return this.adapter.activeQueue.splice(0, this.adapter.activeQueue.length);
  }
}
