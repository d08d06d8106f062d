// Signing in and out of the console, through the staff API's use case: the same lockout,
// the same session table; the cookie is scoped to /console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../app-error';
import type { ServerDeps } from '../../deps';
import { signIn, signOut } from '../../use-cases/staff-login';
import { consoleStaffOf } from './console-gate';
import { fieldsOf, flashOf, sendHtml } from './console-http';
import { consoleCookie } from './console-session';
import { loginPage } from './login-page';

/** GET and POST /console/login, POST /console/logout. */
export const consoleSignInRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const secure = deps.publicUrl?.startsWith('https:') ?? false;

    app.get('/console/login', { schema: { hide: true } }, async (req, reply) => sendHtml(reply, 200, loginPage({ flash: flashOf(req) })));

    app.post('/console/login', { schema: { hide: true } }, async (req, reply) => {
      const fields = fieldsOf(req.body);
      const username = (fields.username ?? '').trim().slice(0, 64);
      const password = fields.password ?? '';
      if (!username || !password || password.length > 200) {
        return sendHtml(reply, 422, loginPage({ username, error: 'Enter your username and password.' }));
      }
      try {
        const { token } = await signIn(deps, username, password);
        reply.header('Set-Cookie', consoleCookie(token, secure));
        return reply.redirect('/console', 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return sendHtml(reply, err.status, loginPage({ username, error: err.message }));
      }
    });

    app.post('/console/logout', { schema: { hide: true } }, async (req, reply) => {
      await signOut(deps, consoleStaffOf(req).sessionId);
      reply.header('Set-Cookie', consoleCookie('', secure, 0));
      return reply.redirect('/console/login?done=signed-out', 303);
    });
  };
