// The subject portal: server-rendered pages over the same use cases as the JSON API.
// Plain forms that work without JavaScript; every answer is HTML, errors included.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notMeTokenKey, statusTokenKey } from '../../crypto/status-token';
import type { Language } from '../../domain/request-kinds';
import { AppError } from '../app-error';
import { requestTimeZone, servedPurposes, serverProfile, type ServerDeps } from '../deps';
import { installSignInRoutes } from '../oidc/sign-in-routes';
import { RequestIdParams } from '../schemas';
import { requireStatusToken } from '../status-auth';
import { requestStatus } from '../use-cases/request-status';
import { answerFee, resendCode, withdrawRequest } from '../use-cases/subject-actions';
import { submitRequest } from '../use-cases/submit-request';
import { verifyIdentity } from '../use-cases/verify-identity';
import { parseForm, readRequestForm, type FormFields } from './form-input';
import { requestFormPage } from './form-page';
import { html } from '../../markup/html';
import { messagesFor, pickLanguage } from './i18n';
import { page, withLang } from './layout';
import { notMeDonePage, notMePage } from './not-me-page';
import { packageNoticeFacts } from './package-notice';
import { statusPage, type StatusPageProblem } from './status-page';
import { withdrawConfirmPage } from './withdraw-page';
import { field, portalPage, statusLinkPage } from './form-doc';
import { requestFormFields } from './request-form-doc';

// A request form is a few hundred bytes; corrections in Chinese, percent-encoded, stay well below this.
const FORM_BODY_LIMIT_BYTES = 8 * 1024;
const CODE = /^[0-9]{6}([0-9]{2})?$/;
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'",
  'X-Frame-Options': 'DENY',
  // Status pages carry their token in the URL: keep them out of caches and Referer headers.
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

type Query = { lang?: string; token?: string };
const languageOf = (req: FastifyRequest): Language => pickLanguage((req.query as Query).lang);
/** The request a status route is about, with the token and language every link on its page keeps. */
const linkOf = (req: FastifyRequest) => ({ id: (req.params as RequestIdParams).id, token: (req.query as Query).token ?? '', lang: languageOf(req) });
/** Only string fields count: a JSON body posted here is read as an empty form. */
const fieldsOf = (body: unknown): FormFields =>
  body && typeof body === 'object' ? Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) : {};
const sendHtml = (reply: FastifyReply, status: number, markup: string) => reply.status(status).type('text/html; charset=utf-8').send(markup);

/** The portal's routes under /portal. */
export const portalRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const key = statusTokenKey(deps.identityPepper);
    const guard = { onRequest: async (req: FastifyRequest, reply: FastifyReply) => requireStatusToken(req, reply, key, deps.clock()) };
    const params = { hide: true, params: RequestIdParams };
    // The code mail's "this was not me" link is signed with a key of its own: it opens this one action and no status page.
    const notMeKey = notMeTokenKey(key);
    const notMeGuard = { onRequest: async (req: FastifyRequest, reply: FastifyReply) => requireStatusToken(req, reply, notMeKey, deps.clock()) };

    // Scoped to this plugin: the JSON API keeps refusing form bodies with 415.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES }, (_req, body, done) =>
      done(null, parseForm(body as string)),
    );
    app.addHook('onSend', async (_req, reply) => {
      reply.headers(SECURITY_HEADERS);
    });
    app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
      const lang = languageOf(req);
      const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
      if (status >= 500) req.log.error({ err: { name: error.name, message: error.message } }, 'portal error');
      return sendHtml(reply, status, errorPage(lang, pageErrorCode(error, status)));
    });

    // Scoped to /portal: a mistyped portal address gets a page in the subject's language, not the API's JSON.
    await app.register(async (scoped) => void scoped.setNotFoundHandler((req, reply) => sendHtml(reply, 404, errorPage(languageOf(req), 'NOT_FOUND'))), { prefix: '/portal' });

    app.get('/portal', { schema: { hide: true }, config: portalPage({ summary: 'The request form', answers: [200] }) }, async (req, reply) => sendHtml(reply, 200, requestFormPage(languageOf(req), servedPurposes(deps), undefined, undefined, serverProfile(deps).profile)));

    app.post('/portal/requests', { schema: { hide: true }, config: portalPage({ summary: 'Submit the request form', answers: [303, 422], fields: requestFormFields(servedPurposes(deps)) }) }, async (req, reply) => {
      const lang = languageOf(req);
      const { profile } = serverProfile(deps);
      const form = readRequestForm(fieldsOf(req.body), lang, servedPurposes(deps), profile);
      if (!form.body) return sendHtml(reply, 422, requestFormPage(lang, servedPurposes(deps), form.values, form.errors, profile));
      const { requestId, statusToken } = await submitRequest(deps, form.body, 'PORTAL');
      return reply.redirect(withLang(`/portal/requests/${requestId}`, { token: statusToken }, lang), 303);
    });

    /** Shows the status page again with a problem, e.g. a wrong code next to its field. */
    const again = async (req: FastifyRequest, reply: FastifyReply, status: number, problem?: StatusPageProblem, link = linkOf(req)) => {
      const accessPackage = await packageNoticeFacts(deps.db, link.id, deps.clock());
      const signIn = serverProfile(deps).profile.accountSignIn;
      return sendHtml(reply, status, statusPage(link.lang, await requestStatus(deps, link.id), link, problem, accessPackage, await requestTimeZone(deps, link.id), signIn));
    };
    const backToStatus = (req: FastifyRequest, reply: FastifyReply) => {
      const link = linkOf(req);
      return reply.redirect(withLang(`/portal/requests/${link.id}`, { token: link.token }, link.lang), 303);
    };
    /** Runs a subject action, then shows the status; a refusal (wrong state, too many codes) is shown next to `field`. */
    const act = async (req: FastifyRequest, reply: FastifyReply, action: () => Promise<unknown>, field: StatusPageProblem['field'] = 'action') => {
      try {
        await action();
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return again(req, reply, err.status, { field, message: messageFor(languageOf(req), err.code) });
      }
      return backToStatus(req, reply);
    };

    app.get('/portal/requests/:id', { schema: params, ...guard, config: statusLinkPage({ summary: 'The status page', answers: [200] }) }, async (req, reply) => again(req, reply, 200));

    app.post('/portal/requests/:id/verify', { schema: params, ...guard, config: statusLinkPage({ summary: 'Give the mailed code', answers: [303, 409, 422], fields: { code: field('The code from the e-mail.', { pattern: CODE.source }) } }) }, async (req, reply) => {
      const code = (fieldsOf(req.body).code ?? '').trim();
      if (!CODE.test(code)) return again(req, reply, 422, { field: 'code', message: messagesFor(languageOf(req)).errors.code });
      return act(req, reply, () => verifyIdentity(deps, req.params.id, code), 'code');
    });
    app.post('/portal/requests/:id/resend', { schema: params, ...guard, config: statusLinkPage({ summary: 'Mail a new code', answers: [303, 409], fields: {} }) }, async (req, reply) => act(req, reply, () => resendCode(deps, req.params.id)));
    app.post('/portal/requests/:id/fee', { schema: params, ...guard, config: statusLinkPage({ summary: 'Accept or decline the fee', answers: [303, 409], fields: { accept: field('yes accepts; anything else declines.') } }) }, async (req, reply) =>
      act(req, reply, () => answerFee(deps, req.params.id, fieldsOf(req.body).accept === 'yes')),
    );
    app.get('/portal/requests/:id/not-me', { schema: params, ...notMeGuard, config: statusLinkPage({ summary: '“This was not me”, from the code mail', answers: [200] }) }, async (req, reply) => sendHtml(reply, 200, notMePage(languageOf(req), linkOf(req))));
    app.post('/portal/requests/:id/not-me', { schema: params, ...notMeGuard, config: statusLinkPage({ summary: 'Withdraw a request one did not make', answers: [200, 409], fields: {} }) }, async (req, reply) => {
      await withdrawRequest(deps, req.params.id, 'the recipient of the code mail did not make this request');
      return sendHtml(reply, 200, notMeDonePage(languageOf(req)));
    });
    app.get('/portal/requests/:id/withdraw', { schema: params, ...guard, config: statusLinkPage({ summary: 'Confirm the withdrawal', answers: [200] }) }, async (req, reply) => sendHtml(reply, 200, withdrawConfirmPage(languageOf(req), linkOf(req))));
    // Only the confirming form withdraws; any other post is asked again.
    app.post('/portal/requests/:id/withdraw', { schema: params, ...guard, config: statusLinkPage({ summary: 'Withdraw the request', answers: [200, 303, 409], fields: { confirm: field('yes withdraws; anything else asks again.') } }) }, async (req, reply) =>
      fieldsOf(req.body).confirm === 'yes' ? act(req, reply, () => withdrawRequest(deps, req.params.id)) : sendHtml(reply, 200, withdrawConfirmPage(languageOf(req), linkOf(req))),
    );
    installSignInRoutes(app, deps, {
      guard,
      showProblem: (req, reply, status, link, code) => again(req, reply, status, { field: 'action', message: messageFor(link.lang, code) }, link),
    });
  };

function messageFor(lang: Language, code: string): string {
  const t = messagesFor(lang);
  return t.pageErrors[code] ?? t.pageErrors.WRONG_STATE!;
}

function pageErrorCode(error: FastifyError | AppError, status: number): string {
  if (error instanceof AppError) return error.code;
  if (status === 413) return 'TOO_LARGE';
  if (status === 404) return 'NOT_FOUND';
  return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
}

function errorPage(lang: Language, code: string): string {
  const t = messagesFor(lang);
  const message = t.pageErrors[code] ?? (code === 'INVALID_INPUT' ? t.pageErrors.BAD_REQUEST : t.pageErrors.INTERNAL);
  const body = html`<h1>${t.errorTitle}</h1><p class="error" role="alert">${message}</p><p><a href="${withLang('/portal', {}, lang)}">${t.backToForm}</a></p>`;
  return page(lang, { title: t.errorTitle, body, switchHref: withLang('/portal', {}, lang === 'en' ? 'zh' : 'en') });
}
