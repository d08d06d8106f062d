// The portal's "sign in to verify" routes: off to the controller's OpenID provider with an
// authorization-code request (PKCE S256, state, nonce), and back on the callback, where the
// code is exchanged, the ID token checked, and the request verified when the account is the
// subject's. Anything that goes wrong shows the status page with what happened; nothing is
// verified then.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import * as oidc from 'openid-client';
import { checkStatusToken, statusTokenKey } from '../../crypto/status-token';
import type { Language } from '../../domain/request-kinds';
import { AppError, notFound } from '../app-error';
import { serverProfile, type ServerDeps } from '../deps';
import { withLang } from '../pages/layout';
import { pickLanguage } from '../pages/i18n';
import { RequestIdParams } from '../schemas';
import { verifyBySignIn } from '../use-cases/verify-by-sign-in';
import { providerConfig } from './provider';
import { clearedSignInCookie, cookieValue, openSignInState, sealSignInState, SIGN_IN_CALLBACK_PATH, SIGN_IN_COOKIE, signInCookie } from './sign-in-state';
import { portalPage, statusLinkPage } from '../pages/form-doc';

type App = Parameters<FastifyPluginAsyncTypebox>[0];
type Link = { id: string; token: string; lang: Language };

export interface SignInRouteHelpers {
  guard: { onRequest: (req: FastifyRequest, reply: FastifyReply) => Promise<void> };
  /** Shows the request's status page with the problem `code` above its actions. */
  showProblem: (req: FastifyRequest, reply: FastifyReply, status: number, link: Link, code: string) => Promise<unknown>;
}

/** Where the provider sends the subject back: the public address when configured, else the one the request came to. */
function origin(deps: ServerDeps, req: FastifyRequest): string {
  return (deps.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}

export function installSignInRoutes(app: App, deps: ServerDeps, helpers: SignInRouteHelpers): void {
  const settingsOrNotFound = () => {
    const settings = serverProfile(deps).profile.accountSignIn;
    if (!settings) throw notFound('This page');
    return settings;
  };

  app.get('/portal/requests/:id/sign-in', { schema: { hide: true, params: RequestIdParams }, ...helpers.guard, config: statusLinkPage({ summary: 'Verify by signing in to the account system (where the profile sets one up)', answers: [303] }) }, async (req, reply) => {
    const settings = settingsOrNotFound();
    const config = await providerConfig(settings);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const query = req.query as { token?: string; lang?: string };
    const base = origin(deps, req);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${base}${SIGN_IN_CALLBACK_PATH}`,
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const sealed = sealSignInState(deps.cipher, { requestId: req.params.id, token: query.token ?? '', lang: pickLanguage(query.lang), verifier, state, nonce }, deps.clock());
    reply.header('set-cookie', signInCookie(sealed, base.startsWith('https:')));
    return reply.redirect(url.href, 303);
  });

  app.get(SIGN_IN_CALLBACK_PATH, { schema: { hide: true }, config: portalPage({ summary: 'Where the account system sends the subject back after signing in', answers: [303, 403, 404, 409] }) }, async (req, reply) => {
    const settings = settingsOrNotFound();
    // Used once: whatever happens next, the browser forgets the verifier.
    reply.header('set-cookie', clearedSignInCookie());
    const s = openSignInState(deps.cipher, cookieValue(req.headers.cookie, SIGN_IN_COOKIE), deps.clock());
    if (!s || checkStatusToken(statusTokenKey(deps.identityPepper), s.requestId, s.token, deps.clock()) !== 'VALID') {
      throw new AppError(400, 'SIGN_IN_FAILED', 'The sign-in was not started here or took too long; nothing was verified.');
    }
    const link: Link = { id: s.requestId, token: s.token, lang: s.lang };
    let claims: oidc.IDToken | undefined;
    try {
      const config = await providerConfig(settings);
      const tokens = await oidc.authorizationCodeGrant(config, new URL(req.url, origin(deps, req)), {
        pkceCodeVerifier: s.verifier,
        expectedState: s.state,
        expectedNonce: s.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      // The provider said no (the subject cancelled), or the token failed a check: the reason goes to the log, never a claim.
      req.log.warn({ err: { name: (err as Error).name, code: (err as { code?: string }).code } }, 'account sign-in failed');
    }
    if (!claims) return helpers.showProblem(req, reply, 400, link, 'SIGN_IN_FAILED');
    try {
      await verifyBySignIn(deps, s.requestId, settings.issuer, claims, settings.claim);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      return helpers.showProblem(req, reply, err.status, link, err.code);
    }
    return reply.redirect(withLang(`/portal/requests/${link.id}`, { token: link.token }, link.lang), 303);
  });
}
