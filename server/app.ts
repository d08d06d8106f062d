// The HTTP application: routes and error mapping, without listening (tests inject or bind port 0).
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServerDeps } from './deps';
import { bodiesAsSent } from './body-validation';
import { installErrorHandler } from './error-handler';
import { drpRoutes } from './drp/routes';
import { installMethodNotAllowed } from './method-not-allowed';
import { refuseNulCharacters } from './nul-guard';
import { openApiOptions } from './openapi';
import { assetsRoutes } from './pages/assets/assets-routes';
import { consoleRoutes } from './pages/console/console-routes';
import { portalRoutes } from './pages/portal-routes';
import { rateLimitHook, startLimitSweep } from './rate-limit';
import { accessPackageRoutes } from './routes/access-package';
import { codecRoutes } from './routes/codec';
import { healthRoutes } from './routes/health';
import { processorCallbackRoutes } from './routes/processor-callbacks';
import { accountEventRoutes } from './routes/account-events';
import { requestRoutes } from './routes/requests';
import { serviceRoutes } from './routes/service';
import { staffRoutes } from './routes/staff';
import { staffReportRoutes } from './routes/staff-reports';
import { statusLinkRoutes } from './routes/status-link';

const BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the Fastify app over its dependencies. */
/** `logStream` sends the JSON log lines there instead of standard output (tests read them back). */
export async function buildApp(deps: ServerDeps, opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Only the named proxies' X-Forwarded-For is believed; otherwise any client could pick its own address and dodge the limits.
    trustProxy: deps.trustProxy && deps.trustProxy.length > 0 ? deps.trustProxy : false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Unknown fields are refused, not silently dropped: a caller should learn of a typo.
    ajv: { customOptions: { removeAdditional: false } },
    // A body is checked as sent: no `null` read as "" (server/body-validation.ts).
    schemaController: { compilersFactory: { buildValidator: bodiesAsSent } },
    // Request logs carry method, route and status only: URLs and bodies may hold personal data (and status tokens).
    logger: opts.logger ? { serializers: { req: (r) => ({ method: r.method, route: r.routeOptions?.url }) }, ...(opts.logStream ? { stream: opts.logStream } : {}) } : false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandler(app);
  // Before any route, so that it sees them all.
  installMethodNotAllowed(app);
  // Registered before the routes: it collects their schemas as they are added.
  await app.register(fastifySwagger, openApiOptions);
  // Added before the routes, so that it runs ahead of every plugin's own hooks (token check, staff gate).
  app.addHook('onRequest', rateLimitHook(deps.db, deps.rateLimits, deps.rateLimitScope ?? 'dsr'));
  const stopLimitSweep = startLimitSweep(deps.db);
  app.addHook('onClose', async () => stopLimitSweep());
  // PostgreSQL stores no NUL character: refused as input rather than failing half-way (server/nul-guard.ts).
  app.addHook('preValidation', refuseNulCharacters);
  await app.register(serviceRoutes);
  await app.register(healthRoutes(deps));
  await app.register(requestRoutes(deps));
  await app.register(statusLinkRoutes(deps));
  await app.register(accessPackageRoutes(deps));
  await app.register(assetsRoutes(deps));
  await app.register(portalRoutes(deps));
  await app.register(consoleRoutes(deps));
  await app.register(staffRoutes(deps));
  await app.register(staffReportRoutes(deps));
  await app.register(processorCallbackRoutes(deps));
  await app.register(accountEventRoutes(deps));
  // Authorized agents over the Data Rights Protocol, only where a directory and business id are configured.
  if (deps.drp) await app.register(drpRoutes(deps, deps.drp));
  // Without a token there is no way to guard decrypted payloads, so there is no endpoint.
  if (deps.codec) await app.register(codecRoutes(deps.codec, deps), { prefix: '/codec' });
  return app;
}

/** Starts listening and returns the base URL (port 0 picks a free port). */
export async function startWebServer(app: FastifyInstance, host: string, port: number): Promise<string> {
  return app.listen({ host, port });
}
