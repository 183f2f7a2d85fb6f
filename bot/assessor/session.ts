/**
 * Signed-in sessions for the assessor pages: after an assessor gives their token on the
 * sign-in form, the browser holds an HttpOnly, SameSite=Strict cookie
 * `v1.<token id>.<expiry>.<HMAC>` signed with that assessor's own token. Nothing is kept on
 * the server, so sessions survive restarts and work across instances; removing a token from
 * `ASSESSOR_TOKENS` ends its sessions. Forms also carry a CSRF token derived from the cookie.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AssessorCredential, TokenRegistry } from './tokens.js';

/** The cookie's name. */
export const SESSION_COOKIE = 'oct_assessor';
/** Default session length: a working day. */
export const DEFAULT_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

const hmac = (key: string, text: string): string => createHmac('sha256', key).update(text, 'utf8').digest('base64url');

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A verified session. */
export interface Session {
  credential: AssessorCredential;
  /** The cookie value it came from. */
  value: string;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
}

/** A new session cookie value for the assessor, valid for `ttlMs` from `now`. */
export function issueSession(credential: AssessorCredential, now: number, ttlMs: number = DEFAULT_SESSION_TTL_MS): string {
  const expires = Math.floor((now + ttlMs) / 1000);
  const body = `v1.${credential.id}.${expires}`;
  return `${body}.${hmac(credential.token, `assessor-session|${body}`)}`;
}

/** Checks a cookie value: well formed, signed by a configured token, not expired. */
export function verifySession(value: string, registry: TokenRegistry, now: number): Session | undefined {
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1' || !/^[0-9a-f]{16}$/.test(parts[1]) || !/^\d{1,12}$/.test(parts[2])) return undefined;
  const credential = registry.byId(parts[1]);
  if (!credential) return undefined;
  const body = parts.slice(0, 3).join('.');
  if (!equal(parts[3], hmac(credential.token, `assessor-session|${body}`))) return undefined;
  const expiresAt = Number(parts[2]) * 1000;
  if (expiresAt <= now) return undefined;
  return { credential, value, expiresAt };
}

/** The CSRF token that forms of this session must send back (`_csrf`). */
export function csrfTokenFor(session: Session): string {
  return hmac(session.credential.token, `assessor-csrf|${session.value}`);
}

/** Is `presented` the CSRF token of this session? */
export function checkCsrf(session: Session, presented: unknown): boolean {
  return typeof presented === 'string' && equal(presented, csrfTokenFor(session));
}

/** A cookie's value from a `Cookie` request header. */
export function readCookie(header: string | string[] | undefined, name: string): string | undefined {
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The `Set-Cookie` header value that stores (or, with `value` empty, clears) the session. */
export function sessionCookie(value: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
