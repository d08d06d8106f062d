// `npm start`: the whole product on embedded defaults. Starts what is not given by the
// environment (Temporal dev server, database, mail catcher), then the worker and the
// HTTP server; Ctrl-C stops everything in reverse order.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createServices } from '../app/services';
import { loadConfig } from '../config/env';
import { temporalConnectionSettings, temporalTelemetryOptions } from '../config/temporal';
import { applyMigrations } from '../db/apply-migrations';
import { DEMO_SUBJECT_EMAIL, seedEstateOver } from '../devtools/estate-seed';
import { loadOrCreateDevSecrets } from '../devtools/dev-secrets';
import { startEmbeddedDatabase } from '../devtools/embedded-database';
import { startInboxPage } from '../devtools/inbox-page';
import { startMailCatcher } from '../devtools/mail-catcher';
import { startTemporalDevServer } from '../devtools/temporal-dev-server';
import { buildApp, startWebServer } from '../server/app';
import { loadDataMap } from '../stores/data-map/validate';
import { smtpCheckFor } from '../server/health';
import { startAccessPackagePurge } from '../temporal/access-package-purge';
import { encryptedDataConverter } from '../temporal/data-converter';
import { registerSearchAttributes } from '../temporal/search-attributes';
import { createDsrWorker } from '../worker';
import { DEMO_STAFF_FILE, ensureDemoStaff } from '../devtools/demo-staff';
import { startLocalRedis } from '../devtools/local-redis';

const ROOT = path.resolve(__dirname, '..');
const DEMO_ESTATE_SUBJECTS = 20;
const DATA_DIR = path.join(ROOT, '.data');
const stops: Array<() => Promise<unknown> | unknown> = [];
const urls: string[] = [];

async function provideDependencies(env: NodeJS.ProcessEnv): Promise<void> {
  Object.assign(env, { ...loadOrCreateDevSecrets(DATA_DIR), ...pick(env, 'DSR_ENCRYPTION_KEYS', 'DSR_ENCRYPTION_KEY_ID', 'DSR_IDENTITY_PEPPER', 'CODEC_AUTH_TOKEN') });
  if (!env.DATABASE_URL) {
    const db = await startEmbeddedDatabase(Number(env.EMBEDDED_DB_PORT ?? 51213));
    stops.push(db.stop);
    env.DATABASE_URL = db.url;
    env.DATABASE_POOL_MAX = '1';
    await applyMigrations(db.url, path.join(ROOT, 'prisma/migrations'));
    urls.push('Database:        embedded PostgreSQL (PGlite), kept in your user data folder');
  } else {
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!env.MARKETING_DATABASE_URL) {
    // The second SQL store of the demo estate: a PGlite database of its own.
    const marketing = await startEmbeddedDatabase(Number(env.EMBEDDED_MARKETING_DB_PORT ?? 51216), 'dsr-marketing');
    stops.push(marketing.stop);
    env.MARKETING_DATABASE_URL = marketing.url;
    env.MARKETING_DATABASE_POOL_MAX = '1';
  }
  if (!env.REDIS_URL) {
    const redis = await startLocalRedis(Number(env.REDIS_PORT ?? 6392));
    if (redis) {
      stops.push(redis.stop);
      env.REDIS_URL = redis.url;
    } else {
      console.warn('redis-server is not installed: the redis-sessions store is left out (install it, or set REDIS_URL).');
    }
  }
  if (!env.TEMPORAL_ADDRESS) {
    const temporal = await startTemporalDevServer({
      cli: path.join(ROOT, '.tools/temporal/bin/temporal'),
      dataDir: DATA_DIR,
      port: Number(env.TEMPORAL_PORT ?? 7233),
      uiPort: Number(env.TEMPORAL_UI_PORT ?? 8233),
      // The browser calls the codec, so this is the address as the browser sees it.
      codecEndpoint: `http://127.0.0.1:${env.HTTP_PORT ?? 3000}/codec`,
    });
    stops.push(temporal.stop);
    env.TEMPORAL_ADDRESS = temporal.address;
    urls.push(`Temporal Web UI: ${temporal.uiUrl}`);
  }
  if (!env.SMTP_HOST) {
    const catcher = await startMailCatcher(Number(env.SMTP_PORT ?? 1025));
    const inbox = await startInboxPage(catcher, Number(env.INBOX_PORT ?? 1080));
    stops.push(() => catcher.close(), () => new Promise((r) => inbox.close(r)));
    env.SMTP_HOST = '127.0.0.1';
    env.SMTP_PORT = String(catcher.port);
    urls.push(`Mail inbox:      http://127.0.0.1:${env.INBOX_PORT ?? 1080}  (every mail the engine sends)`);
  }
}

function pick(env: NodeJS.ProcessEnv, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => env[n]).map((n) => [n, env[n] as string]));
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: temporalTelemetryOptions() });
  await provideDependencies(process.env);
  const config = loadConfig();
  const services = createServices(config);
  stops.push(() => services.close());
  // A small estate in every connected store, the demo subject among them.
  await seedEstateOver(services.db, config.stores, { subjects: DEMO_ESTATE_SUBJECTS });
  await ensureDemoStaff(services.db, DATA_DIR);

  const workerConnection = await NativeConnection.connect(temporalConnectionSettings(config.temporal.address));
  const worker = await createDsrWorker({
    connection: workerConnection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: services.activityDeps,
    keyring: services.keyring,
  });
  const workerDone = worker.run();
  stops.push(async () => {
    // The SDK also reacts to Ctrl-C by itself; only ask for a shutdown it has not begun.
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerDone;
    await workerConnection.close();
  });

  const connection = await Connection.connect(temporalConnectionSettings(config.temporal.address));
  await registerSearchAttributes(connection, config.temporal.namespace);
  const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: encryptedDataConverter(services.keyring) });
  await startAccessPackagePurge(client, config.temporal.taskQueue);
  const app = await buildApp(
    {
      temporal: client,
      taskQueue: config.temporal.taskQueue,
      db: services.db,
      cipher: services.cipher,
      identityPepper: config.keys.identityPepper,
      clock: () => new Date(),
      publicUrl: config.http.publicUrl,
      codec: config.codec && { keyring: services.keyring, ...config.codec },
      smtpCheck: smtpCheckFor(config.smtp),
      dataMap: { map: loadDataMap(), connected: services.activityDeps.stores.all() },
      processorSecrets: services.processorSecrets,
    },
    { logger: true },
  );
  const baseUrl = await startWebServer(app, config.http.host, config.http.port);
  stops.push(() => app.close(), () => connection.close());

  console.log(['', 'DSR engine is running.', `HTTP API:        ${baseUrl}  (OpenAPI: ${baseUrl}/api/openapi.json)`, `Portal:          ${baseUrl}/portal`,
    `Staff console:   ${baseUrl}/console  (demo-agent, demo-compliance, demo-admin; passwords in .data/${DEMO_STAFF_FILE})`, ...urls, '',
    'Try an access request for the demo subject:',
    `  curl -s -X POST ${baseUrl}/api/requests -H 'content-type: application/json' -d '{"email":"${DEMO_SUBJECT_EMAIL}","type":"ACCESS","language":"en"}'`,
    `  # read the code in the inbox, then (statusToken from the answer above):`,
    `  curl -s -X POST '${baseUrl}/api/requests/<requestId>/verification?token=<statusToken>' -H 'content-type: application/json' -d '{"code":"<code>"}'`,
    `  curl -s '${baseUrl}/api/requests/<requestId>?token=<statusToken>'`,
    ...(config.codec ? codecHelp(`${baseUrl}/codec`) : []),
    '', 'Press Ctrl-C to stop.', ''].join('\n'));
}

// The token itself is not printed: start-up output ends up in terminals' scrollback and CI logs.
function codecHelp(codecUrl: string): string[] {
  return ['', `Decrypted payloads: ${codecUrl} takes the token CODEC_AUTH_TOKEN from .data/dev-secrets.json, e.g.`,
    `  .tools/temporal/bin/temporal workflow show -w dsr-<requestId> --codec-endpoint ${codecUrl} \\`,
    `    --codec-auth "Bearer $(node -p 'require("./.data/dev-secrets.json").CODEC_AUTH_TOKEN')"`];
}

async function shutdown(exitCode = 0): Promise<void> {
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (err) {
      console.error('while stopping:', (err as Error).message);
    }
  }
  process.exit(exitCode);
}

process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
main().catch(async (err) => {
  console.error('Start-up failed:', err instanceof Error ? err.message : err);
  await shutdown(1);
});
