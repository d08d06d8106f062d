// Signing in and out of the console, through the staff API's use case: the same lockout,
// the same session table; the cookie is scoped to /console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app-error';
import type { ServerDeps } from '../../deps';
import { cookieValue, PENDING_SESSION_MS, SESSION_COOKIE } from '../../staff/session';
import { completeSecondFactor, signIn, signOut } from '../../use-cases/staff-login';
import { consoleStaffOf } from './console-gate';
import { fieldsOf, flashOf, sendHtml } from './console-http';
import { consoleCookie, CSRF_FIELD } from './console-session';
import { clearLoginCsrf, loginCsrfMatches, newLoginCsrf } from './login-csrf';
import { loginPage, totpPage } from './login-page';
import { consoleLanguageOf, refusalText } from './console-language';
import { consoleText } from './console-text';
import { consoleDocs } from './console-form-doc';

/** GET and POST /console/login, POST /console/login/totp (the code step), POST /console/logout. */
export const consoleSignInRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const secure = deps.publicUrl?.startsWith('https:') ?? false;

    /** The sign-in form with a fresh pre-session CSRF token, its cookie set beside it. */
    const sendLogin = (req: FastifyRequest, reply: FastifyReply, status: number, opts: { username?: string; error?: string; flash?: string }) => {
      const csrf = newLoginCsrf(secure);
      reply.header('Set-Cookie', csrf.cookie);
      return sendHtml(reply, status, loginPage({ ...opts, csrf: csrf.token, lang: consoleLanguageOf(req) }));
    };
    /** The code form, with a fresh login CSRF token and the pending session's cookie when there is a new one. */
    const sendTotp = (req: FastifyRequest, reply: FastifyReply, status: number, opts: { pendingToken?: string; setup?: { secret: string; otpauthUri: string }; error?: string }) => {
      const csrf = newLoginCsrf(secure);
      reply.header('Set-Cookie', [csrf.cookie, ...(opts.pendingToken ? [consoleCookie(opts.pendingToken, secure, PENDING_SESSION_MS / 1000)] : [])]);
      return sendHtml(reply, status, totpPage({ csrf: csrf.token, setup: opts.setup, error: opts.error, lang: consoleLanguageOf(req) }));
    };

    app.get('/console/login', { schema: { hide: true }, config: consoleDocs.login }, async (req, reply) => sendLogin(req, reply, 200, { flash: flashOf(req) }));

    app.post('/console/login', { schema: { hide: true }, config: consoleDocs.signIn }, async (req, reply) => {
      const fields = fieldsOf(req.body);
      const w = consoleText(consoleLanguageOf(req)).messages.signIn;
      const username = (fields.username ?? '').trim().slice(0, 64);
      // Checked before the password, so a cross-site post learns nothing and costs no attempt.
      if (!loginCsrfMatches(req.headers.cookie, fields[CSRF_FIELD])) {
        return sendLogin(req, reply, 403, { username, error: w.expired });
      }
      const password = fields.password ?? '';
      if (!username || !password || password.length > 200) {
        return sendLogin(req, reply, 422, { username, error: w.missing });
      }
      try {
        const outcome = await signIn(deps, username, password);
        if (outcome.kind === 'code-due') return sendTotp(req, reply, 200, { pendingToken: outcome.token, setup: outcome.due.setup });
        reply.header('Set-Cookie', [consoleCookie(outcome.token, secure), clearLoginCsrf(secure)]);
        return reply.redirect('/console', 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return sendLogin(req, reply, err.status, { username, error: refusalText(consoleLanguageOf(req), err) });
      }
    });

    app.post('/console/login/totp', { schema: { hide: true }, config: consoleDocs.signInCode }, async (req, reply) => {
      const fields = fieldsOf(req.body);
      // The same double-submit token as the password form: a cross-site post cannot give a code either.
      if (!loginCsrfMatches(req.headers.cookie, fields[CSRF_FIELD])) {
        return sendLogin(req, reply, 403, { error: consoleText(consoleLanguageOf(req)).messages.signIn.expired });
      }
      try {
        const { token } = await completeSecondFactor(deps, cookieValue(req.headers.cookie, SESSION_COOKIE), (fields.code ?? '').slice(0, 12));
        reply.header('Set-Cookie', [consoleCookie(token, secure), clearLoginCsrf(secure)]);
        return reply.redirect('/console', 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return sendTotp(req, reply, err.status, { error: refusalText(consoleLanguageOf(req), err) });
      }
    });

    app.post('/console/logout', { schema: { hide: true }, config: consoleDocs.signOut }, async (req, reply) => {
      await signOut(deps, consoleStaffOf(req).sessionId);
      reply.header('Set-Cookie', consoleCookie('', secure, 0));
      return reply.redirect('/console/login?done=signed-out', 303);
    });
  };
