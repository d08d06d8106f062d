// Manual tasks (stores a person works) and deletion certificates: thin handlers over the
// use cases; who may call them is the access table's business (server/staff/roles.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { RequestIdParams, StatusView, withErrors } from '../schemas';
import { staffOf } from '../staff/access';
import { CertificateView, ManualTaskBody, ManualTaskList, ManualTaskQuery } from '../staff/manual-task-schemas';
import { StoreParams } from '../staff/schemas';
import { deletionCertificate } from '../use-cases/deletion-certificate';
import { completeManualTask, listManualTasks } from '../use-cases/manual-tasks';

const tags = ['staff'];

/** GET/POST manual tasks, and GET a request's deletion certificate. */
export const staffManualTaskRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/staff/manual-tasks',
      { schema: { tags, summary: 'Manual tasks: stores with no API that a person works', querystring: ManualTaskQuery, response: withErrors({ 200: ManualTaskList }) } },
      async (req) => ({ tasks: await listManualTasks(deps, { status: req.query.status }) }),
    );

    app.post(
      '/api/staff/requests/:id/stores/:store/manual-task',
      {
        schema: {
          tags,
          summary: 'Confirm a manual task, with a note or “checked, nothing found”',
          description: 'The store settles as MANUAL with the note, audited under the caller’s staff id, and the request goes on.',
          params: StoreParams,
          body: ManualTaskBody,
          response: withErrors({ 200: StatusView }),
        },
      },
      async (req) => completeManualTask(deps, staffOf(req).staffId, req.params.id, req.params.store, req.body),
    );

    app.get(
      '/api/staff/requests/:id/certificate',
      { schema: { tags, summary: 'The stored deletion certificate of a request', params: RequestIdParams, response: withErrors({ 200: CertificateView }) } },
      async (req) => deletionCertificate(deps, req.params.id),
    );
  };
