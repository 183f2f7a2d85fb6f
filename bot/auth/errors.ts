/**
 * Why a request to the Bot Framework endpoint was not let in, as one typed error. botbuilder
 * fails in several shapes (its own `AuthenticationError` with a 401 or 500 status,
 * jsonwebtoken's errors thrown straight through, node-fetch errors when the OpenID metadata
 * cannot be fetched); {@link classifyAuthFailure} sorts them into what the caller may know.
 */
import { AuthenticationError } from 'botframework-connector';

/** What went wrong, in words fit for a log line and a metric. */
export type AuthFailureReason =
  /** No `Authorization` header, or not a `Bearer` JWT. */
  | 'missing-token'
  /** A token we refuse: bad signature, wrong issuer, audience, service URL or channel, expired… */
  | 'invalid-token'
  /** We could not check the token: the OpenID metadata or signing keys could not be loaded. */
  | 'metadata-unavailable';

/** The status each reason answers with: the caller's fault (401) or ours, for now (503). */
export const AUTH_FAILURE_STATUS: Record<AuthFailureReason, 401 | 503> = {
  'missing-token': 401,
  'invalid-token': 401,
  'metadata-unavailable': 503,
};

/**
 * A request was refused. The message is the same for every request of a reason and says
 * nothing about our keys, URLs or the token; `detail` (for logs) is botbuilder's own message
 * with anything token-like removed; `cause` keeps the original error.
 */
export class BotAuthError extends Error {
  readonly status: 401 | 503;

  constructor(
    readonly reason: AuthFailureReason,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(PUBLIC_MESSAGES[reason], options);
    this.name = 'BotAuthError';
    this.status = AUTH_FAILURE_STATUS[reason];
  }
}

const PUBLIC_MESSAGES: Record<AuthFailureReason, string> = {
  'missing-token': 'A Bot Framework token is required.',
  'invalid-token': 'The Bot Framework token was not accepted.',
  'metadata-unavailable': 'Bot Framework authentication is unavailable just now; try again later.',
};

/** jsonwebtoken's verification errors (botbuilder rethrows all but TokenExpiredError as they are). */
const JWT_ERROR_NAMES = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** Anything that looks like a JWT or a bearer credential, for {@link redactTokens}. */
const TOKEN_PATTERN = /\b(Bearer\s+)?[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;

/** Removes token-like strings from a message before it is logged, and bounds its length. */
export function redactTokens(message: string, maxLength = 300): string {
  const clean = message.replace(TOKEN_PATTERN, '[token]').replace(/\s+/g, ' ').trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

/**
 * Sorts an error thrown while authenticating a request.
 * - botbuilder's `AuthenticationError` with status 401, and jsonwebtoken's errors: the token
 *   was checked and refused (or there was none).
 * - everything else — node-fetch errors (refused, DNS, timeout, bad JSON), botbuilder's
 *   "Failed to load openID config/keys" (its status 500), a malformed key set: the token
 *   could not be checked, which is our side's problem, so the channel may retry.
 */
export function classifyAuthFailure(err: unknown, hadAuthorization: boolean): BotAuthError {
  if (err instanceof BotAuthError) return err;
  const detail = redactTokens(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  const refused =
    (err instanceof AuthenticationError && err.statusCode === 401) ||
    (err instanceof Error && JWT_ERROR_NAMES.has(err.name));
  if (refused) return new BotAuthError(hadAuthorization ? 'invalid-token' : 'missing-token', detail, { cause: err });
  return new BotAuthError('metadata-unavailable', detail, { cause: err });
}
