/**
 * Assessor credentials from `ASSESSOR_TOKENS`: a comma-separated list whose entries are either
 * `token` or `name:token`. The name is who moderation is recorded as (`by`); an unnamed token
 * is recorded as `token <first 8 hex digits of its SHA-256>`, which identifies it without
 * revealing it. Presented tokens are compared in constant time against every configured one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AssessorTokenError } from './errors.js';

/** One configured assessor. */
export interface AssessorCredential {
  /** Display name, recorded as `by` on moderation. */
  readonly name: string;
  /** Public id of the token: 16 hex digits of its SHA-256 (sessions refer to it). */
  readonly id: string;
  /** The secret itself (kept to sign sessions). */
  readonly token: string;
  /** SHA-256 of the token, for the constant-time comparison. */
  readonly digest: Buffer;
}

/** Who made a request: the assessor's name and token id. */
export interface AssessorIdentity {
  name: string;
  tokenId: string;
}

/** Tokens shorter than this are accepted but logged as weak. */
export const MIN_STRONG_TOKEN_LENGTH = 24;
const NAME = /^[^\p{Cc}:,]{1,80}$/u;
const TOKEN = /^[\x21-\x7e]+$/;

const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * Parses the entries of `ASSESSOR_TOKENS` (already split on commas and trimmed, as
 * `loadConfig` gives them in `assessorTokens`).
 * @throws AssessorTokenError for an empty name or token, a token with spaces or non-ASCII
 *   characters, or the same token twice
 */
export function parseAssessorTokens(entries: readonly string[]): AssessorCredential[] {
  const seen = new Set<string>();
  return entries.map((raw, i) => {
    const entry = raw.trim();
    const colon = entry.indexOf(':');
    const token = colon === -1 ? entry : entry.slice(colon + 1).trim();
    const named = colon === -1 ? undefined : entry.slice(0, colon).trim();
    if (!TOKEN.test(token)) {
      throw new AssessorTokenError('the token is empty or has spaces or characters outside printable ASCII', i + 1);
    }
    if (named !== undefined && !NAME.test(named)) {
      throw new AssessorTokenError('the name before ":" must be 1–80 characters with no control characters', i + 1);
    }
    const digest = sha256(token);
    const id = digest.toString('hex').slice(0, 16);
    if (seen.has(id)) throw new AssessorTokenError('the same token appears twice', i + 1);
    seen.add(id);
    return { name: named ?? `token ${id.slice(0, 8)}`, id, token, digest };
  });
}

/** The configured assessors; `match` finds one by a presented token in constant time. */
export class TokenRegistry {
  readonly #credentials: readonly AssessorCredential[];

  constructor(credentials: readonly AssessorCredential[]) {
    this.#credentials = credentials;
  }

  /** False when no tokens are configured: the assessor API and pages are off. */
  get enabled(): boolean {
    return this.#credentials.length > 0;
  }

  /** Names of configured tokens that are shorter than {@link MIN_STRONG_TOKEN_LENGTH}. */
  weak(): string[] {
    return this.#credentials.filter((c) => c.token.length < MIN_STRONG_TOKEN_LENGTH).map((c) => c.name);
  }

  /**
   * The assessor whose token equals `presented`, or undefined. Hashing first makes every
   * comparison the same length; every configured token is compared, so the time taken does
   * not depend on which one (if any) matched.
   */
  match(presented: string): AssessorCredential | undefined {
    const digest = sha256(presented);
    let found: AssessorCredential | undefined;
    for (const c of this.#credentials) {
      if (timingSafeEqual(digest, c.digest) && !found) found = c;
    }
    return found;
  }

  /** The credential with that public id (sessions), or undefined. */
  byId(id: string): AssessorCredential | undefined {
    return this.#credentials.find((c) => c.id === id);
  }
}
