/**
 * Sorting botbuilder's authentication failures (the end-to-end cases are in
 * botFrameworkAuth.test.ts; these pin the shapes that are hard to provoke over HTTP).
 */
import { describe, it, expect } from '@jest/globals';
import { AuthenticationError } from 'botframework-connector';
import { BotAuthError, classifyAuthFailure, redactTokens } from '../../bot/auth/index.js';

const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });

describe('classifyAuthFailure', () => {
  it('answers 401 for tokens botbuilder or jsonwebtoken refused', () => {
    for (const err of [
      new AuthenticationError('Unauthorized. Invalid AppId passed on token: x', 401),
      named('JsonWebTokenError', 'invalid signature'),
      named('TokenExpiredError', 'jwt expired'),
      named('NotBeforeError', 'jwt not active'),
    ]) {
      const failure = classifyAuthFailure(err, true);
      expect(failure).toBeInstanceOf(BotAuthError);
      expect([failure.status, failure.reason]).toEqual([401, 'invalid-token']);
      expect(failure.cause).toBe(err);
    }
    expect(classifyAuthFailure(new AuthenticationError('Unauthorized Access. Request is not authorized', 401), false).reason).toBe('missing-token');
  });

  it('answers 503 when the keys could not be loaded, whatever shape the failure has', () => {
    for (const err of [
      new AuthenticationError('Failed to load openID config: 500', 500),
      named('FetchError', 'request to http://127.0.0.1:9/openid failed, reason: connect ECONNREFUSED 127.0.0.1:9'),
      new TypeError('Only absolute URLs are supported'),
      'a string thrown',
    ]) {
      const failure = classifyAuthFailure(err, true);
      expect([failure.status, failure.reason]).toEqual([503, 'metadata-unavailable']);
    }
  });

  it('keeps the public message free of the cause, and the detail free of tokens', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwcyJ9.c2lnbmF0dXJlLWJ5dGVz';
    const failure = classifyAuthFailure(named('JsonWebTokenError', `bad token Bearer ${jwt} here`), true);
    expect(failure.message).not.toMatch(/bad token|JsonWebTokenError/);
    expect(failure.detail).toBe('JsonWebTokenError: bad token [token] here');
  });
});

describe('redactTokens', () => {
  it('removes JWTs (signed or not) and bounds the length', () => {
    expect(redactTokens('a eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. b')).toBe('a [token] b');
    expect(redactTokens('x'.repeat(500), 50)).toHaveLength(50);
    expect(redactTokens('request to http://127.0.0.1:9/v1/.well-known/openidconfiguration failed')).toContain('openidconfiguration');
  });
});
