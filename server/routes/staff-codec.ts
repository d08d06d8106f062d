// Opening the Temporal Web UI's decrypted view for a signed-in compliance officer or admin:
// the Web UI can send cookies but not a fixed token, so the session cookie is copied to /codec.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../app-error';
import { codecSessionCookie } from '../codec-auth';
import type { ServerDeps } from '../deps';
import { withErrors } from '../schemas';
import { cookieValue, SESSION_COOKIE, SESSION_LIFETIME_MS } from '../staff/session';

/** POST /api/staff/codec-session. */
export const staffCodecRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const secure = deps.publicUrl?.startsWith('https:') ?? false;
    app.post(
      '/api/staff/codec-session',
      {
        schema: {
          tags: ['staff'],
          summary: 'Let this browser’s session read decrypted payloads in the Temporal Web UI (compliance, admin)',
          description: 'Sets the session cookie for /codec as well; signing out ends both. 404 where no codec is configured.',
          response: withErrors({ 204: Type.Null({ description: 'The cookie for /codec is set.' }) }),
        },
      },
      async (req, reply) => {
        if (!deps.codec) throw notFound('The codec endpoint');
        // The gate has checked this very cookie: its token is the live session's.
        const token = cookieValue(req.headers.cookie, SESSION_COOKIE)!;
        reply.header('Set-Cookie', codecSessionCookie(token, SESSION_LIFETIME_MS / 1000, secure));
        return reply.status(204).send(null);
      },
    );
  };
