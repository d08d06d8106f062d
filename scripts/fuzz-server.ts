// The product for `npm run fuzz`: the real Temporal dev server, the PostgreSQL database in
// DATABASE_URL, a loopback SMTP catcher, the request worker and the HTTP server on a free
// port, with the rate limits lifted and the /codec endpoint on (a random token). It opens one
// request per caller the fuzzer plays (the subject and a staff member of each role, signed in
// with TOTP where the role needs it) and writes their ids and credentials (cookie, CSRF
// header, the console forms' CSRF field, the agent's password for the stateful phase's own
// sign-in) to the file named by its argument, then runs until SIGTERM. Server logs go to
// standard output.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildEngine } from '../app/engine';
import { exitOnSignals } from '../app/shutdown';
import type { Db } from '../db/prisma';
import { loopbackConfig } from '../devtools/loopback-config';
import { startMailCatcher } from '../devtools/mail-catcher';
import { formCsrfToken } from '../server/pages/console/console-session';
import { STAFF_ROLES, type StaffRole } from '../server/staff/roles';
import { totpCodeAt } from '../server/staff/totp';
import { createStaffAccount } from '../server/use-cases/staff-accounts';

const TEMPORAL_CLI = path.resolve(__dirname, '../.tools/temporal/bin/temporal');
// The fuzzer sends thousands of calls from one address: no limit may answer 429 in its place.
const UNLIMITED = { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };

/** A JSON call that must succeed; returns the parsed body and the Set-Cookie header. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${new URL(url).pathname} answered ${res.status}.`);
  return { body: (await res.json()) as Record<string, string>, setCookie: res.headers.get('set-cookie') ?? '' };
}

/** Creates an account of the role, signs it in and opens one request on a subject's behalf with it. */
async function staffCaller(baseUrl: string, db: Db, pepper: string, role: StaffRole) {
  const username = `fuzz-${role}-${randomUUID().slice(0, 8)}`;
  const password = randomBytes(18).toString('base64url');
  await createStaffAccount(db, { username, displayName: `Fuzz ${role}`, role, password });
  let login = await post(`${baseUrl}/api/staff/session`, { username, password });
  if (login.body.secondFactor === 'TOTP') {
    // Compliance and admin: the code of the secret set up at this first sign-in, as their app would show it.
    const setup = login.body.setup as unknown as { secret: string };
    login = await post(`${baseUrl}/api/staff/session/totp`, { code: await totpCodeAt(setup.secret, new Date()) }, { cookie: login.setCookie.split(';')[0]!, 'x-csrf-token': login.body.csrfToken! });
  }
  const cookie = login.setCookie.split(';')[0]!;
  const csrfToken = login.body.csrfToken!;
  const opened = await post(
    `${baseUrl}/api/staff/requests`,
    { email: `fuzz-${role}@example.org`, type: 'DELETION', language: 'en', channel: 'PHONE', evidenceNote: 'Fuzzing fixture.' },
    { cookie, 'x-csrf-token': csrfToken },
  );
  // The console's forms carry a token derived from the session's CSRF token (server/pages/console/console-session.ts).
  const formCsrf = formCsrfToken(pepper, { csrfTokenHash: createHash('sha256').update(csrfToken).digest('hex') });
  return { username, password, cookie, sessionToken: cookie.slice(cookie.indexOf('=') + 1), csrfToken, formCsrf, requestId: opened.body.requestId! };
}

async function main(): Promise<void> {
  const outFile = process.argv[2];
  const databaseUrl = process.env.DATABASE_URL;
  if (!outFile || !databaseUrl) throw new Error('Usage: DATABASE_URL=... tsx scripts/fuzz-server.ts <out.json>');
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: TEMPORAL_CLI } } });
  const mail = await startMailCatcher(0);
  const config = loopbackConfig({ databaseUrl, temporalAddress: env.address, taskQueue: `dsr-fuzz-${randomUUID()}`, smtpPort: mail.port });
  const codecToken = randomBytes(24).toString('base64url');
  config.codec = { authToken: codecToken, allowedOrigins: [] };
  const engine = await buildEngine(config, {
    stores: 'main-database',
    temporal: { connection: env.connection, nativeConnection: env.nativeConnection },
    registerSearchAttributes: true,
    worker: true,
    http: { host: '127.0.0.1', port: 0, logger: true, rateLimits: { submission: UNLIMITED, verification: UNLIMITED, staffSignIn: UNLIMITED } },
  });
  // Whatever is still in flight when the fuzzer is done does not matter: never outlive it for long.
  exitOnSignals(async () => {
    await engine.stop();
    await mail.close();
    await env.teardown();
  });
  const baseUrl = engine.baseUrl as string;
  const db = engine.services.db;

  const submitted = await post(`${baseUrl}/api/requests`, { email: 'fuzz-subject@example.org', type: 'ACCESS', language: 'en' });
  const staff = Object.fromEntries(await Promise.all(STAFF_ROLES.map(async (role) => [role, await staffCaller(baseUrl, db, config.keys.identityPepper, role)] as const)));
  const fixture = { baseUrl, codecToken, subject: { requestId: submitted.body.requestId, token: submitted.body.statusToken }, staff };
  writeFileSync(outFile, JSON.stringify(fixture, null, 2) + '\n');
  console.error(`fuzz server listening on ${baseUrl}`);
}

main().catch((err) => {
  console.error('fuzz server failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
