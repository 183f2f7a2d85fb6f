/**
 * Reuse of Bot Framework clients across turns. botbuilder's `CloudAdapter` asks for a new
 * `ConnectorClient` (a credentials object and an HTTP pipeline) and a new `UserTokenClient`
 * on every incoming activity, even with `deliveryMode: "expectReplies"`, where neither is
 * used; building them was ~5% of a turn's CPU. The clients hold no per-conversation state, so
 * — as botbuilder's older `BotFrameworkAdapter` did — one is kept per bot app id, service URL
 * and audience (per app id for token clients) and reused; their credentials then also keep
 * their access tokens between turns.
 */
import {
  AuthenticationConstants,
  ConnectorFactory,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Most clients kept: service URLs come from the (authenticated) activity, so the set is bounded. */
export const MAX_CACHED_CLIENTS = 64;

/** The bot app id a request's clients act as (as botbuilder reads it: audience, else appid claim). */
export function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** A small map that forgets its oldest entry beyond `max` (a failed creation is not kept). */
export class ClientCache<T> {
  readonly #entries = new Map<string, Promise<T>>();

  constructor(private readonly max: number = MAX_CACHED_CLIENTS) {}

  /** The client under `key`, created by `make` when absent. */
  get(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit) return hit;
    const made = make();
    this.#entries.set(key, made);
    made.catch(() => {
      if (this.#entries.get(key) === made) this.#entries.delete(key);
    });
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as string);
    return made;
  }

  /** How many clients are kept. */
  get size(): number {
    return this.#entries.size;
  }
}

/** A connector factory that hands out the cached client for its app id, service URL and audience. */
export class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(JSON.stringify([this.appId, serviceUrl, audience ?? null]), () => this.inner.create(serviceUrl, audience));
  }
}

/** The caches one authentication object keeps. */
export class BotClientCaches {
  readonly connectors = new ClientCache<ConnectorClient>();
  readonly userTokens = new ClientCache<UserTokenClient>();

  /** `factory` with its clients cached, for requests with `claimsIdentity`. */
  connectorFactory(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new CachingConnectorFactory(factory, appIdOf(claimsIdentity), this.connectors);
  }

  /** The user token client for `claimsIdentity`'s app id, made by `make` once. */
  userTokenClient(claimsIdentity: ClaimsIdentity, make: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    return this.userTokens.get(appIdOf(claimsIdentity), make);
  }
}
