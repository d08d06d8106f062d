// The subject's side of a request, behind its status link: thin handlers that decode,
// call a use case, encode. The token check runs first, before the body is even read.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { statusTokenKey } from '../../crypto/status-token';
import type { ServerDeps } from '../deps';
import { FeeAnswerBody, RequestIdParams, StatusView, VerifyBody, WithdrawBody, verificationResponses, withErrors } from '../schemas';
import { requireStatusToken, statusTokenSecurity } from '../status-auth';
import { requestStatus } from '../use-cases/request-status';
import { answerFee, resendCode, withdrawRequest } from '../use-cases/subject-actions';
import { verifyIdentity } from '../use-cases/verify-identity';

const tagged = { tags: ['status link'], security: statusTokenSecurity, params: RequestIdParams };

/** The token-protected routes under /api/requests/:id. */
export const statusLinkRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const key = statusTokenKey(deps.identityPepper);
    // Registered inside this plugin, so it guards these routes and no others.
    app.addHook('onRequest', async (req, reply) => requireStatusToken(req, reply, key, deps.clock()));

    app.get(
      '/api/requests/:id',
      { schema: { ...tagged, summary: 'Where the request stands', response: withErrors({ 200: StatusView }) } },
      async (req) => requestStatus(deps, req.params.id),
    );

    app.post(
      '/api/requests/:id/verification',
      { schema: { ...tagged, summary: 'Check the mailed verification code', body: VerifyBody, response: verificationResponses } },
      async (req) => verifyIdentity(deps, req.params.id, req.body.code),
    );

    app.post(
      '/api/requests/:id/verification/resend',
      {
        schema: {
          ...tagged,
          summary: 'Mail a new verification code',
          description: 'The new code replaces the earlier ones. At most one a minute and five in all (429 otherwise).',
          response: withErrors({ 200: StatusView }),
        },
      },
      async (req) => resendCode(deps, req.params.id),
    );

    app.post(
      '/api/requests/:id/fee',
      { schema: { ...tagged, summary: 'Accept or decline the quoted fee', body: FeeAnswerBody, response: withErrors({ 200: StatusView }) } },
      async (req) => answerFee(deps, req.params.id, req.body.accept),
    );

    app.post(
      '/api/requests/:id/withdraw',
      {
        schema: {
          ...tagged,
          summary: 'Withdraw the request',
          description: 'Accepted at once; the request closes as WITHDRAWN moments later and a confirmation is mailed.',
          body: WithdrawBody,
          response: withErrors({ 202: StatusView }),
        },
      },
      async (req, reply) => reply.status(202).send(await withdrawRequest(deps, req.params.id, req.body.reason)),
    );
  };
