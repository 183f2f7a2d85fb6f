/**
 * The benchmark's baseline: a bare echo bot on the same stack as the trainer — restify 11,
 * botbuilder's `CloudAdapter` with `ConfigurationBotFrameworkAuthentication` (no app id:
 * unauthenticated), `POST /api/messages` — and nothing else: no state, no storage, no
 * dialogs. Every message gets one reply (`You said: …`).
 *
 * Run by `bench/run.ts` as a child process: `PORT=0 node --import tsx bench/echo-server.ts`.
 * Logs one JSON line with its `url` when listening; exits 0 on SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity({ type: 'message', text: `You said: ${context.activity.text ?? ''}` });
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(JSON.stringify({ level: 50, msg: 'turn failed', err: String(error) }));
  await context.sendActivity('The echo bot failed.');
};
const bot = new EchoBot();

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1_000_000 }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

const port = Number(process.env.PORT ?? 0);
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as AddressInfo;
  console.log(JSON.stringify({ level: 30, msg: 'echo bot listening', url: `http://127.0.0.1:${bound}` }));
});

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.server.closeAllConnections();
});
