// The staff console under /console: server-rendered pages over the staff use cases, behind
// the console's gate (session, role table, CSRF field). Every answer is HTML, errors included.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../app-error';
import type { ServerDeps } from '../../deps';
import { parseForm } from '../form-input';
import { consoleActionRoutes } from './console-action-routes';
import { consoleAdminRoutes } from './console-admin-routes';
import { consoleCsrfCheck, consoleGate } from './console-gate';
import { SECURITY_HEADERS, sendHtml } from './console-http';
import { consolePageRoutes } from './console-page-routes';
import { consoleWorkRoutes } from './console-work-routes';
import { consoleSignInRoutes } from './console-sign-in-routes';
import { setPasswordRoutes } from './set-password-routes';
import { errorPage } from './error-page';
import { consoleLanguageOf, refusalText, rememberLanguage } from './console-language';
import { consoleText } from './console-text';
import { sessionOf } from '../../staff/session';

// Forms are short: the longest is a decision with its reasons (2,000 characters), percent-encoded.
const FORM_BODY_LIMIT_BYTES = 32 * 1024;

/** Every console route, behind the console gate. */
export const consoleRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES }, (_req, body, done) =>
      done(null, parseForm(body as string)),
    );
    app.addHook('onSend', async (_req, reply) => void reply.headers(SECURITY_HEADERS));
    app.addHook('onRequest', consoleGate(deps.db, deps.clock));
    // Before validation, so that a forged form is refused as such (403) whatever else is wrong with it.
    app.addHook('preValidation', consoleCsrfCheck(deps.identityPepper));

    app.addHook('onSend', rememberLanguage(deps.publicUrl?.startsWith('https:') ?? false));

    // Every refusal is a page in the staff member's language (the remembered one before sign-in).
    app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
      const lang = consoleLanguageOf(req);
      const e = consoleText(lang).messages.errors;
      if (error instanceof AppError) return sendHtml(reply, error.status, errorPage(lang, error.status, refusalText(lang, error)));
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        req.log.error({ err: { name: error.name, message: error.message } }, 'console error');
        return sendHtml(reply, 500, errorPage(lang, 500, e.internal));
      }
      const message = status === 413 ? e.tooLarge : status === 404 ? e.pageNotFound : e.unreadable;
      return sendHtml(reply, status, errorPage(lang, status, message));
    });
    // Scoped to /console: elsewhere the API's JSON 404 stays. An unknown address passes no gate,
    // so the session is read here for its language.
    const notFoundPage = async (req: FastifyRequest, reply: FastifyReply) => {
      const lang = consoleLanguageOf(req, (await sessionOf(deps.db, req, deps.clock()))?.language);
      return sendHtml(reply, 404, errorPage(lang, 404, consoleText(lang).messages.errors.pageNotFound));
    };
    await app.register(async (scoped) => void scoped.setNotFoundHandler(notFoundPage), { prefix: '/console' });

    await app.register(consoleSignInRoutes(deps));
    await app.register(setPasswordRoutes(deps));
    await app.register(consolePageRoutes(deps));
    await app.register(consoleActionRoutes(deps));
    await app.register(consoleWorkRoutes(deps));
    await app.register(consoleAdminRoutes(deps));
  };
