/**
 * Bot Framework authentication for `/api/messages` (contract §1). With no MicrosoftAppId,
 * requests are let in unauthenticated (local use, the Emulator, tests); with one, only
 * requests carrying a valid Bot Framework token. See docs/teams.md and README.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { MicrosoftAppSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { GuardedBotFrameworkAuthentication } from './guardedAuthentication.js';
import { botFrameworkAuthOptions } from './settings.js';

export { BotAuthError, classifyAuthFailure, redactTokens, type AuthFailureReason } from './errors.js';
export { GuardedBotFrameworkAuthentication } from './guardedAuthentication.js';
export { messagesEndpoint, type MessagesEndpointOptions } from './messagesEndpoint.js';
export { botFrameworkAuthOptions, openIdMetadataUrlSchema } from './settings.js';

/** botbuilder's configuration-driven authentication, guarded (see {@link GuardedBotFrameworkAuthentication}). */
export function createBotFrameworkAuthentication(settings: MicrosoftAppSettings, logger: Logger): BotFrameworkAuthentication {
  return new GuardedBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(botFrameworkAuthOptions(settings)), logger);
}
