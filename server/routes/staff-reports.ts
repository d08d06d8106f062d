// Reports for compliance and admins: counts and durations only, never personal data. The
// plugin carries the staff gate itself, so the access table rules these routes as every other.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { REQUEST_TYPES } from '../../domain/request-kinds';
import type { ServerDeps } from '../deps';
import { literalUnion, withErrors } from '../schemas';
import { staffGate } from '../staff/access';
import { reportCsv } from '../use-cases/report-csv';
import { reportSummary } from '../use-cases/report-summary';

const tags = ['reports'];
const Count = Type.Integer({ minimum: 0 });
const Days = Type.Union([Type.Number(), Type.Null()], { description: 'Days from receipt to close, to one decimal; null when none closed.' });

const ReportQuery = Type.Object(
  {
    from: Type.String({ format: 'date', description: 'First day of receipt (UTC), e.g. 2026-01-01.' }),
    to: Type.String({ format: 'date', description: 'Last day of receipt (UTC), included.' }),
    regime: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,19}$', description: 'Only this regime, e.g. CN_PIPL, CA_QC_LAW25.' })),
  },
  { additionalProperties: false },
);

const figures = {
  received: Count,
  open: Count,
  complied: Type.Integer({ minimum: 0, description: 'Closed as fulfilled in whole or in part.' }),
  denied: Type.Integer({ minimum: 0, description: 'Refused (exempt or excessive) or unverifiable.' }),
  otherClosed: Type.Integer({ minimum: 0, description: 'Withdrawn, duplicate, or closed over a fee.' }),
  medianDaysToClose: Days,
  p90DaysToClose: Days,
  overdueOpen: Type.Integer({ minimum: 0, description: 'Still open past the due date.' }),
  closedAfterDue: Type.Integer({ minimum: 0, description: 'Closed, but after the due date.' }),
};
const Figures = Type.Object(figures);
const Summary = Type.Object(
  {
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    regime: Type.Union([Type.String(), Type.Null()]),
    generatedAt: Type.String({ format: 'date-time' }),
    regimes: Type.Array(
      Type.Object({
        regime: Type.String(),
        total: Figures,
        byType: Type.Array(Type.Object({ type: literalUnion(REQUEST_TYPES), ...figures })),
        byOutcome: Type.Array(Type.Object({ outcome: Type.Union([Type.String(), Type.Null()], { description: 'Null while open.' }), count: Count })),
      }),
    ),
  },
  { description: 'Requests received in the period, per regime: counts per type and outcome, days to close, and lateness.' },
);
const Csv = Type.String({ description: 'A header row, then one row per regime and type and one for all types (ALL).' });

/** GET /api/staff/reports/summary and its CSV twin. */
export const staffReportRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('onRequest', staffGate(deps.db, deps.clock));
    app.addHook('onSend', async (_req, reply) => void reply.header('Cache-Control', 'no-store'));

    app.get(
      '/api/staff/reports/summary',
      { schema: { tags, summary: 'Request statistics for a period (compliance, admin)', querystring: ReportQuery, response: withErrors({ 200: Summary }) } },
      async (req) => reportSummary(deps.db, req.query, deps.clock()),
    );

    app.get(
      '/api/staff/reports/summary.csv',
      {
        schema: {
          tags,
          summary: 'Request statistics for a period, as CSV (compliance, admin)',
          description: 'The figures the CCPA regulations ask to publish (11 CCR § 7102): received, complied with in whole or in part, denied, median days.',
          querystring: ReportQuery,
          response: { ...withErrors({}), 200: { content: { 'text/csv': { schema: Csv } } } },
        },
      },
      async (req, reply) => {
        const summary = await reportSummary(deps.db, req.query, deps.clock());
        const name = `dsr-summary-${summary.from}-${summary.to}${summary.regime ? `-${summary.regime}` : ''}.csv`;
        return reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`).send(reportCsv(summary));
      },
    );
  };
