/**
 * The Bot Framework adapter: botbuilder's `CloudAdapter` with
 * `ConfigurationBotFrameworkAuthentication`, guarded (bot/auth/). With no MicrosoftAppId it accepts unauthenticated
 * activities (local use, the Emulator, tests); with one it requires a valid Bot Framework token.
 */
import {
  ActivityTypes,
  CloudAdapter,
  DeliveryModes,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import { createBotFrameworkAuthentication } from './auth/index.js';
import type { MicrosoftAppSettings } from './config.js';
import type { Logger } from './logger.js';

/** What the learner reads when a turn fails. The call and its state are kept. */
export const TURN_ERROR_TEXT =
  'Sorry, something went wrong on our side with that message. Your call is still open: please send it again, or type /help.';

/**
 * `CloudAdapter` plus one entry point for channels this server hosts itself (the local
 * Direct Line): the activity was authenticated by that channel, the turn runs through the
 * same middleware, bot and error handler, and the replies come back as a list.
 */
export class TrainerAdapter extends CloudAdapter {
  readonly #auth: BotFrameworkAuthentication;

  constructor(auth: BotFrameworkAuthentication) {
    super(auth);
    this.#auth = auth;
  }

  /**
   * Authenticates an activity from the Bot Framework endpoint by its `Authorization` header and
   * runs its turn (bot/auth/messagesEndpoint.ts writes the HTTP answer).
   */
  processIncoming(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  /** Runs one turn with `deliveryMode: expectReplies`; returns the bot's replies in order. */
  async processLocalActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const claimsIdentity = new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
    const authenticated: AuthenticateRequestResult = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity,
      connectorFactory: this.#auth.createConnectorFactory(claimsIdentity),
    };
    const incoming = { ...activity, deliveryMode: DeliveryModes.ExpectReplies } as Activity;
    const response = await this.processActivity(authenticated, incoming, logic);
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return (body?.activities ?? []).filter((a) => a.type !== ActivityTypes.InvokeResponse);
  }
}

export interface BotAdapter {
  adapter: TrainerAdapter;
  auth: BotFrameworkAuthentication;
}

/** Creates the adapter and its error handler. */
export function createAdapter(settings: MicrosoftAppSettings, logger: Logger): BotAdapter {
  const auth = createBotFrameworkAuthentication(settings, logger);
  const adapter = new TrainerAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const a = context.activity;
    logger.error(
      { err: error, conversationId: a?.conversation?.id, activityId: a?.id, channelId: a?.channelId, activityType: a?.type },
      'bot turn failed',
    );
    // Deliberately no state clearing: the learner's call goes on from where it was.
    try {
      await context.sendTraceActivity('OnTurnError Trace', `${error}`, 'https://www.botframework.com/schemas/error', 'TurnError');
      await context.sendActivity({ type: 'message', text: TURN_ERROR_TEXT, channelData: { speaker: 'coach' } });
    } catch (sendError) {
      logger.error({ err: sendError, conversationId: a?.conversation?.id }, 'could not tell the learner about the failed turn');
    }
  };
  return { adapter, auth };
}
