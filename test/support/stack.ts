// The whole product on real services for end-to-end tests: Temporal dev server, the test
// PostgreSQL database, a loopback SMTP catcher, the worker and the HTTP server on port 0,
// assembled by app/engine.ts as in production.
import type { MailCatcher } from '../../devtools/mail-catcher';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import type { ActivityDeps } from '../../activities';
import type { LoadedProfile } from '../../config/controller-profile';
import type { Keyring } from '../../crypto/keyring';
import type { Db } from '../../db/prisma';
import type { ServerDeps } from '../../server/deps';
import type { StaffRole } from '../../server/staff/roles';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';
import { TEMPORAL_CLI } from './paths';
import { signInOverApi } from './staff-sign-in';
import { openTestEngine } from './test-engine';
import { testSecrets } from './test-keys';

export interface Stack {
  baseUrl: string;
  mail: MailCatcher;
  db: Db;
  client: Client;
  keyring: Keyring;
  /** The server's pepper, so tests can mint status tokens the server would issue (e.g. already expired). */
  identityPepper: string;
  env: TestWorkflowEnvironment;
  close(): Promise<void>;
}

// Every test calls from 127.0.0.1, and the staff tests sign in dozens of times: the stack lifts
// the limits unless a test sets its own (test/e2e/rate-limit.test.ts does).
const UNLIMITED = { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };
const TEST_RATE_LIMITS = { submission: UNLIMITED, verification: UNLIMITED, staffSignIn: UNLIMITED };

/** Starts every real part; `close` stops them in reverse order. `server` sets optional server deps (e.g. small rate limits),
 *  and `logStream` turns the HTTP server's JSON log on, written there. */
export async function startStack(
  overrides: Partial<ActivityDeps> = {},
  server: Pick<ServerDeps, 'rateLimits' | 'rateLimitScope'> & { logStream?: NodeJS.WritableStream; profile?: LoadedProfile; port?: number } = {},
): Promise<Stack> {
  const secrets = testSecrets();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: TEMPORAL_CLI } },
  });
  const { engine, mail, close } = await openTestEngine(env, secrets, `dsr-test-${randomUUID()}`, {
    worker: true,
    activityOverrides: overrides,
    profile: server.profile,
    // A chosen port is also the public address (links the engine gives out, e.g. an OpenID redirect).
    http: { host: '127.0.0.1', port: server.port ?? 0, ...(server.port ? { publicUrl: `http://127.0.0.1:${server.port}` } : {}), rateLimits: server.rateLimits ?? TEST_RATE_LIMITS,
      // Counters live in the shared test database: each stack counts in a scope of its own unless told to share one.
      rateLimitScope: server.rateLimitScope ?? `test-${randomUUID()}`,
      logger: server.logStream !== undefined, logStream: server.logStream },
  });
  return {
    baseUrl: engine.baseUrl as string,
    mail,
    db: engine.services.db,
    client: engine.client,
    keyring: secrets.keyring,
    identityPepper: secrets.identityPepper,
    env,
    async close() {
      await close();
      await env.teardown();
    },
  };
}

/** A JSON call to the staff API, signed in as `as` (cookie and CSRF header) or anonymous. */
export async function staffApi(baseUrl: string, method: string, path: string, as?: Pick<StaffLogin, 'cookie' | 'csrfToken'>, body?: unknown) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (as) Object.assign(headers, { cookie: as.cookie, 'x-csrf-token': as.csrfToken });
  const res = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export interface StaffLogin {
  staffId: string;
  username: string;
  password: string;
  /** "dsr_staff=<token>", ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
  /** The raw Set-Cookie header of the sign-in, to check its flags. */
  setCookie: string;
  /** Compliance and admin: the TOTP secret set up at the first sign-in. */
  totpSecret?: string;
}

/** Creates a staff account with the given role and signs it in over HTTP; compliance and admin
 *  set up their TOTP secret at this first sign-in and give its code (test/support/staff-sign-in.ts). */
export async function createStaffAndLogIn(stack: Pick<Stack, 'baseUrl' | 'db'> & { now?: () => Date }, role: StaffRole, password = `pw-${randomUUID()}`): Promise<StaffLogin> {
  const username = `staff-${randomUUID().slice(0, 8)}`;
  const { staffId } = await createStaffAccount(stack.db, { username, displayName: `Test ${role}`, role, password });
  return { staffId, username, password, ...(await signInOverApi(stack.baseUrl, username, password, stack.now)) };
}
