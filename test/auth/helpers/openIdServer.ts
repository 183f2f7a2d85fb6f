/**
 * A stand-in for login.botframework.com on loopback: an OpenID metadata document and its
 * JWKS signing keys, served over node `http`, with RSA keys made by node `crypto` and
 * RS256 JWTs signed here, as the Bot Connector service signs the tokens it sends a bot.
 */
import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/** The issuer of tokens from Bot Framework channels (botbuilder's `ToBotFromChannelTokenIssuer`). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

/** An RSA signing key, with the channels it is endorsed for (as in the real JWKS). */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as a JWK, with `kid`, `use` and `endorsements`. */
  jwk: Record<string, unknown>;
}

/** Makes a 2048-bit RSA key; `endorsements` lists the channel ids it may sign for. */
export function makeSigningKey(kid: string, endorsements: string[] = ['msteams', 'emulator', 'webchat', 'directline']): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  return { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', kid, n, e, endorsements } };
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** Signs an RS256 JWT with `key` (the header names its `kid` unless `header` says otherwise). */
export function signJwt(payload: Record<string, unknown>, key: Pick<SigningKey, 'kid' | 'privateKey'>, header: Record<string, unknown> = {}): string {
  const head = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }));
  const body = base64url(JSON.stringify(payload));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), key.privateKey);
  return `${head}.${body}.${base64url(signature)}`;
}

/** An unsigned `alg: none` JWT (empty signature), naming `kid` so the key lookup succeeds. */
export function unsignedJwt(payload: Record<string, unknown>, kid: string): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT', kid }))}.${base64url(JSON.stringify(payload))}.`;
}

/** The claims the Bot Connector service puts in a token to a bot (seconds since the epoch). */
export function channelClaims(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
}

export interface OpenIdServer {
  /** The metadata document's URL, for `ToBotFromChannelOpenIdMetadataUrl`. */
  metadataUrl: string;
  /** Requests served, by path. */
  readonly hits: Record<string, number>;
  /** Answer every request with this status instead (e.g. 500), or undefined to serve. */
  failWith: number | undefined;
  close(): Promise<void>;
}

const METADATA_PATH = '/v1/.well-known/openidconfiguration';
const KEYS_PATH = '/v1/.well-known/keys';

/** Serves the metadata and the public halves of `keys` on 127.0.0.1, on a free port. */
export async function startOpenIdServer(keys: SigningKey[]): Promise<OpenIdServer> {
  const hits: Record<string, number> = {};
  const state: { failWith: number | undefined } = { failWith: undefined };
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    hits[path] = (hits[path] ?? 0) + 1;
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (state.failWith) return json(state.failWith, { error: 'unavailable' });
    if (path === METADATA_PATH) {
      return json(200, {
        issuer: CHANNEL_ISSUER,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${base}${KEYS_PATH}`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (path === KEYS_PATH) return json(200, { keys: keys.map((k) => k.jwk) });
    return json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}${METADATA_PATH}`,
    hits,
    get failWith() {
      return state.failWith;
    },
    set failWith(status: number | undefined) {
      state.failWith = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
