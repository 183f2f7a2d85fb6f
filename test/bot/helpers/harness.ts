/**
 * Starts the real server (createServer) on a random port with real stores in a temporary
 * DATA_DIR, for HTTP and browser tests.
 */
import type { ActivityHandlerBase } from 'botbuilder';
import { createBot } from '../../../dialogs/index.js';
import { loadScenarioDir } from '../../../domain/scenario/load.js';
import type { MicrosoftAppSettings } from '../../../bot/config.js';
import type { ReadinessCheck } from '../../../bot/health.js';
import { silentLogger } from '../../../bot/logger.js';
import type { TrainerServer } from '../../../bot/server.js';
import { openStores, type Stores } from '../../../bot/storage/index.js';
import { serveForTest } from '../../support/server.js';
import { makeTempDir } from '../storage/tempDir.js';

export interface Running {
  url: string;
  app: TrainerServer;
  stores: Stores;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Build the bot from the stores; default: the real createBot with the repository's scenarios. */
  bot?: (stores: Stores) => Pick<ActivityHandlerBase, 'run'>;
  microsoftApp?: MicrosoftAppSettings;
  directLineLocal?: boolean;
  readiness?: (stores: Stores) => ReadinessCheck[];
  shutdownTimeoutMs?: number;
}

let scenarios: ReturnType<typeof loadScenarioDir>['scenarios'] | undefined;

/** The repository's scenarios, loaded once per test file. */
export function repositoryScenarios() {
  scenarios ??= loadScenarioDir('scenarios').scenarios;
  return scenarios;
}

export async function startServer(options: HarnessOptions = {}): Promise<Running> {
  const tmp = await makeTempDir();
  const stores = await openStores({ kind: 'lowdb', dataDir: tmp.dir });
  const logger = silentLogger();
  const bot =
    options.bot?.(stores) ?? createBot({ storage: stores.state, calls: stores.calls, scenarios: repositoryScenarios(), logger });
  const { url, app, stop } = await serveForTest(
    {
      bot,
      microsoftApp: options.microsoftApp ?? {},
      directLineLocal: options.directLineLocal,
      logger,
      readiness: options.readiness?.(stores) ?? [{ name: 'storage', check: () => stores.ping() }],
      shutdownTimeoutMs: options.shutdownTimeoutMs,
    },
    async () => {
      await stores.close().catch(() => undefined);
      await tmp.remove();
    },
  );
  return { url, app, stores, stop };
}

export { eventually } from '../../support/eventually.js';
