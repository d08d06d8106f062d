// The one assembly of the engine from configuration: services (database, keyring, mailer,
// stores), the Temporal connection and client, and, as asked, a worker and the HTTP app.
// The demo (`npm start`), the production entries, the bench, the drills, the fuzz server and
// the test stacks all build the engine here, so that each runs what the product runs.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker, type WorkerOptions } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import type { ActivityDeps } from '../activities';
import type { AppConfig } from '../config/env';
import { temporalConnectionSettings } from '../config/temporal';
import { buildApp, startWebServer } from '../server/app';
import type { ServerDeps } from '../server/deps';
import { drpSettingsFromEnv } from '../server/drp/settings';
import { smtpCheckFor } from '../server/health';
import { startAccessPackagePurge } from '../temporal/access-package-purge';
import { startRetentionPurge } from '../temporal/retention-purge';
import { encryptedDataConverter } from '../temporal/data-converter';
import { registerSearchAttributes } from '../temporal/search-attributes';
import { assertDeclaredStoresLive } from '../stores/sql/connections';
import { createDsrWorker } from '../worker';
import { createServices, type Services, type ServicesOptions } from './services';
import { runStopSteps, type StopStep } from './shutdown';

export interface EngineOptions extends ServicesOptions {
  /** Runs a request worker on the task queue (a prebuilt workflow bundle makes its start quick). */
  worker?: boolean | { workflowBundle?: WorkerOptions['workflowBundle'] };
  /** Serves the HTTP API (port 0 picks a free port; host and port default to the configuration's). */
  http?: false | { host?: string; port?: number; logger?: boolean; logStream?: NodeJS.WritableStream; rateLimits?: ServerDeps['rateLimits']; rateLimitScope?: string; publicUrl?: string };
  /** Starts the daily purges, of expired access packages and of records past retention (once per namespace, whoever is first). */
  startPurge?: boolean;
  /** Registers the custom search attributes; by default done where the HTTP API is served. */
  registerSearchAttributes?: boolean;
  /** Connections the caller holds and closes (a test's Temporal environment); else made from the configuration. */
  temporal?: { connection: Connection; nativeConnection?: NativeConnection };
  /** Replaces some of the activities' dependencies (tests). */
  activityOverrides?: Partial<ActivityDeps>;
  /** Where the environment is read for the data map's processors; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

export interface Engine {
  config: AppConfig;
  services: Services;
  /** A client with the encrypting data converter. */
  client: Client;
  /** The activities' dependencies the worker runs with. */
  activityDeps: ActivityDeps;
  worker?: Worker;
  /** Settles when the worker has stopped; rejects if it failed. */
  workerDone?: Promise<void>;
  app?: FastifyInstance;
  /** The HTTP API's address, e.g. http://127.0.0.1:3000. */
  baseUrl?: string;
  /** Stops what was built, in reverse order, each step within a timeout. */
  stop(): Promise<void>;
}

/** Builds the engine; what was built before a failing step is stopped again before the error is thrown. */
export async function buildEngine(config: AppConfig, options: EngineOptions = {}): Promise<Engine> {
  const steps: StopStep[] = [];
  const stop = () => runStopSteps([...steps].reverse());
  try {
    return await assemble(config, options, steps, stop);
  } catch (err) {
    await stop();
    throw err;
  }
}

async function assemble(config: AppConfig, options: EngineOptions, steps: StopStep[], stop: () => Promise<void>): Promise<Engine> {
  const services = createServices(config, options.env ?? process.env, options);
  steps.push({ name: 'services', stop: () => services.close() });
  const activityDeps: ActivityDeps = { ...services.activityDeps, ...options.activityOverrides };
  const settings = temporalConnectionSettings(config.temporal.address, options.env ?? process.env);
  const { namespace, taskQueue } = config.temporal;

  let connection = options.temporal?.connection;
  if (!connection) {
    const own = await Connection.connect(settings);
    steps.push({ name: 'Temporal client connection', stop: () => own.close() });
    connection = own;
  }
  if (options.registerSearchAttributes ?? Boolean(options.http)) await registerSearchAttributes(connection, namespace);
  const client = new Client({ connection, namespace, dataConverter: encryptedDataConverter(services.keyring) });

  const engine: Engine = { config, services, client, activityDeps, stop };
  if (options.worker) {
    // The declared SQL stores' tables and columns must exist before any request is fulfilled.
    await assertDeclaredStoresLive(services.declaredSql, services.dataMapFileName);
    let native = options.temporal?.nativeConnection;
    if (!native) {
      const own = await NativeConnection.connect(settings);
      steps.push({ name: 'Temporal worker connection', stop: () => own.close() });
      native = own;
    }
    const workflowBundle = typeof options.worker === 'object' ? options.worker.workflowBundle : undefined;
    const worker = await createDsrWorker({ connection: native, namespace, taskQueue, deps: activityDeps, keyring: services.keyring, workflowBundle });
    engine.worker = worker;
    engine.workerDone = worker.run();
    steps.push({
      name: 'worker',
      stop: async () => {
        // The SDK may already be shutting it down (its own signal handling, or a fatal error).
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await engine.workerDone?.catch(() => undefined);
      },
    });
  }
  if (options.startPurge) {
    await startAccessPackagePurge(client, taskQueue);
    await startRetentionPurge(client, taskQueue);
  }
  if (options.http) {
    const { host = config.http.host, port = config.http.port, logger = false, logStream, rateLimits, rateLimitScope, publicUrl } = options.http;
    const deps = serverDeps(config, services, activityDeps, client, rateLimits);
    // A test stack on a port it chose itself says where it is (the configuration's default names port 3000).
    const app = await buildApp({ ...deps, rateLimitScope, publicUrl: publicUrl ?? deps.publicUrl }, { logger, logStream });
    steps.push({ name: 'HTTP server', stop: () => app.close() });
    engine.app = app;
    engine.baseUrl = await startWebServer(app, host, port);
  }
  return engine;
}

/** What the HTTP layer gets from the configuration and the services. */
function serverDeps(config: AppConfig, services: Services, activityDeps: ActivityDeps, client: Client, rateLimits: ServerDeps['rateLimits']): ServerDeps {
  return {
    temporal: client,
    taskQueue: config.temporal.taskQueue,
    db: services.db,
    cipher: services.cipher,
    identityPepper: config.keys.identityPepper,
    clock: activityDeps.clock,
    publicUrl: config.http.publicUrl,
    trustProxy: config.http.trustProxy,
    // Without a token there is no /codec at all (server/app.ts).
    codec: config.codec && { keyring: services.keyring, ...config.codec },
    smtpCheck: smtpCheckFor(config.smtp),
    rateLimits,
    // The map the stores were built from (DATA_MAP_FILE's when set): its purposes are what the portal offers.
    dataMap: { map: services.dataMap, connected: activityDeps.stores.all() },
    processorSecrets: services.processorSecrets,
    drp: drpSettingsFromEnv(process.env),
    // The profile the worker records on requests is the one the portal offers (sign-in, closure).
    profile: services.activityDeps.profile,
    accountSystemSecret: process.env.ACCOUNT_SYSTEM_SECRET || undefined,
  };
}
