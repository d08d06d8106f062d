// The console's reading pages and the "open a request" form.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../app-error';
import type { ServerDeps } from '../../deps';
import { literalUnion, RequestIdParams } from '../../schemas';
import { reviewQueue } from '../../use-cases/review-queue';
import { submitRequest } from '../../use-cases/submit-request';
import { consoleStaffOf } from './console-gate';
import { fieldsOf, flashOf, sendHtml, viewerOf } from './console-http';
import { homePage } from './login-page';
import { readNewRequestForm } from './new-request-form';
import { newRequestPage } from './new-request-page';
import { minePage, QUEUE_TAB_VIEWS, queuePage } from './queue-page';
import { sendRequestPage } from './request-view';

const PAGE_SIZE = 25;
const Sort = literalUnion(['deadline', '-deadline'] as const);
const PageNumber = Type.Integer({ minimum: 1, maximum: 100_000 });
const QueueQuery = Type.Object({ view: Type.Optional(literalUnion(QUEUE_TAB_VIEWS)), sort: Type.Optional(Sort), page: Type.Optional(PageNumber) });
const MineQuery = Type.Object({ sort: Type.Optional(Sort), page: Type.Optional(PageNumber), done: Type.Optional(Type.String({ maxLength: 40 })) });

/** GET /console, the new-request form and its post, /console/mine, /console/queue, /console/requests/:id. */
export const consolePageRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const viewer = (req: Parameters<typeof viewerOf>[0]) => viewerOf(req, deps.identityPepper);

    app.get('/console', { schema: { hide: true } }, async (req, reply) => sendHtml(reply, 200, homePage(viewer(req))));

    app.get('/console/requests/new', { schema: { hide: true } }, async (req, reply) => sendHtml(reply, 200, newRequestPage(viewer(req))));

    app.post('/console/requests', { schema: { hide: true } }, async (req, reply) => {
      const form = readNewRequestForm(fieldsOf(req.body));
      if (!form.body) return sendHtml(reply, 422, newRequestPage(viewer(req), form.values, form.errors));
      const { channel, evidenceNote, ...body } = form.body;
      try {
        const { requestId } = await submitRequest(deps, body, channel, { staffId: consoleStaffOf(req).staffId, evidenceNote });
        return reply.redirect(`/console/requests/${requestId}?done=opened`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return sendHtml(reply, err.status, newRequestPage(viewer(req), form.values, { residence: err.message }));
      }
    });

    app.get('/console/mine', { schema: { hide: true, querystring: MineQuery } }, async (req, reply) => {
      const q = { sort: req.query.sort ?? 'deadline', page: req.query.page ?? 1 };
      const result = await reviewQueue(deps, { view: 'mine', staffId: consoleStaffOf(req).staffId, ...q, pageSize: PAGE_SIZE });
      return sendHtml(reply, 200, minePage(viewer(req), result, q, flashOf(req)));
    });

    app.get('/console/queue', { schema: { hide: true, querystring: QueueQuery } }, async (req, reply) => {
      const q = { view: req.query.view ?? 'stuck', sort: req.query.sort ?? 'deadline', page: req.query.page ?? 1 };
      const result = await reviewQueue(deps, { ...q, pageSize: PAGE_SIZE });
      return sendHtml(reply, 200, queuePage(viewer(req), result, q));
    });

    app.get('/console/requests/:id', { schema: { hide: true, params: RequestIdParams } }, async (req, reply) => sendRequestPage(deps, req, reply, req.params.id));
  };
