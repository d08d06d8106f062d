// Public request API: thin handlers that decode, call a use case, encode.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { RequestIdParams, SubmitRequestBody, VerifyBody } from '../schemas';
import { requestStatus } from '../use-cases/request-status';
import { submitRequest } from '../use-cases/submit-request';
import { verifyIdentity } from '../use-cases/verify-identity';

export const requestRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post('/api/requests', { schema: { body: SubmitRequestBody } }, async (req, reply) => {
      const submitted = await submitRequest(deps, req.body, 'PORTAL');
      return reply.status(202).send({ ...submitted, statusUrl: `/api/requests/${submitted.requestId}` });
    });

    app.get('/api/requests/:id', { schema: { params: RequestIdParams } }, async (req) => requestStatus(deps, req.params.id));

    app.post('/api/requests/:id/verification', { schema: { params: RequestIdParams, body: VerifyBody } }, async (req) =>
      verifyIdentity(deps, req.params.id, req.body.code),
    );
  };
