// The readiness probe: 200 when every dependency answers, 503 naming the one that does not.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServerDeps } from '../deps';
import { checkHealth } from '../health';
import { ErrorBody, literalUnion, withErrors } from '../schemas';

const State = literalUnion(['ok', 'down'] as const);
const Checks = Type.Object(
  { temporal: State, database: State, smtp: Type.Optional(State) },
  { description: 'Each dependency; smtp is absent when the server was given no SMTP relay to check.' },
);
const Warnings = Type.Optional(
  Type.Object(
    { holidays: Type.Optional(Type.String({ description: "e.g. 'missing: CN 2028': open requests' due dates were counted on weekends alone for these years; import the arrangement." })) },
    { description: 'Needs attention, but the server is ready.' },
  ),
);
const Healthy = Type.Object({ status: Type.Literal('ok'), checks: Checks, warnings: Warnings }, { description: 'Every dependency answered.' });
// Also an error body, so a client that reads only `error` and `message` still understands it.
const Unhealthy = Type.Object(
  { ...ErrorBody.properties, status: Type.Literal('down'), checks: Checks, warnings: Warnings },
  { description: 'At least one dependency did not answer within 2 seconds; `checks` names it.' },
);

/** GET /health. */
export const healthRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const schema = {
      summary: 'Readiness probe',
      description: 'Checks Temporal, the database and the SMTP relay, each with a 2-second timeout.',
      tags: ['service'],
      response: { ...withErrors({ 200: Healthy }), 503: Unhealthy },
    };
    app.get('/health', { schema }, async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      const report = await checkHealth(deps, (check, err) =>
        req.log.warn({ check, err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'health check failed'),
      );
      if (report.status === 'ok') return { status: 'ok' as const, checks: report.checks, ...(report.warnings ? { warnings: report.warnings } : {}) };
      const down = Object.entries(report.checks).filter(([, state]) => state === 'down').map(([name]) => name);
      return reply.status(503).send({ error: 'UNAVAILABLE', message: `Not ready: ${down.join(', ')} did not answer.`, status: 'down' as const, checks: report.checks, ...(report.warnings ? { warnings: report.warnings } : {}) });
    });
  };
