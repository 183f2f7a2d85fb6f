/**
 * From our Microsoft app settings to the options `ConfigurationBotFrameworkAuthentication`
 * reads. Production leaves the OpenID metadata URLs unset and gets botbuilder's public-cloud
 * defaults; tests (and a private mirror) point them elsewhere.
 */
import { CallerIdConstants, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { MicrosoftAppSettings } from '../config.js';
import { urlSetting } from '../urlSetting.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An OpenID metadata document URL: `https://`, or `http://` on this machine only (a test's
 * own key server). Tokens are only as trustworthy as the keys this URL hands out.
 */
export const openIdMetadataUrlSchema = urlSetting(
  (url) => url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)),
  'must be an https:// URL (http:// only for localhost)',
);

/**
 * The options for `ConfigurationBotFrameworkAuthentication`.
 *
 * botbuilder treats *any* of its "parameterized" keys (the two metadata URLs among them) as
 * meaning every one of them was given: setting only `ToBotFromChannelOpenIdMetadataUrl`
 * would leave the token issuer, login URL, OAuth scope and caller id undefined, and every
 * token would then fail the issuer check. So when either URL is overridden, the rest of the
 * public-cloud set is filled in here, exactly as botbuilder's own defaults.
 */
export function botFrameworkAuthOptions(settings: MicrosoftAppSettings): ConfigurationBotFrameworkAuthenticationOptions {
  const { ToBotFromChannelOpenIdMetadataUrl: channel, ToBotFromEmulatorOpenIdMetadataUrl: emulator, ...credentials } = settings;
  if (!channel && !emulator) return { ...credentials };
  return {
    ...credentials,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: channel ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: emulator ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
