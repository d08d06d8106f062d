// Signing in and out of the console, through the staff API's use case: the same lockout,
// the same session table; the cookie is scoped to /console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../app-error';
import type { ServerDeps } from '../../deps';
import { signIn, signOut } from '../../use-cases/staff-login';
import { consoleStaffOf } from './console-gate';
import { fieldsOf, flashOf, sendHtml } from './console-http';
import { consoleCookie, CSRF_FIELD } from './console-session';
import { clearLoginCsrf, loginCsrfMatches, newLoginCsrf } from './login-csrf';
import { loginPage } from './login-page';

/** GET and POST /console/login, POST /console/logout. */
export const consoleSignInRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const secure = deps.publicUrl?.startsWith('https:') ?? false;

    /** The sign-in form with a fresh pre-session CSRF token, its cookie set beside it. */
    const sendLogin = (reply: FastifyReply, status: number, opts: { username?: string; error?: string; flash?: string }) => {
      const csrf = newLoginCsrf(secure);
      reply.header('Set-Cookie', csrf.cookie);
      return sendHtml(reply, status, loginPage({ ...opts, csrf: csrf.token }));
    };

    app.get('/console/login', { schema: { hide: true } }, async (req, reply) => sendLogin(reply, 200, { flash: flashOf(req) }));

    app.post('/console/login', { schema: { hide: true } }, async (req, reply) => {
      const fields = fieldsOf(req.body);
      const username = (fields.username ?? '').trim().slice(0, 64);
      // Checked before the password, so a cross-site post learns nothing and costs no attempt.
      if (!loginCsrfMatches(req.headers.cookie, fields[CSRF_FIELD])) {
        return sendLogin(reply, 403, { username, error: 'The sign-in form has expired or did not come from this site: sign in again.' });
      }
      const password = fields.password ?? '';
      if (!username || !password || password.length > 200) {
        return sendLogin(reply, 422, { username, error: 'Enter your username and password.' });
      }
      try {
        const { token } = await signIn(deps, username, password);
        reply.header('Set-Cookie', [consoleCookie(token, secure), clearLoginCsrf(secure)]);
        return reply.redirect('/console', 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return sendLogin(reply, err.status, { username, error: err.message });
      }
    });

    app.post('/console/logout', { schema: { hide: true } }, async (req, reply) => {
      await signOut(deps, consoleStaffOf(req).sessionId);
      reply.header('Set-Cookie', consoleCookie('', secure, 0));
      return reply.redirect('/console/login?done=signed-out', 303);
    });
  };
