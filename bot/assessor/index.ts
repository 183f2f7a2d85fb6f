/**
 * The assessors' tools: the API of contract §7 under `/api/assessor/` and the pages under
 * `/assessor`. With no tokens configured nothing is registered, so every assessor path
 * answers 404: the tools are off, never open.
 *
 * The server must parse bodies and queries as `createServer` does
 * (`restify.plugins.bodyParser({ mapParams: false })`; the query is read from the URL).
 */
import type { Server } from 'restify';
import type { CallStore } from '../../domain/calls.js';
import type { Logger } from '../logger.js';
import { registerAssessorApi } from './api.js';
import { Authenticator } from './auth.js';
import { Catalogue, type CriterionCatalogue, type ScenarioList } from './catalogue.js';
import { registerAssessorPages } from './pages/routes.js';
import { AssessorService } from './service.js';
import { DEFAULT_SESSION_TTL_MS } from './session.js';
import { TokenRegistry, parseAssessorTokens, MIN_STRONG_TOKEN_LENGTH } from './tokens.js';
import { irlSchema } from './xapi/schema.js';

export { AssessorTokenError } from './errors.js';
export { parseAssessorTokens, type AssessorIdentity } from './tokens.js';
export { statementSchema } from './xapi/schema.js';

/** What the assessor tools need. */
export interface AssessorDeps {
  /** Where the call records are. */
  calls: CallStore;
  /**
   * `ASSESSOR_TOKENS` entries (`config.assessorTokens`): `token` or `name:token`. Empty: the
   * assessor API and pages are off (404).
   */
  tokens: readonly string[];
  logger: Logger;
  /**
   * Scenario titles, extra qualification references and pass rules: the server's live
   * `ScenarioRegistry` (read at every request, so reloaded files show at once), or a fixed list.
   */
  scenarios?: ScenarioList;
  /** Criterion titles and qualification references for scorecards that lack them. */
  criteria?: CriterionCatalogue;
  /** Base IRI of xAPI ids: `config.publicUrl` (`PUBLIC_URL`, e.g. `https://trainer.example.ac.uk`); unset: the request's origin. */
  xapiBase?: string;
  /** Clock; default the system clock. */
  now?: () => Date;
  /** How long a page sign-in lasts; default 8 hours. */
  sessionTtlMs?: number;
}

/**
 * Registers the assessor API and pages on the server, or nothing when no tokens are
 * configured.
 * @throws AssessorTokenError when an `ASSESSOR_TOKENS` entry is malformed
 */
export function registerAssessorRoutes(server: Server, deps: AssessorDeps): void {
  const logger = deps.logger.child({ component: 'assessor' });
  const registry = new TokenRegistry(parseAssessorTokens(deps.tokens));
  if (!registry.enabled) {
    logger.info('assessor API and pages are off: ASSESSOR_TOKENS is empty');
    return;
  }
  const weak = registry.weak();
  if (weak.length > 0) {
    logger.warn({ assessors: weak }, `assessor tokens shorter than ${MIN_STRONG_TOKEN_LENGTH} characters: use long random tokens`);
  }
  if (deps.xapiBase !== undefined && !irlSchema.safeParse(deps.xapiBase).success) {
    throw new Error(`The xAPI base must be an http(s) address, got "${deps.xapiBase}"`);
  }
  const now = deps.now ?? (() => new Date());
  const ctx = {
    service: new AssessorService(deps.calls, new Catalogue(deps.criteria, deps.scenarios), now),
    auth: new Authenticator(registry, () => now().getTime()),
    logger,
    now,
    sessionTtlMs: deps.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    ...(deps.xapiBase ? { xapiBase: deps.xapiBase } : {}),
  };
  registerAssessorApi(server, ctx);
  registerAssessorPages(server, ctx);
  logger.info('assessor API and pages are on: /api/assessor, /assessor');
}
