// The controller's account system as an OpenID provider, read from the profile's
// `accountSignIn`. openid-client (panva's certified client, the one the OpenID Foundation lists
// for Node) does discovery, PKCE, and the ID token's signature, issuer, audience, nonce and
// expiry checks: nothing of that is written by hand here.
import * as oidc from 'openid-client';
import type { AccountSignIn } from '../../config/controller-profile';
import { AppError } from '../app-error';

const discovered = new Map<string, Promise<oidc.Configuration>>();

/** An http issuer is accepted on loopback only (a provider run beside the engine, or a test's). */
function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** The provider's configuration, discovered once per issuer (a failed discovery is tried again next time). */
export function providerConfig(settings: AccountSignIn, env: NodeJS.ProcessEnv = process.env): Promise<oidc.Configuration> {
  const secret = env[settings.clientSecretEnv];
  if (!secret) throw new AppError(503, 'SIGN_IN_UNAVAILABLE', 'Signing in to verify is not available right now; use the code we e-mailed you.');
  const key = `${settings.issuer}\n${settings.clientId}\n${secret}`;
  let config = discovered.get(key);
  if (!config) {
    const issuer = new URL(settings.issuer);
    config = oidc.discovery(issuer, settings.clientId, secret, undefined, isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined);
    discovered.set(key, config);
    config.catch(() => discovered.delete(key));
  }
  return config.catch(() => {
    throw new AppError(503, 'SIGN_IN_UNAVAILABLE', 'Signing in to verify is not available right now; use the code we e-mailed you.');
  });
}
