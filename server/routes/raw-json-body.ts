// Signed webhooks (processor callbacks, the account system's events): the signature covers the
// exact bytes sent, so the JSON body is kept as received beside its parsed form. Installed in a
// plugin, it is scoped to that plugin: the other routes keep Fastify's own JSON parser.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../app-error';

/** Parses JSON bodies in this plugin and returns how to read the raw text a request arrived with. */
export function keepRawJsonBodies(app: Pick<FastifyInstance, 'removeContentTypeParser' | 'addContentTypeParser'>): (req: FastifyRequest) => string {
  const rawBodies = new WeakMap<FastifyRequest, string>();
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    rawBodies.set(req, body as string);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError(400, 'INVALID_INPUT', 'The body is not valid JSON.'), undefined);
    }
  });
  return (req) => rawBodies.get(req) ?? '';
}
