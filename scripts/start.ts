// `npm start`: the one-command DEMO on embedded defaults, not for production (that is
// `npm run serve` and `npm run worker`, docs/production.md). It starts what the environment
// does not name (Temporal dev server, database, Redis, mail catcher), generates secrets, seeds
// invented subjects and demo staff, all kept in the checkout's .data (DEMO_DATA_DIR to move
// it); then the worker and the HTTP server. SIGINT or SIGTERM stops everything within 10 s.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildEngine, type Engine } from '../app/engine';
import { exitOnSignals, runStopSteps, type StopStep } from '../app/shutdown';
import { loadConfig } from '../config/env';
import { temporalTelemetryOptions } from '../config/temporal';
import { applyMigrations } from '../db/apply-migrations';
import { DEMO_STAFF_FILE, ensureDemoStaff } from '../devtools/demo-staff';
import { loadOrCreateDevSecrets } from '../devtools/dev-secrets';
import { startEmbeddedDatabase } from '../devtools/embedded-database';
import { DEMO_SUBJECT_EMAIL, seedEstateOver } from '../devtools/estate-seed';
import { ensureMarketingSchemaAt } from '../devtools/estate/marketing-schema';
import { startInboxPage } from '../devtools/inbox-page';
import { startLocalRedis } from '../devtools/local-redis';
import { startMailCatcher } from '../devtools/mail-catcher';
import { startTemporalDevServer } from '../devtools/temporal-dev-server';

const ROOT = path.resolve(__dirname, '..');
const DEMO_ESTATE_SUBJECTS = 20;
const DATA_DIR = path.resolve(process.env.DEMO_DATA_DIR || path.join(ROOT, '.data'));
const services: StopStep[] = [];
const urls: string[] = [];
let engine: Engine | undefined;

async function provideDependencies(env: NodeJS.ProcessEnv): Promise<void> {
  Object.assign(env, { ...loadOrCreateDevSecrets(DATA_DIR), ...pick(env, 'DSR_ENCRYPTION_KEYS', 'DSR_ENCRYPTION_KEY_ID', 'DSR_IDENTITY_PEPPER', 'CODEC_AUTH_TOKEN') });
  env.FILE_STORE_DIR ||= path.join(DATA_DIR, 'files');
  env.ACCESS_PACKAGE_DIR ||= path.join(DATA_DIR, 'access-packages');
  if (!env.DATABASE_URL) {
    const db = await startEmbeddedDatabase(DATA_DIR, Number(env.EMBEDDED_DB_PORT ?? 51214));
    services.push({ name: 'embedded database', stop: db.stop });
    env.DATABASE_URL = db.url;
    env.DATABASE_POOL_MAX = '1';
    await applyMigrations(db.url, path.join(ROOT, 'prisma/migrations'));
    urls.push(`Database:        embedded PostgreSQL (PGlite) in ${path.relative(ROOT, db.dir) || db.dir}`);
  } else {
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!env.MARKETING_DATABASE_URL) {
    // The second SQL store of the demo estate: a PGlite database of its own.
    const marketing = await startEmbeddedDatabase(DATA_DIR, Number(env.EMBEDDED_MARKETING_DB_PORT ?? 51217), 'marketing');
    services.push({ name: 'embedded marketing database', stop: marketing.stop });
    env.MARKETING_DATABASE_URL = marketing.url;
    env.MARKETING_DATABASE_POOL_MAX = '1';
  }
  if (!env.REDIS_URL) {
    const redis = await startLocalRedis(Number(env.REDIS_PORT ?? 6392));
    if (redis) {
      services.push({ name: 'redis-server', stop: redis.stop });
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
    services.push({ name: 'Temporal dev server', stop: temporal.stop });
    env.TEMPORAL_ADDRESS = temporal.address;
    urls.push(`Temporal Web UI: ${temporal.uiUrl}`);
  }
  if (!env.SMTP_HOST) {
    const catcher = await startMailCatcher(Number(env.SMTP_PORT ?? 1025));
    const inbox = await startInboxPage(catcher, Number(env.INBOX_PORT ?? 1080));
    services.push({ name: 'mail catcher', stop: () => catcher.close() }, { name: 'inbox page', stop: () => new Promise((r) => inbox.close(r)) });
    env.SMTP_HOST = '127.0.0.1';
    env.SMTP_PORT = String(catcher.port);
    urls.push(`Mail inbox:      http://127.0.0.1:${env.INBOX_PORT ?? 1080}  (every mail the engine sends)`);
  }
}

function pick(env: NodeJS.ProcessEnv, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => env[n]).map((n) => [n, env[n] as string]));
}

async function main(): Promise<void> {
  // The process's own signal handling stops the worker (app/shutdown.ts), not the SDK's.
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: temporalTelemetryOptions(), shutdownSignals: [] });
  await provideDependencies(process.env);
  const config = loadConfig();
  // The demo's marketing database gets its tables before the worker checks them against the map.
  if (config.stores.marketingDatabaseUrl) await ensureMarketingSchemaAt(config.stores.marketingDatabaseUrl);
  engine = await buildEngine(config, { worker: true, http: { logger: true }, startPurge: true });
  // A small estate in every connected store, the demo subject among them.
  await seedEstateOver(engine.services.db, config.stores, { subjects: DEMO_ESTATE_SUBJECTS });
  const staffFile = await ensureDemoStaff(engine.services.db, DATA_DIR);
  const baseUrl = engine.baseUrl as string;

  console.log(['', 'DEMO — not for production: secrets generated into .data, stand-in services, 20 invented subjects and demo staff accounts.',
    'To deploy, use `npm run serve` and `npm run worker` (docs/production.md).', '', 'DSR engine demo is running.',
    `HTTP API:        ${baseUrl}  (OpenAPI: ${baseUrl}/api/openapi.json)`, `Portal:          ${baseUrl}/portal`,
    `Staff console:   ${baseUrl}/console  (demo-agent, demo-compliance, demo-admin; passwords in ${path.relative(ROOT, staffFile) || DEMO_STAFF_FILE})`, ...urls, '',
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

/** The engine first, then the services it used, in reverse order of their start. */
async function stopAll(): Promise<void> {
  await engine?.stop();
  await runStopSteps([...services].reverse());
}

exitOnSignals(stopAll);
main().catch(async (err) => {
  console.error('Start-up failed:', err instanceof Error ? err.message : err);
  await stopAll();
  process.exit(1);
});
