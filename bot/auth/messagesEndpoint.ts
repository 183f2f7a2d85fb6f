/**
 * The HTTP handler of `POST /api/messages`: what `CloudAdapter.process` does for a request,
 * with answers a channel can act on and nothing internal in them. botbuilder's own handler
 * answers 500 with the error's text (a fetch error's URL and reason, a jsonwebtoken message)
 * whenever a failure is not its own `AuthenticationError`, and logs every refusal's stack to
 * stderr; here a refused token is 401, signing keys that cannot be loaded are 503, a body that
 * is not an activity is 400, and only an unexpected failure after authentication is 500.
 */
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { describeActivityProblem, incomingActivitySchema } from '../activitySchema.js';
import type { Logger } from '../logger.js';
import { BotAuthError } from './errors.js';

export interface MessagesEndpointOptions {
  /** The adapter (`TrainerAdapter`), built over a `GuardedBotFrameworkAuthentication`. */
  adapter: {
    processIncoming(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
  };
  /** The bot's turn logic. */
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
}

/** How long a channel should wait before retrying when the signing keys are unavailable. */
const RETRY_AFTER_SECONDS = 30;

/** Builds the handler. */
export function messagesEndpoint(options: MessagesEndpointOptions): (req: Request, res: Response) => Promise<void> {
  const { adapter, logic, logger } = options;
  return async (req, res) => {
    const parsed = incomingActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { code: 'BadRequest', message: `The body must be a Bot Framework activity: ${describeActivityProblem(parsed.error, req.body)}.` });
      return;
    }
    const activity = withDates(parsed.data);
    const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    try {
      const invokeResponse = await adapter.processIncoming(authHeader, activity, logic);
      const status = invokeResponse?.status ?? 200;
      if (invokeResponse?.body !== undefined) res.send(status, invokeResponse.body);
      else {
        res.status(status);
        res.end();
      }
    } catch (err) {
      if (err instanceof BotAuthError) {
        // Already logged by the guarded authentication, without the token.
        if (err.status === 401) res.header('WWW-Authenticate', 'Bearer');
        else res.header('Retry-After', String(RETRY_AFTER_SECONDS));
        res.send(err.status, { code: err.status === 401 ? 'Unauthorized' : 'ServiceUnavailable', message: err.message });
        return;
      }
      logger.error({ err, channelId: activity.channelId, activityType: activity.type }, 'could not process the activity');
      res.send(500, { code: 'InternalError', message: 'The bot could not process the activity.' });
    }
  };
}

/** As botbuilder does: ISO strings become Dates, the raw strings are kept alongside. */
function withDates(body: Record<string, unknown>): Activity {
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
