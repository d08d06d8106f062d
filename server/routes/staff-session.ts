// Signing in and out of the staff console, and who is signed in.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { withErrors } from '../schemas';
import { staffOf } from '../staff/access';
import { LoginBody, SignedIn, SignedOut, StaffMe } from '../staff/schemas';
import { SESSION_LIFETIME_MS, sessionCookie } from '../staff/session';
import { signIn, signOut } from '../use-cases/staff-login';

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
          description: 'Sets the HttpOnly session cookie (8 hours). Five wrong passwords lock the account for 15 minutes (423).',
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

    app.get('/api/staff/me', { schema: { tags, summary: 'Who is signed in', response: withErrors({ 200: StaffMe }) } }, async (req) => {
      const { staffId, role, displayName } = staffOf(req);
      return { staffId, role, displayName };
    });
  };
