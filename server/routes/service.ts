// The service's own routes: a liveness probe and the OpenAPI document of the whole API.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { withErrors } from '../schemas';

const Health = Type.Object({ status: Type.Literal('ok') }, { description: 'The server is up.' });
// The document's own shape is OpenAPI's; this schema only lets it through whole.
const OpenApiDocument = Type.Object(
  { openapi: Type.String(), info: Type.Record(Type.String(), Type.Unknown()), paths: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: true, description: 'The OpenAPI 3.1 document, built from the routes’ own schemas.' },
);

/** GET /health and GET /api/openapi.json. */
export const serviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { schema: { summary: 'Liveness probe', tags: ['service'], response: withErrors({ 200: Health }) } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/openapi.json',
    { schema: { summary: 'This OpenAPI document', tags: ['service'], response: withErrors({ 200: OpenApiDocument }) } },
    async () => app.swagger() as Static<typeof OpenApiDocument>,
  );
};
