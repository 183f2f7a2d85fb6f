/**
 * The real server (createServer + the real bot + lowdb stores in a temporary folder) with
 * Bot Framework credentials, and every log line it writes kept for the test to read.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createBot } from '../../../dialogs/index.js';
import type { MicrosoftAppSettings } from '../../../bot/config.js';
import { createServer, type TrainerServer } from '../../../bot/server.js';
import { openStores, type Stores } from '../../../bot/storage/index.js';
import { repositoryScenarios } from '../../bot/helpers/harness.js';
import { makeTempDir } from '../../bot/storage/tempDir.js';

export interface AuthRunning {
  url: string;
  app: TrainerServer;
  stores: Stores;
  /** The JSON log lines written so far. */
  readonly logs: string[];
  stop(): Promise<void>;
}

/** Starts the server on 127.0.0.1 with `microsoftApp`, logging at debug into `logs`. */
export async function startAuthServer(microsoftApp: MicrosoftAppSettings): Promise<AuthRunning> {
  const tmp = await makeTempDir('oct-auth-');
  const stores = await openStores({ kind: 'lowdb', dataDir: tmp.dir });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const bot = createBot({ storage: stores.state, calls: stores.calls, scenarios: repositoryScenarios(), logger });
  const app = createServer({ bot, microsoftApp, logger, readiness: [] });
  const url = await app.listen(0, '127.0.0.1');
  return {
    url,
    app,
    stores,
    logs,
    async stop() {
      await app.close();
      await stores.close().catch(() => undefined);
      await tmp.remove();
    },
  };
}

/** The answer to one POST. */
export interface Posted {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  /** The body as sent. */
  text: string;
}

/** POSTs an activity to `/api/messages`, with `Authorization: Bearer <token>` when given. */
export async function postActivity(url: string, activity: unknown, token?: string): Promise<Posted> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  const r = await fetch(`${url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : undefined, text };
}

/** The bot's messages in an expectReplies answer. */
export function repliesOf(posted: Posted): { type: string; text?: string; channelData?: { speaker?: string }; attachments?: { contentType: string; content: unknown }[] }[] {
  const activities = (posted.body as { activities?: { type: string }[] } | undefined)?.activities ?? [];
  return activities.filter((a) => a.type === 'message');
}
