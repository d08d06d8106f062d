// Signing in and out of the staff console, and who is signed in.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { withErrors } from '../schemas';
import { staffOf } from '../staff/access';
import { ChangePasswordBody, LoginBody, PasswordChanged, SignedIn, SignedOut, StaffMe } from '../staff/schemas';
import { SESSION_LIFETIME_MS, sessionCookie } from '../staff/session';
import { changeOwnPassword, signIn, signOut } from '../use-cases/staff-login';

const tags = ['staff'];

/** POST and DELETE /api/staff/session, GET /api/staff/me. */
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
          description: 'Sets the HttpOnly session cookie (8 hours). After five wrong passwords in a row the account is throttled (30 s, doubling up to 15 minutes); a throttled account is answered exactly like a wrong password (401).',
          body: LoginBody,
          response: withErrors({ 200: SignedIn }),
        },
      },
      async (req, reply) => {
        const { signedIn, token } = await signIn(deps, req.body.username, req.body.password);
        reply.header('Set-Cookie', sessionCookie(token, SESSION_LIFETIME_MS / 1000, secure));
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
