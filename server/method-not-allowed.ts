// A known address asked with a method it does not serve is answered 405 with an Allow header
// (RFC 9110 §15.5.6), not 404: the address exists, and a client (or the fuzzer's
// unsupported-method check) learns which methods it takes. Fastify answers 404 for both, so the
// routes are kept in a second router, find-my-way (Fastify's own, so an address matches here
// exactly as it does there), and asked when Fastify found no route.
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/** Collects the app's routes as they are added; call before any route is registered. */
export function installMethodNotAllowed(app: FastifyInstance): void {
  const router = FindMyWay();
  const methods = new Set<HTTPMethod>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat() as HTTPMethod[]) {
      router.on(method, route.url, () => undefined);
      methods.add(method);
    }
  });
  /** The methods served at this request's address, none when the address is unknown. */
  const allowedAt = (request: FastifyRequest): HTTPMethod[] => {
    const path = request.url.split('?')[0]!;
    return [...methods].filter((method) => router.find(method, path) !== null).sort();
  };
  // onRequest runs for unmatched requests too; throwing sends the error through the error handler
  // of the address's part of the app, so the portal and console answer an HTML page, the API JSON.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    const allowed = allowedAt(request);
    if (allowed.length === 0) return;
    reply.header('Allow', allowed.join(', '));
    throw new AppError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not served at this address; it takes ${allowed.join(', ')}.`);
  });
}
