// Staff work on requests: thin handlers over the use cases; which role may call which
// route is decided by the access table in server/staff/roles.ts, not here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { ServerDeps } from '../deps';
import { RequestIdParams, StatusView, Submitted, withErrors } from '../schemas';
import { staffOf } from '../staff/access';
import { ApproveBody, AttestBody, ChildDataDeletionBody, CompleteBody, DecideBody, ReasonBody, SkipBody, StaffStatusView, StaffSubmitBody, StoreParams } from '../staff/schemas';
import { assertMayAttest, staffActions, staffRequestStatus } from '../use-cases/staff-actions';
import { submitRequest } from '../use-cases/submit-request';
import { openChildDataDeletion } from '../use-cases/child-data-deletion';

const tags = ['staff'];
const changed = withErrors({ 200: StatusView });

/** The request routes under /api/staff/requests. */
export const staffRequestRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/staff/requests',
      {
        schema: {
          tags,
          summary: 'Open a request on a subject’s behalf',
          description: 'For requests made by phone, e-mail or in person: the evidence note attests the subject’s identity, so no code is mailed.',
          body: StaffSubmitBody,
          response: withErrors({ 202: Submitted }),
        },
      },
      async (req, reply) => {
        const { channel, evidenceNote, ...body } = req.body;
        const submitted = await submitRequest(deps, body, channel, { staffId: staffOf(req).staffId, evidenceNote });
        return reply.status(202).send(submitted);
      },
    );

    app.post(
      '/api/staff/child-data-deletions',
      {
        schema: {
          tags,
          summary: 'Delete a child’s data collected by mistake, without waiting for a request (compliance)',
          description:
            'Opens an expedited DELETION on compliance’s own motion (seed policy XIV; PIPL art 31, art 47): no fee, its own shorter deadline from the regime’s policy data; a second person still approves it before anything is erased.',
          body: ChildDataDeletionBody,
          response: withErrors({ 202: Submitted }),
        },
      },
      async (req, reply) => reply.status(202).send(await openChildDataDeletion(deps, staffOf(req).staffId, req.body)),
    );

    app.get(
      '/api/staff/requests/:id',
      { schema: { tags, summary: 'Where a request stands, store by store', params: RequestIdParams, response: withErrors({ 200: StaffStatusView }) } },
      async (req) => staffRequestStatus(deps, req.params.id),
    );

    const on = (req: FastifyRequest & { params: { id: string } }) => staffActions(deps, staffOf(req).staffId, req.params.id);
    const byId = { tags, params: RequestIdParams, response: changed };
    const byStore = { tags, params: StoreParams, response: changed };

    app.post(
      '/api/staff/requests/:id/attest',
      { schema: { ...byId, summary: 'Attest the subject’s identity (an agent on a request they opened; compliance on any)', body: AttestBody } },
      async (req) => {
        await assertMayAttest(deps, staffOf(req), req.params.id);
        return on(req).attest(req.body.evidenceNote);
      },
    );
    app.post(
      '/api/staff/requests/:id/approve',
      {
        schema: {
          ...byId,
          summary: 'Approve or reject an erasure attested by staff (compliance, not the attester)',
          description: 'Four eyes: a deletion or account closure whose identity staff attested waits in AWAITING_APPROVAL until a second person approves it.',
          body: ApproveBody,
        },
      },
      async (req) => on(req).approve(req.body.approve, req.body.reason),
    );
    app.post('/api/staff/requests/:id/decide', { schema: { ...byId, summary: 'Decide whether to proceed (compliance)', body: DecideBody } }, async (req) =>
      on(req).decide(req.body),
    );
    app.post('/api/staff/requests/:id/fee/waive', { schema: { ...byId, summary: 'Waive the quoted fee (compliance)', body: ReasonBody } }, async (req) =>
      on(req).waiveFee(req.body.reason),
    );
    app.post('/api/staff/requests/:id/extend', { schema: { ...byId, summary: 'Extend the deadline (compliance)', body: ReasonBody } }, async (req) =>
      on(req).extend(req.body.reason),
    );
    app.post('/api/staff/requests/:id/stores/:store/retry', { schema: { ...byStore, summary: 'Retry a failed store (compliance)' } }, async (req) =>
      on(req).retryStore(req.params.store),
    );
    app.post('/api/staff/requests/:id/stores/:store/skip', { schema: { ...byStore, summary: 'Skip a failed store (compliance)', body: SkipBody } }, async (req) =>
      on(req).skipStore(req.params.store, req.body.justification),
    );
    app.post(
      '/api/staff/requests/:id/stores/:store/complete',
      { schema: { ...byStore, summary: 'Record a failed store as done by hand (compliance)', body: CompleteBody } },
      async (req) => on(req).completeStore(req.params.store, req.body.note),
    );
    app.post('/api/staff/requests/:id/withdraw', { schema: { ...byId, summary: 'Withdraw the request for the subject (compliance)', body: ReasonBody } }, async (req) =>
      on(req).withdraw(req.body.reason),
    );
  };
