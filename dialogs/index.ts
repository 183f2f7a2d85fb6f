/**
 * The bot factory. PLACEHOLDER: the call-flow work replaces this file with the real bot
 * (welcome card, scenarios, the customer, the desk, the scorecard). Keep the factory's
 * signature, which bot/index.ts and the tests call.
 */
import { ActivityHandler, type Storage, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { CallStore } from '../domain/calls.js';
import type { LoadedScenario } from '../domain/scenario/schema.js';

/** What the bot is given. */
export interface BotDeps {
  /** Bot state storage (for ConversationState / UserState). */
  storage: Storage;
  /** Call records. */
  calls: CallStore;
  /** Scenarios loaded at start-up (absent in some tests). */
  scenarios?: readonly LoadedScenario[];
  logger: Logger;
}

const coach = { speaker: 'coach' } as const;

/** Builds the bot. */
export function createBot(deps: BotDeps): ActivityHandler {
  return new PlaceholderBot(deps);
}

class PlaceholderBot extends ActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await this.welcome(context, member.name);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  private scenarioLines(): string {
    const list = this.deps.scenarios ?? [];
    if (list.length === 0) return 'No scenarios are loaded yet.';
    return list.map((s) => `- ${s.scenario.id}: ${s.scenario.title}`).join('\n');
  }

  private async welcome(context: TurnContext, name: string | undefined): Promise<void> {
    const who = name && name !== 'Learner' ? `, ${name}` : '';
    await context.sendActivity({
      type: 'message',
      text: `Welcome to Order Call Trainer${who}. You take calls as an adviser at the order desk.\n\nScenarios:\n${this.scenarioLines()}\n\nType /help for the commands.`,
      channelData: coach,
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const text = (context.activity.text ?? '').trim();
    if (text === '/help' || text === '/scenarios') {
      await context.sendActivity({
        type: 'message',
        text: `Commands: /scenarios, /start followed by a scenario id, /end, /hint, /history, /help.\n\nScenarios:\n${this.scenarioLines()}`,
        channelData: coach,
      });
      return;
    }
    await context.sendActivity({
      type: 'message',
      text: `I heard "${text}". Practice calls are not available in this build yet; type /help for the commands.`,
      channelData: coach,
    });
  }
}
