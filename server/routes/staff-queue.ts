// The review queue and a request's timeline: what staff read to decide what to do next.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { RequestIdParams, withErrors } from '../schemas';
import { staffOf } from '../staff/access';
import { QueuePage, QueueQuery, Timeline } from '../staff/console-schemas';
import { requestTimeline } from '../use-cases/request-timeline';
import { assertQueueViewAllowed, reviewQueue } from '../use-cases/review-queue';

const tags = ['staff'];

/** GET /api/staff/queue and GET /api/staff/requests/:id/timeline. */
export const staffQueueRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/staff/queue',
      {
        schema: {
          tags,
          summary: 'The review queue, one view at a time',
          description:
            'Views: stuck, failing (a store failed or is retried after an error), overdue, due-soon (within 7 days), awaiting-decision, awaiting-approval (attested erasures waiting for a second person), open, ' +
            'mine (requests the caller opened for a subject). Agents may read mine and open. Sorted by deadline unless sort says -deadline or received.',
          querystring: QueueQuery,
          response: withErrors({ 200: QueuePage }),
        },
      },
      async (req) => {
        const staff = staffOf(req);
        assertQueueViewAllowed(staff.role, req.query.view);
        return reviewQueue(deps, { ...req.query, staffId: staff.staffId });
      },
    );

    app.get(
      '/api/staff/requests/:id/timeline',
      {
        schema: {
          tags,
          summary: 'A request’s audit trail, stores, holds and signals (compliance, admin)',
          params: RequestIdParams,
          response: withErrors({ 200: Timeline }),
        },
      },
      async (req) => requestTimeline(deps, req.params.id),
    );
  };
