// Legal holds and exemption signals, placed and cleared by compliance; each step audited.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServerDeps } from '../deps';
import { RequestIdParams, withErrors } from '../schemas';
import { staffOf } from '../staff/access';
import { ClearBody, HoldParams, HoldsQuery, HoldView, PlaceHoldBody, ReleaseBody, SignalBody, SignalParams, SignalView } from '../staff/console-schemas';
import { clearExemptionSignalFor, recordExemptionSignalFor } from '../use-cases/exemption-signals';
import { listLegalHolds, placeLegalHold, releaseLegalHold } from '../use-cases/legal-holds';

const tags = ['staff'];

/** The hold and signal routes under /api/staff. */
export const staffLegalRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/staff/holds',
      {
        schema: {
          tags,
          summary: 'Legal holds, all or on the subject of one request (compliance, admin)',
          querystring: HoldsQuery,
          response: withErrors({ 200: Type.Object({ holds: Type.Array(HoldView) }) }),
        },
      },
      async (req) => ({ holds: await listLegalHolds(deps, req.query) }),
    );

    app.post(
      '/api/staff/holds',
      {
        schema: {
          tags,
          summary: 'Place a legal hold (compliance)',
          description: 'Binds the subject of the given request, for one store and category or all of them, from now until released or the end date.',
          body: PlaceHoldBody,
          response: withErrors({ 201: HoldView }),
        },
      },
      async (req, reply) => reply.status(201).send(await placeLegalHold(deps, staffOf(req).staffId, req.body)),
    );

    app.post(
      '/api/staff/holds/:holdId/release',
      { schema: { tags, summary: 'Release a legal hold (compliance)', params: HoldParams, body: ReleaseBody, response: withErrors({ 200: HoldView }) } },
      async (req) => releaseLegalHold(deps, staffOf(req).staffId, req.params.holdId, req.body.reason),
    );

    app.post(
      '/api/staff/requests/:id/exemption-signals',
      {
        schema: {
          tags,
          summary: 'Record that a refusal ground applies to the request’s subject (compliance)',
          description: 'The ground must be one of the regime’s refusal grounds; the assessment of the subject’s requests lists it for the decision.',
          params: RequestIdParams,
          body: SignalBody,
          response: withErrors({ 201: SignalView }),
        },
      },
      async (req, reply) => reply.status(201).send(await recordExemptionSignalFor(deps, staffOf(req).staffId, req.params.id, req.body)),
    );

    app.post(
      '/api/staff/exemption-signals/:signalId/clear',
      { schema: { tags, summary: 'Clear an exemption signal (compliance)', params: SignalParams, body: ClearBody, response: withErrors({ 200: SignalView }) } },
      async (req) => clearExemptionSignalFor(deps, staffOf(req).staffId, req.params.signalId, req.body.reason),
    );
  };
