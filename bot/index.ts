/**
 * Entry point (`npm start`): configuration, logs, storage, scenarios, the bot and the server;
 * graceful shutdown on SIGTERM/SIGINT (stop accepting, finish turns in flight, flush
 * storage, exit 0).
 */
import { loadScenarioDir } from '../domain/scenario/load.js';
import { ScenarioRegistry } from '../domain/scenario/registry.js';
import { createBot, Understanding } from '../dialogs/index.js';
import { criterionInfo } from '../dialogs/marking/criteria.js';
import { registerAssessorRoutes } from './assessor/index.js';
import { ConfigError, loadConfig, loadDotEnv, type AppConfig } from './config.js';
import type { ReadinessCheck } from './health.js';
import { createLogger } from './logger.js';
import { startRetention } from './retention.js';
import { ScenarioWatcher } from './scenarioWatcher.js';
import { createServer } from './server.js';
import { openStores } from './storage/index.js';
import { openTurnLock } from './turns/index.js';

async function main(): Promise<void> {
  loadDotEnv();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${err.message}\nSee .env.example for every setting.`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });

  const stores = await openStores(config.storage, logger);
  logger.info({ storage: stores.description }, 'storage open');
  // One turn at a time per conversation, across instances on PostgreSQL (decision 0009).
  const turnLock = openTurnLock(config.storage, logger);
  // Calls past RETENTION_DAYS are deleted now and daily (npm run data -- purge does it on demand).
  const retention = config.retentionDays
    ? startRetention({ calls: stores.calls, days: config.retentionDays, logger: logger.child({ component: 'retention' }) })
    : undefined;
  logger.info({ retentionDays: config.retentionDays ?? null }, config.retentionDays ? `calls older than ${config.retentionDays} days are deleted daily` : 'RETENTION_DAYS is not set: calls are kept until deleted');

  const loaded = loadScenarioDir(config.scenariosDir);
  for (const error of loaded.errors) logger.warn({ file: error.file }, error.message);
  logger.info({ scenarios: loaded.scenarios.map((s) => s.scenario.id), dir: config.scenariosDir }, 'scenarios loaded');
  // Live reload: the bot reads the registry every turn; calls keep the version they began with.
  const scenarios = new ScenarioRegistry(loaded.scenarios);
  const watcher = new ScenarioWatcher({ dir: config.scenariosDir, registry: scenarios, logger: logger.child({ component: 'scenarios' }) }).start();

  // One recogniser for the customer simulator and the marker, trained and warmed up (with the
  // scenarios prepared for marking) before listening, so the first learner does not wait.
  const warmUpStarted = performance.now();
  const understanding = new Understanding();
  understanding.warmUp(scenarios.list());
  logger.info({ ms: Math.round(performance.now() - warmUpStarted) }, 'language understanding ready');

  const bot = createBot({
    storage: stores.state,
    calls: stores.calls,
    scenarios,
    understanding,
    logger: logger.child({ component: 'bot' }),
  });
  const readiness: ReadinessCheck[] = [
    { name: 'storage', check: () => stores.ping() },
    {
      name: 'scenarios',
      check: async () => {
        const offered = scenarios.list().length;
        if (offered === 0) throw new Error(`no valid scenarios in ${config.scenariosDir}`);
        return `${offered} loaded`;
      },
    },
  ];
  const app = createServer({
    bot,
    microsoftApp: config.microsoftApp,
    directLineLocal: config.directLineLocal,
    logger,
    readiness,
    turnLock,
    routes: [(server) => registerAssessorRoutes(server, { calls: stores.calls, tokens: config.assessorTokens, logger, scenarios, criteria: criterionInfo(), xapiBase: config.publicUrl })],
  });
  const url = await app.listen(config.port);
  logger.info(
    { url, auth: config.microsoftApp.MicrosoftAppId ? 'Bot Framework tokens required' : 'local (unauthenticated)', webChat: config.directLineLocal },
    `Order Call Trainer is listening: open http://localhost:${new URL(url).port}/`,
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, turnsInFlight: app.turnsInFlight }, 'shutting down');
    try {
      watcher.close();
      await app.close();
      await retention?.stop();
      await turnLock.close();
      await stores.close();
      logger.info('stopped cleanly');
      logger.flush();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', (s) => void stop(s));
  process.on('SIGINT', (s) => void stop(s));
}

main().catch((err: unknown) => {
  console.error('Order Call Trainer could not start:', err instanceof Error ? err.message : err);
  if (err instanceof ConfigError) console.error('See .env.example for every setting.');
  process.exit(1);
});
