/**
 * botbuilder's Bot Framework authentication with its failures made safe: every failure to
 * authenticate a request becomes a {@link BotAuthError} (401 for a refused or missing token,
 * 503 when the signing keys cannot be loaded), is logged once without the token, and carries
 * nothing internal into the HTTP answer.
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
import { classifyAuthFailure, type BotAuthError } from './errors.js';

/** Delegates to `inner`; turns authentication failures into {@link BotAuthError}s. */
export class GuardedBotFrameworkAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super();
  }

  /** @throws BotAuthError when the request is not let in */
  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw this.refuse(err, authHeader, { channelId: activity?.channelId, activityType: activity?.type });
    }
  }

  /** @throws BotAuthError when the request is not let in */
  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (err) {
      throw this.refuse(err, authHeader, { channelId: channelIdHeader });
    }
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
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  private refuse(err: unknown, authHeader: string | undefined, context: Record<string, unknown>): BotAuthError {
    const failure = classifyAuthFailure(err, Boolean(authHeader?.trim()));
    const entry = { ...context, reason: failure.reason, status: failure.status, detail: failure.detail };
    if (failure.status === 503) this.logger.error(entry, 'Bot Framework authentication unavailable: could not load the signing keys');
    else this.logger.warn(entry, 'Bot Framework request refused');
    return failure;
  }
}
