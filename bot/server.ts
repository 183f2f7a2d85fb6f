/**
 * The HTTP server: restify with the Bot Framework endpoint (`POST /api/messages`), the
 * health check (`GET /healthz`), the local Direct Line and the Web Chat page. Built by
 * {@link createServer} from a bot and its dependencies, so tests can run it on port 0.
 */
import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import type { ActivityHandlerBase, ChannelAccount, TurnContext } from 'botbuilder';
import { createAdapter, type TrainerAdapter } from './adapter.js';
import { messagesEndpoint } from './auth/index.js';
import type { MicrosoftAppSettings } from './config.js';
import { registerDirectLine } from './directline/routes.js';
import { runChecks, type ReadinessCheck } from './health.js';
import { inputGuard } from './inputGuard.js';
import type { Logger } from './logger.js';
import { emulatorOnlyTraces } from './traceFilter.js';
import { TurnTracker } from './turnTracker.js';
import { InProcessTurnLock, serialiseTurns, type TurnLock } from './turns/turnLock.js';
import { registerWebChatPage } from './webchat/routes.js';

export interface ServerOptions {
  /** The bot (`createBot` from dialogs/). */
  bot: Pick<ActivityHandlerBase, 'run'>;
  /** Bot Framework credentials; empty = local, unauthenticated. */
  microsoftApp: MicrosoftAppSettings;
  logger: Logger;
  /** Serve the local Direct Line. Default: only when no MicrosoftAppId is set. */
  directLineLocal?: boolean;
  /** What `/healthz` checks. */
  readiness?: ReadinessCheck[];
  /** More routes (e.g. the assessor API), registered after ours. */
  routes?: ((server: Server) => void)[];
  /** How long `close()` waits for turns in flight. */
  shutdownTimeoutMs?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /**
   * Runs each conversation's turns one at a time (default: within this process). Several
   * instances on one database need the shared lock (`openTurnLock`, bot/turns/).
   */
  turnLock?: TurnLock;
}

export interface TrainerServer {
  readonly server: Server;
  readonly adapter: TrainerAdapter;
  /** Starts listening; resolves to the base URL (`http://127.0.0.1:<port>`). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting requests, waits for turns in flight, then closes every connection. */
  close(): Promise<void>;
  /** Turns running now. */
  readonly turnsInFlight: number;
}

/** Builds the server (not yet listening). */
export function createServer(options: ServerOptions): TrainerServer {
  const { bot, logger } = options;
  const { adapter } = createAdapter(options.microsoftApp, logger.child({ component: 'adapter' }));
  const tracker = new TurnTracker();
  adapter.use(inputGuard());
  adapter.use(emulatorOnlyTraces());
  const logic = serialiseTurns(options.turnLock ?? new InProcessTurnLock(), (context: TurnContext): Promise<void> => bot.run(context));
  const botAccount: ChannelAccount = {
    id: options.microsoftApp.MicrosoftAppId || 'order-call-trainer',
    name: 'Order Call Trainer',
    role: 'bot',
  };
  let closing: Promise<void> | undefined;

  const server = restify.createServer({ name: 'order-call-trainer', handleUncaughtExceptions: false });
  server.pre((req: Request, res: Response, next) => {
    if (closing) {
      res.header('Connection', 'close');
      res.send(503, { code: 'ServiceUnavailable', message: 'The server is shutting down' });
      return next(false);
    }
    res.header('X-Content-Type-Options', 'nosniff');
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: options.maxBodyBytes ?? 1_000_000 }));

  // Failed requests at error; others at debug only (a line per turn costs CPU at info).
  server.on('after', (req: Request, res: Response, _route: unknown, err: unknown) => {
    const failed = res.statusCode >= 500;
    if (!failed && !logger.isLevelEnabled('debug')) return;
    const polling = req.method === 'GET' && req.path().endsWith('/activities');
    const entry = { method: req.method, path: req.path(), status: res.statusCode, ms: Date.now() - req.time() };
    if (failed) logger.error({ ...entry, err }, 'request failed');
    else if (!polling) logger.debug(entry, 'request');
  });

  // The Bot Framework endpoint (contract §1): Teams, Azure Web Chat, the Emulator, tests.
  const messages = messagesEndpoint({ adapter, logic, logger: logger.child({ component: 'endpoint' }) });
  server.post('/api/messages', async (req: Request, res: Response) => {
    await tracker.track(() => messages(req, res));
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const report = await runChecks(options.readiness ?? []);
    res.send(report.ok ? 200 : 503, { status: report.ok ? 'ok' : 'unavailable', checks: report.checks });
  });

  const directLine = options.directLineLocal ?? !options.microsoftApp.MicrosoftAppId;
  if (directLine) {
    registerDirectLine(server, { adapter, logic, tracker, logger: logger.child({ component: 'directline' }), botAccount });
  }
  registerWebChatPage(server, logger);
  for (const register of options.routes ?? []) register(server);

  return {
    server,
    adapter,
    get turnsInFlight() {
      return tracker.size;
    },
    listen(port = 0, host?: string) {
      return new Promise((resolve, reject) => {
        // restify re-emits the http server's 'error' on itself.
        const onError = (err: Error): void => reject(err);
        server.once('error', onError);
        const ready = (): void => {
          server.removeListener('error', onError);
          const address = server.address() as AddressInfo;
          const shown = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
          resolve(`http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`);
        };
        if (host) server.listen(port, host, ready);
        else server.listen(port, ready);
      });
    },
    close() {
      closing ??= (async () => {
        if (!server.server.listening) return;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.server.closeIdleConnections();
        const finished = await tracker.idle(options.shutdownTimeoutMs ?? 10_000);
        if (!finished) logger.warn({ turns: tracker.size }, 'shutdown: turns still running after the timeout');
        // Responses in progress finish and their connections close; then force the rest.
        server.server.closeIdleConnections();
        const drained = await Promise.race([closed.then(() => true), new Promise<boolean>((r) => setTimeout(r, 2000, false).unref())]);
        if (!drained) server.server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
