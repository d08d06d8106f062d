// The staff console under /console: server-rendered pages over the staff use cases, behind
// the console's gate (session, role table, CSRF field). Every answer is HTML, errors included.
import type { FastifyError } from 'fastify';
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

// Forms are short: the longest is a decision with its reasons (2,000 characters), percent-encoded.
const FORM_BODY_LIMIT_BYTES = 32 * 1024;
const INTERNAL = 'Something went wrong on our side. Nothing was changed; please try again.';

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

    app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
      if (error instanceof AppError) return sendHtml(reply, error.status, errorPage(error.status, error.message));
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        req.log.error({ err: { name: error.name, message: error.message } }, 'console error');
        return sendHtml(reply, 500, errorPage(500, INTERNAL));
      }
      const message = status === 413 ? 'The form was too large to accept.' : status === 404 ? 'This page does not exist.' : 'The address or the form could not be read.';
      return sendHtml(reply, status, errorPage(status, message));
    });
    // Scoped to /console: elsewhere the API's JSON 404 stays.
    await app.register(async (scoped) => void scoped.setNotFoundHandler((_req, reply) => sendHtml(reply, 404, errorPage(404, 'This page does not exist.'))), {
      prefix: '/console',
    });

    await app.register(consoleSignInRoutes(deps));
    await app.register(setPasswordRoutes(deps));
    await app.register(consolePageRoutes(deps));
    await app.register(consoleActionRoutes(deps));
    await app.register(consoleWorkRoutes(deps));
    await app.register(consoleAdminRoutes(deps));
  };
