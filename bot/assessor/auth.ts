/**
 * Who is asking: a bearer token (`Authorization: Bearer <token>`, the API's way) or the
 * signed session cookie of the pages. Wrong tokens are counted per client address, and an
 * address that keeps guessing is turned away for a minute.
 */
import type { Request } from 'restify';
import { SESSION_COOKIE, readCookie, verifySession, type Session } from './session.js';
import type { AssessorIdentity, TokenRegistry } from './tokens.js';

/** The outcome of {@link Authenticator.authenticate}. */
export type AuthResult =
  | { ok: true; assessor: AssessorIdentity; via: 'bearer' } 
  | { ok: true; assessor: AssessorIdentity; via: 'session'; session: Session }
  | { ok: false; reason: 'missing' | 'invalid' | 'throttled' };

/** Counts failed attempts per client address in fixed one-minute windows. */
export class FailureLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Has this address failed too often in the current window? */
  blocked(key: string, now: number): boolean {
    const w = this.#windows.get(key);
    return w !== undefined && now - w.start < this.windowMs && w.count >= this.maxFailures;
  }

  /** Records a failure. */
  fail(key: string, now: number): void {
    const w = this.#windows.get(key);
    if (w && now - w.start < this.windowMs) {
      w.count += 1;
      return;
    }
    if (this.#windows.size >= 10_000) {
      for (const [k, old] of this.#windows) if (now - old.start >= this.windowMs) this.#windows.delete(k);
    }
    this.#windows.set(key, { start: now, count: 1 });
  }
}

const BEARER = /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i;

/** Checks requests against the configured tokens. */
export class Authenticator {
  constructor(
    readonly registry: TokenRegistry,
    private readonly now: () => number,
    private readonly limiter: FailureLimiter = new FailureLimiter(30, 60_000),
  ) {}

  /** The client address used for throttling (the socket's, never a forwarded header). */
  static clientKey(req: Request): string {
    return req.socket?.remoteAddress ?? 'unknown';
  }

  /** Is this client address turned away for now? */
  throttled(req: Request): boolean {
    return this.limiter.blocked(Authenticator.clientKey(req), this.now());
  }

  /** Records a failed sign-in or token. */
  recordFailure(req: Request): void {
    this.limiter.fail(Authenticator.clientKey(req), this.now());
  }

  /** Bearer header first; otherwise the session cookie. */
  authenticate(req: Request): AuthResult {
    const now = this.now();
    if (this.throttled(req)) return { ok: false, reason: 'throttled' };
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = BEARER.exec(header);
      const credential = m ? this.registry.match(m[1]) : undefined;
      if (!credential) {
        this.recordFailure(req);
        return { ok: false, reason: 'invalid' };
      }
      return { ok: true, via: 'bearer', assessor: { name: credential.name, tokenId: credential.id } };
    }
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (cookie) {
      const session = verifySession(cookie, this.registry, now);
      // An expired or revoked session is not a guess: it is not counted as a failure.
      if (session) return { ok: true, via: 'session', session, assessor: { name: session.credential.name, tokenId: session.credential.id } };
    }
    return { ok: false, reason: 'missing' };
  }
}
