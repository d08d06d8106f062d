// The service's own route: the OpenAPI document of the whole API (GET /health is in health.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { withErrors } from '../schemas';

// The document's own shape is OpenAPI's; this schema only lets it through whole.
const OpenApiDocument = Type.Object(
  { openapi: Type.String(), info: Type.Record(Type.String(), Type.Unknown()), paths: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: true, description: 'The OpenAPI 3.1 document, built from the routes’ own schemas.' },
);

/** GET /api/openapi.json. */
export const serviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/openapi.json',
    { schema: { summary: 'This OpenAPI document', tags: ['service'], response: withErrors({ 200: OpenApiDocument }) } },
    async () => app.swagger() as Static<typeof OpenApiDocument>,
  );
};
