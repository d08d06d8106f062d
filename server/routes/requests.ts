// Submitting a request: public, as anyone may ask about their data; the answer carries
// the secret status link that every later step of the subject's side requires.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { SubmitRequestBody, Submitted, withErrors } from '../schemas';
import { submitRequest } from '../use-cases/submit-request';

/** The intake route, POST /api/requests. */
export const requestRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const schema = {
      summary: 'Submit a data-subject request',
      description: 'Starts the procedure and mails a verification code. The status link in the answer is shown once: keep it.',
      tags: ['requests'],
      body: SubmitRequestBody,
      response: withErrors({ 202: Submitted }),
    };
    app.post('/api/requests', { schema }, async (req, reply) => {
      // The answer holds a secret: no cache may keep it.
      reply.header('Cache-Control', 'no-store');
      return reply.status(202).send(await submitRequest(deps, req.body, 'PORTAL'));
    });
  };
