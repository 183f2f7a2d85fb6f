/**
 * botbuilder's Bot Framework authentication with its failures made safe: every failure to
 * authenticate a request becomes a {@link BotAuthError} (401 for a refused or missing token,
 * 503 when the signing keys cannot be loaded), is logged once without the token, and carries
 * nothing internal into the HTTP answer. The connector and user token clients it hands out
 * are reused across turns (see clientCache.ts).
 */
import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Logger } from '../logger.js';
import { BotClientCaches } from './clientCache.js';
import { classifyAuthFailure, type BotAuthError } from './errors.js';

/** Delegates to `inner`; turns authentication failures into {@link BotAuthError}s. */
export class GuardedBotFrameworkAuthentication extends BotFrameworkAuthentication {
  readonly #clients = new BotClientCaches();

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super();
  }

  /** @throws BotAuthError when the request is not let in */
  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await this.inner.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw this.refuse(err, authHeader, { channelId: activity?.channelId, activityType: activity?.type });
    }
    return this.withCachedClients(result);
  }

  /** @throws BotAuthError when the request is not let in */
  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (err) {
      throw this.refuse(err, authHeader, { channelId: channelIdHeader });
    }
    return this.withCachedClients(result);
  }

  /** @throws BotAuthError when the request is not let in */
  async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    try {
      return await this.inner.authenticateChannelRequest(authHeader);
    } catch (err) {
      throw this.refuse(err, authHeader, {});
    }
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.#clients.connectorFactory(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.#clients.userTokenClient(claimsIdentity, () => this.inner.createUserTokenClient(claimsIdentity));
  }

  createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  private withCachedClients(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.#clients.connectorFactory(factory, result.claimsIdentity) } : result;
  }

  private refuse(err: unknown, authHeader: string | undefined, context: Record<string, unknown>): BotAuthError {
    const failure = classifyAuthFailure(err, Boolean(authHeader?.trim()));
    const entry = { ...context, reason: failure.reason, status: failure.status, detail: failure.detail };
    if (failure.status === 503) this.logger.error(entry, 'Bot Framework authentication unavailable: could not load the signing keys');
    else this.logger.warn(entry, 'Bot Framework request refused');
    return failure;
  }
}
