// Signing in and out of the staff console, and who is signed in.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { withErrors } from '../schemas';
import { staffOf } from '../staff/access';
import { AppError } from '../app-error';
import { ChangePasswordBody, LoginBody, PasswordChanged, SecondFactorDue, SignedIn, SignedOut, StaffMe, TotpBody } from '../staff/schemas';
import { cookieValue, CSRF_HEADER, pendingSessionOf, PENDING_SESSION_MS, SESSION_COOKIE, SESSION_LIFETIME_MS, sessionCookie, tokenMatchesHash } from '../staff/session';
import { changeOwnPassword, completeSecondFactor, signIn, signOut } from '../use-cases/staff-login';

const tags = ['staff'];

/** POST and DELETE /api/staff/session, POST /api/staff/session/totp, GET /api/staff/me. */
export const staffSessionRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const secure = deps.publicUrl?.startsWith('https:') ?? false;

    app.post(
      '/api/staff/session',
      {
        schema: {
          tags,
          summary: 'Sign in to the staff console',
          description:
            'Sets the HttpOnly session cookie (8 hours). After five wrong passwords in a row the account is throttled (30 s, doubling up to 15 minutes); a throttled account is answered exactly like a wrong password (401). ' +
            'Compliance and admin staff get 202 instead: a pending session whose TOTP code is due at POST /api/staff/session/totp (at the first sign-in, with the secret to set up).',
          body: LoginBody,
          response: withErrors({ 200: SignedIn, 202: SecondFactorDue }),
        },
      },
      async (req, reply) => {
        const outcome = await signIn(deps, req.body.username, req.body.password);
        if (outcome.kind === 'code-due') {
          reply.header('Set-Cookie', sessionCookie(outcome.token, PENDING_SESSION_MS / 1000, secure));
          return reply.status(202).send(outcome.due);
        }
        reply.header('Set-Cookie', sessionCookie(outcome.token, SESSION_LIFETIME_MS / 1000, secure));
        return outcome.signedIn;
      },
    );

    app.post(
      '/api/staff/session/totp',
      {
        schema: {
          tags,
          summary: 'Give the TOTP code after the password',
          description:
            'Needs the pending session cookie and its X-CSRF-Token from POST /api/staff/session. A wrong, reused or late code is 401 and counts like a wrong password. The right one replaces the pending session by a signed-in one (new cookie, new CSRF token).',
          body: TotpBody,
          response: withErrors({ 200: SignedIn }),
        },
      },
      async (req, reply) => {
        const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
        // Login CSRF: the pending session's token must come with the cookie, so a hostile page cannot
        // post a code of its own into the victim's browser session.
        const pending = await pendingSessionOf(deps.db, token, deps.clock());
        if (pending && !tokenMatchesHash(req.headers[CSRF_HEADER], pending.csrfTokenHash)) {
          throw new AppError(403, 'CSRF_INVALID', 'Send the X-CSRF-Token header given with the password step.');
        }
        const { signedIn, token: fresh } = await completeSecondFactor(deps, token, req.body.code);
        reply.header('Set-Cookie', sessionCookie(fresh, SESSION_LIFETIME_MS / 1000, secure));
        return signedIn;
      },
    );

    app.delete(
      '/api/staff/session',
      { schema: { tags, summary: 'Sign out', description: 'Needs the X-CSRF-Token header.', response: withErrors({ 204: SignedOut }) } },
      async (req, reply) => {
        await signOut(deps, staffOf(req).sessionId);
        reply.header('Set-Cookie', sessionCookie('', 0, secure));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/staff/password',
      {
        schema: {
          tags,
          summary: 'Change your own password',
          description: 'Needs the current password and the X-CSRF-Token header; the other sessions of the account end.',
          body: ChangePasswordBody,
          response: withErrors({ 204: PasswordChanged }),
        },
      },
      async (req, reply) => {
        const { staffId, sessionId } = staffOf(req);
        await changeOwnPassword(deps, staffId, sessionId, req.body.currentPassword, req.body.newPassword);
        return reply.status(204).send(null);
      },
    );

    app.get('/api/staff/me', { schema: { tags, summary: 'Who is signed in', response: withErrors({ 200: StaffMe }) } }, async (req) => {
      const { staffId, role, displayName } = staffOf(req);
      return { staffId, role, displayName };
    });
  };
