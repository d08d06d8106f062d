// The console's reading pages: the dashboard, the "open a request" form, the lists (mine, the
// queue with its views and filters) and a request's page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../app-error';
import { servedPurposes, serverProfile, type ServerDeps } from '../../deps';
import { literalUnion, RequestIdParams } from '../../schemas';
import { dashboardFigures } from '../../use-cases/dashboard-figures';
import { assignableStaff } from '../../use-cases/request-owner';
import { submitRequest } from '../../use-cases/submit-request';
import { consoleStaffOf } from './console-gate';
import { fieldsOf, flashOf, sendHtml, viewerOf } from './console-http';
import { consoleLanguageOf, refusalText } from './console-language';
import { consoleText } from './console-text';
import { DASHBOARD_PERIODS, dashboardPage } from './dashboard-page';
import { withOwners } from './list-owners';
import { readNewRequestForm } from './new-request-form';
import { newRequestPage } from './new-request-page';
import { minePage, QUEUE_TAB_VIEWS, queuePage } from './queue-page';
import { reviewQueue } from '../../use-cases/review-queue';
import { sendRequestPage } from './request-view';
import { deletionCertificate } from '../../use-cases/deletion-certificate';
import { notFound } from '../../app-error';
import { certificatePage, manifestPage } from './records-page';
import { consoleDocs } from './console-form-doc';

const PAGE_SIZE = 25;
const Sort = literalUnion(['deadline', '-deadline'] as const);
const PageNumber = Type.Integer({ minimum: 1, maximum: 100_000 });
const Code = Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9_-]*$' });
const Owner = Type.String({ maxLength: 36, pattern: '^(none|[0-9a-fA-F-]{36})?$' });
const QueueQuery = Type.Object({
  view: Type.Optional(literalUnion(QUEUE_TAB_VIEWS)),
  sort: Type.Optional(Sort),
  page: Type.Optional(PageNumber),
  status: Type.Optional(Code),
  type: Type.Optional(Code),
  regime: Type.Optional(Code),
  channel: Type.Optional(Code),
  owner: Type.Optional(Owner),
});
const MineQuery = Type.Object({ sort: Type.Optional(Sort), page: Type.Optional(PageNumber), done: Type.Optional(Type.String({ maxLength: 40 })) });
const DashboardQuery = Type.Object({ period: Type.Optional(Type.Integer({ enum: [...DASHBOARD_PERIODS] })), done: Type.Optional(Type.String({ maxLength: 40 })) });

/** GET /console, the new-request form and its post, /console/mine, /console/queue, /console/requests/:id. */
export const consolePageRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const viewer = (req: Parameters<typeof viewerOf>[0]) => viewerOf(req, deps.identityPepper);

    app.get('/console', { schema: { hide: true, querystring: DashboardQuery }, config: consoleDocs.dashboard }, async (req, reply) =>
      sendHtml(reply, 200, dashboardPage(viewer(req), await dashboardFigures(deps, req.query.period ?? 90), flashOf(req))),
    );

    app.get('/console/requests/new', { schema: { hide: true }, config: consoleDocs.newRequestPage }, async (req, reply) => sendHtml(reply, 200, newRequestPage(viewer(req), servedPurposes(deps))));

    app.post('/console/requests', { schema: { hide: true }, config: consoleDocs.openRequest(servedPurposes(deps)) }, async (req, reply) => {
      const lang = consoleLanguageOf(req);
      const form = readNewRequestForm(fieldsOf(req.body), servedPurposes(deps), consoleText(lang).messages.fields);
      if (!form.body) return sendHtml(reply, 422, newRequestPage(viewer(req), servedPurposes(deps), form.values, form.errors));
      const { channel, evidenceNote, ...body } = form.body;
      try {
        const { requestId } = await submitRequest(deps, body, channel, { staffId: consoleStaffOf(req).staffId, evidenceNote });
        return reply.redirect(`/console/requests/${requestId}?done=opened`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return sendHtml(reply, err.status, newRequestPage(viewer(req), servedPurposes(deps), form.values, { residence: refusalText(lang, err) }));
      }
    });

    app.get('/console/mine', { schema: { hide: true, querystring: MineQuery }, config: consoleDocs.mine }, async (req, reply) => {
      const q = { sort: req.query.sort ?? 'deadline', page: req.query.page ?? 1 };
      const result = await reviewQueue(deps, { view: 'mine', staffId: consoleStaffOf(req).staffId, ...q, pageSize: PAGE_SIZE });
      return sendHtml(reply, 200, minePage(viewer(req), await withOwners(deps, viewer(req), result), q, flashOf(req)));
    });

    app.get('/console/queue', { schema: { hide: true, querystring: QueueQuery }, config: consoleDocs.queue }, async (req, reply) => {
      const { view, sort, page, ...filters } = req.query;
      const q = { view: view ?? 'open', sort: sort ?? 'deadline', page: page ?? 1, filters };
      const [result, staff] = await Promise.all([reviewQueue(deps, { ...q, pageSize: PAGE_SIZE }), assignableStaff(deps)]);
      const regimes = Object.keys(serverProfile(deps).profile.regimes).sort();
      return sendHtml(reply, 200, queuePage(viewer(req), await withOwners(deps, viewer(req), result), q, { regimes, staff }));
    });

    app.get('/console/requests/:id/certificate', { schema: { hide: true, params: RequestIdParams }, config: consoleDocs.certificate }, async (req, reply) =>
      sendHtml(reply, 200, certificatePage(viewer(req), await deletionCertificate(deps, req.params.id))),
    );

    app.get('/console/requests/:id/package', { schema: { hide: true, params: RequestIdParams }, config: consoleDocs.package }, async (req, reply) => {
      const p = await deps.db.accessPackage.findUnique({ where: { requestId: req.params.id } });
      if (!p) throw notFound('The access package of this request');
      const contents = p.contents as unknown as Array<{ store: string; category: string; records: number; columns?: string[] }>;
      return sendHtml(reply, 200, manifestPage(viewer(req), { ...p, contents }));
    });

    app.get('/console/requests/:id', { schema: { hide: true, params: RequestIdParams }, config: consoleDocs.request }, async (req, reply) => sendRequestPage(deps, req, reply, req.params.id));
  };
