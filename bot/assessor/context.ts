/** What the API and page routes share, built once by `registerAssessorRoutes`. */
import type { Logger } from '../logger.js';
import type { Authenticator } from './auth.js';
import type { AssessorService } from './service.js';

export interface AssessorContext {
  service: AssessorService;
  auth: Authenticator;
  logger: Logger;
  now: () => Date;
  /** Base of xAPI ids; undefined = the request's origin. */
  xapiBase?: string;
  /** How long a page sign-in lasts. */
  sessionTtlMs: number;
}
