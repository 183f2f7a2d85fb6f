/**
 * The local Direct Line 3.0 subset that Web Chat's client calls, on our restify server, so
 * Web Chat works with no Azure. Activities go into the SAME adapter and bot as
 * `/api/messages`, one turn at a time per conversation, with `deliveryMode: expectReplies`;
 * the replies are put in the conversation's stream, which the client polls.
 * See docs/decisions/0003-local-direct-line.md.
 */
import { randomBytes } from 'node:crypto';
import type { Server, Request, Response } from 'restify';
import type { Activity, ChannelAccount, TurnContext } from 'botbuilder';
import type { TrainerAdapter } from '../adapter.js';
import { TURN_ERROR_TEXT } from '../adapter.js';
import type { Logger } from '../logger.js';
import { KeyedMutex } from '../storage/keyedMutex.js';
import type { TurnTracker } from '../turnTracker.js';
import { ConversationRegistry, DEFAULT_LIMITS, type DirectLineConversation, type DirectLineLimits } from './conversations.js';
import { postActivitySchema, startConversationSchema, watermarkSchema } from './schemas.js';
import { TokenRegistry } from './tokens.js';

export const DIRECTLINE_BASE = '/v3/directline';
/** Web Chat's channel id when it talks through Direct Line. */
export const CHANNEL_ID = 'webchat';

export interface DirectLineOptions {
  adapter: TrainerAdapter;
  /** The bot turn (`bot.run`). */
  logic: (context: TurnContext) => Promise<void>;
  tracker: TurnTracker;
  logger: Logger;
  /** The bot as the channel names it (`recipient` of the learner's activities). */
  botAccount: ChannelAccount;
  limits?: Partial<DirectLineLimits>;
  tokenTtlSeconds?: number;
  /** Longest `delay` activity honoured between replies. */
  maxReplyDelayMs?: number;
}

/** A one-to-one conversation as the Bot Framework schema types it. */
function conversationAccount(id: string): Activity['conversation'] {
  return { id, isGroup: false, conversationType: 'personal', name: '' };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Registers the routes; returns the registries (for tests and metrics). */
export function registerDirectLine(server: Server, options: DirectLineOptions): { conversations: ConversationRegistry; tokens: TokenRegistry } {
  const { adapter, logic, tracker, logger, botAccount } = options;
  const maxDelay = options.maxReplyDelayMs ?? 5000;
  const tokens = new TokenRegistry(options.tokenTtlSeconds);
  const conversations = new ConversationRegistry({ ...DEFAULT_LIMITS, ...options.limits }, (id) => tokens.revokeConversation(id));
  const turns = new KeyedMutex();

  const bearer = (req: Request): string | undefined => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

  /** The conversation the request's token grants, checked against the URL's id when given. */
  const authorise = (req: Request, conversationId?: string): DirectLineConversation => {
    const token = bearer(req);
    if (!token) throw new HttpError(401, 'MissingToken', 'An Authorization: Bearer token is required');
    const granted = tokens.conversationOf(token);
    if (!granted) throw new HttpError(403, 'TokenExpired', 'The token is not valid or has expired');
    if (conversationId !== undefined && conversationId !== granted) {
      throw new HttpError(403, 'BadArgument', 'The token is not valid for this conversation');
    }
    const conversation = conversations.get(granted);
    if (!conversation) throw new HttpError(404, 'BadArgument', 'Conversation not found (it may have expired)');
    return conversation;
  };

  /** Runs one bot turn for the conversation and streams the replies. Never rejects. */
  const runTurn = (conversation: DirectLineConversation, activity: Partial<Activity>): Promise<void> =>
    tracker.track(() =>
      turns.run(conversation.id, async () => {
        try {
          const replies = await adapter.processLocalActivity(activity, logic);
          for (const reply of replies) {
            if (reply.type === 'delay') {
              await new Promise((r) => setTimeout(r, Math.min(Math.max(Number(reply.value) || 1000, 0), maxDelay)));
            } else if (reply.type !== 'trace') {
              conversation.push({ ...reply, from: reply.from ?? botAccount, conversation: conversationAccount(conversation.id), timestamp: new Date() });
            }
          }
        } catch (err) {
          logger.error({ err, conversationId: conversation.id }, 'direct line turn failed');
          conversation.push({ type: 'message', text: TURN_ERROR_TEXT, from: botAccount, channelData: { speaker: 'coach' } });
        }
      }),
    );

  const handle =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await fn(req, res);
      } catch (err) {
        if (err instanceof HttpError) {
          res.send(err.status, { error: { code: err.code, message: err.message } });
        } else {
          logger.error({ err, url: req.url }, 'direct line request failed');
          res.send(500, { error: { code: 'ServiceError', message: 'Something went wrong' } });
        }
      }
    };

  const parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): T => {
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new HttpError(400, 'BadArgument', `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`);
    }
    return result.data;
  };

  const grant = (conversation: DirectLineConversation, token: string, expiresIn: number) => ({
    conversationId: conversation.id,
    token,
    expires_in: expiresIn,
  });

  // Start a conversation, or (with a token we issued) resume it.
  server.post(
    `${DIRECTLINE_BASE}/conversations`,
    handle(async (req, res) => {
      if (bearer(req)) {
        const conversation = authorise(req);
        res.send(200, grant(conversation, bearer(req) as string, tokens.ttlSeconds));
        return;
      }
      const body = parse(startConversationSchema, req.body ?? {});
      const user: ChannelAccount = {
        id: body.user?.id ?? `dl_${randomBytes(9).toString('base64url')}`,
        name: body.user?.name || 'Learner',
        role: 'user',
      };
      const serviceUrl = `${req.isSecure() ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${DIRECTLINE_BASE}`;
      const conversation = conversations.create(user, serviceUrl);
      const issued = tokens.issue(conversation.id);
      void runTurn(conversation, {
        type: 'conversationUpdate',
        id: `${conversation.id}|start`,
        channelId: CHANNEL_ID,
        serviceUrl,
        conversation: conversationAccount(conversation.id),
        from: user,
        recipient: botAccount,
        membersAdded: [user],
        locale: body.locale ?? 'en-GB',
        timestamp: new Date(),
      });
      logger.info({ conversationId: conversation.id, userId: user.id }, 'web chat conversation started');
      res.send(201, grant(conversation, issued.token, issued.expiresIn));
    }),
  );

  // Reconnect details (Web Chat calls this when it holds a conversationId).
  server.get(
    `${DIRECTLINE_BASE}/conversations/:conversationId`,
    handle(async (req, res) => {
      const conversation = authorise(req, req.params.conversationId);
      res.send(200, grant(conversation, bearer(req) as string, tokens.ttlSeconds));
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/conversations/:conversationId/activities`,
    handle(async (req, res) => {
      const conversation = authorise(req, req.params.conversationId);
      const body = parse(postActivitySchema, req.body);
      if (body.type === 'typing') {
        res.send(200, { id: '' });
        return;
      }
      const activity: Partial<Activity> = {
        type: body.type,
        text: body.text,
        textFormat: body.textFormat,
        locale: body.locale,
        localTimestamp: body.localTimestamp ? new Date(body.localTimestamp) : undefined,
        localTimezone: body.localTimezone,
        name: body.name,
        value: body.value,
        entities: body.entities as Activity['entities'],
        channelData: body.channelData,
        channelId: CHANNEL_ID,
        serviceUrl: conversation.serviceUrl,
        conversation: conversationAccount(conversation.id),
        from: { id: conversation.user.id, name: body.from?.name || conversation.user.name, role: 'user' },
        recipient: botAccount,
      };
      for (const key of Object.keys(activity) as (keyof Activity)[]) if (activity[key] === undefined) delete activity[key];
      // The echo: Web Chat marks the message sent when it sees it come back with its clientActivityID.
      const id = conversation.push(activity);
      void runTurn(conversation, { ...activity, id });
      res.send(200, { id });
    }),
  );

  server.get(
    `${DIRECTLINE_BASE}/conversations/:conversationId/activities`,
    handle(async (req, res) => {
      const conversation = authorise(req, req.params.conversationId);
      const { watermark } = parse(watermarkSchema, req.query ?? {});
      res.send(200, conversation.since(watermark ? Number(watermark) : 0));
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/tokens/refresh`,
    handle(async (req, res) => {
      const conversation = authorise(req);
      const issued = tokens.refresh(bearer(req) as string);
      if (!issued) throw new HttpError(403, 'TokenExpired', 'The token is not valid or has expired');
      res.send(200, grant(conversation, issued.token, issued.expiresIn));
    }),
  );

  return { conversations, tokens };
}
