// The production entries as an operator runs them: `scripts/serve.ts` and `scripts/worker.ts`
// configured only by the environment, on the real Temporal dev server, the test PostgreSQL,
// Redis and the marketing database, with a loopback SMTP catcher. They refuse an incomplete
// configuration in one message, seed nothing, create no account, and stop within 10 s when
// their process group is signalled; `npm run staff` makes the first admin with a one-time link.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashIdentity } from '../../crypto/identity-hash';
import type { Db } from '../../db/prisma';
import { DEMO_SUBJECT_EMAIL } from '../../devtools/estate-seed';
import { ensureMarketingSchemaAt } from '../../devtools/estate/marketing-schema';
import { startMailCatcher, type MailCatcher } from '../../devtools/mail-catcher';
import { freePort } from '../../drills/stack';
import { testDb } from '../support/database';
import { startEntry, type EntryProcess } from '../support/entry-process';
import { TEMPORAL_CLI } from '../support/paths';

// Every setting a production entry needs with the repository's data map, named in the refusal.
// (The example processor and paper archive live in docs/examples, not in that map.)
const REQUIRED = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'DSR_ENCRYPTION_KEYS', 'DSR_ENCRYPTION_KEY_ID', 'DSR_IDENTITY_PEPPER', 'PUBLIC_URL', 'SMTP_HOST', 'SMTP_PORT', 'MAIL_FROM',
  'REDIS_URL', 'FILE_STORE_DIR', 'MARKETING_DATABASE_URL', 'CONTROLLER_PROFILE_FILE'];

let temporal: TestWorkflowEnvironment;
let mail: MailCatcher;
let db: Db;
let env: NodeJS.ProcessEnv;
const pepper = randomBytes(32).toString('hex');
const running: EntryProcess[] = [];

beforeAll(async () => {
  temporal = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: TEMPORAL_CLI } } });
  mail = await startMailCatcher();
  db = testDb();
  // The marketing database is the demo's: its tables exist before the worker checks them against the map.
  await ensureMarketingSchemaAt(process.env.MARKETING_DATABASE_URL as string);
  const port = await freePort();
  env = {
    DATABASE_URL: process.env.DATABASE_URL,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `dsr-prod-${randomUUID()}`,
    DSR_ENCRYPTION_KEYS: `prod-1:${randomBytes(32).toString('base64')}`,
    DSR_ENCRYPTION_KEY_ID: 'prod-1',
    DSR_IDENTITY_PEPPER: pepper,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    MAIL_FROM: 'Privacy Office <privacy@example.com>',
    REDIS_URL: process.env.REDIS_URL,
    MARKETING_DATABASE_URL: process.env.MARKETING_DATABASE_URL,
    FILE_STORE_DIR: mkdtempSync(path.join(os.tmpdir(), 'dsr-prod-files-')),
    ACCESS_PACKAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'dsr-prod-packages-')),
    CONTROLLER_PROFILE_FILE: 'config/controller.example.json',
  };
}, 60_000);

afterAll(async () => {
  for (const p of running) p.kill();
  await db?.$disconnect();
  await mail?.close();
  await temporal?.teardown();
});

function start(script: string, environment: NodeJS.ProcessEnv, args: string[] = []): EntryProcess {
  const p = startEntry(script, environment, args);
  running.push(p);
  return p;
}

describe('production entries, refusing an incomplete configuration', () => {
  test.each(['scripts/serve.ts', 'scripts/worker.ts'])('when %s starts with an empty environment, then it exits non-zero naming every missing setting', async (script) => {
    const p = start(script, {});
    const { code } = await p.exited;
    expect(code).not.toBe(0);
    expect(p.output()).toContain('Refusing to start: the configuration is incomplete');
    for (const name of REQUIRED) expect(p.output()).toMatch(new RegExp(`\\b${name}\\b`));
  });

  test('when settings are present but malformed, then each is named with what is wrong, in one message', async () => {
    const p = start('scripts/serve.ts', { ...env, DSR_IDENTITY_PEPPER: 'short', PUBLIC_URL: 'privacy.example.com', DSR_ENCRYPTION_KEY_ID: 'prod-2', SMTP_PORT: 'smtp', REDIS_URL: '' });
    const { code } = await p.exited;
    expect(code).not.toBe(0);
    const out = p.output();
    expect(out).toMatch(/DSR_IDENTITY_PEPPER must be at least 32 characters/);
    expect(out).toMatch(/PUBLIC_URL must be an absolute http\(s\) URL/);
    expect(out).toMatch(/DSR_ENCRYPTION_KEY_ID "prod-2" is not among DSR_ENCRYPTION_KEYS/);
    expect(out).toMatch(/SMTP_PORT must be a port number/);
    expect(out).toMatch(/REDIS_URL is not set/);
    expect(out).not.toMatch(/DATABASE_URL|MAIL_FROM/);
  });

  test('when the controller profile is not valid, then the refusal lists its problems', async () => {
    const bad = path.join(mkdtempSync(path.join(os.tmpdir(), 'dsr-profile-')), 'controller.json');
    writeFileSync(bad, JSON.stringify({ controller: {}, defaultRegime: 'MARS_LAW' }));
    const p = start('scripts/serve.ts', { ...env, CONTROLLER_PROFILE_FILE: bad });
    const { code } = await p.exited;
    expect(code).not.toBe(0);
    expect(p.output()).toMatch(/The controller profile .*controller\.json is not valid/);
    expect(p.output()).toMatch(/privacyPolicy/);
  });
});

describe('production entries with a complete configuration', () => {
  let serve: EntryProcess;
  let baseUrl: string;
  const staffBefore: string[] = [];

  test('when serve starts, then it answers /health, has no /codec without a token, and seeded no subject nor staff', async () => {
    staffBefore.push(...(await db.staffAccount.findMany({ select: { id: true } })).map((a) => a.id));
    serve = start('scripts/serve.ts', env);
    baseUrl = (await serve.waitFor(/listening on (http:\/\/\S+)/))[1]!;
    const health = await fetch(`${baseUrl}/health`);
    expect({ status: health.status, body: await health.json() }).toEqual({ status: 200, body: { status: 'ok', checks: { temporal: 'ok', database: 'ok', smtp: 'ok' } } });
    expect((await fetch(`${baseUrl}/codec/decode`, { method: 'POST' })).status).toBe(404);
    expect(await db.dataSubject.count({ where: { emailHash: hashIdentity(pepper, DEMO_SUBJECT_EMAIL) } })).toBe(0);
    expect((await db.staffAccount.findMany({ select: { id: true } })).map((a) => a.id).sort()).toEqual([...staffBefore].sort());
  });

  test('when npm run staff creates the first admin, then its link sets the password once and sign-in works', async () => {
    const username = `admin-${randomUUID().slice(0, 8)}`;
    const cli = start('scripts/staff.ts', { DATABASE_URL: env.DATABASE_URL, PUBLIC_URL: env.PUBLIC_URL }, ['create', '--role', 'admin', '--username', username, '--display-name', 'First Admin']);
    expect((await cli.exited).code).toBe(0);
    const link = cli.output().match(/(http:\/\/\S+\/console\/set-password\?token=\S+)/)?.[1];
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token')!;
    const signIn = (password: string) => fetch(`${baseUrl}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const password = `correct horse ${randomUUID()}`;
    // No password yet: nothing signs in, not even an empty one.
    expect((await signIn(password)).status).toBe(401);

    const page = await fetch(link!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Set your password');
    const form = (fields: Record<string, string>) =>
      fetch(`${baseUrl}/console/set-password`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const set = await form({ token, password, confirm: password });
    expect({ status: set.status, location: set.headers.get('location') }).toEqual({ status: 303, location: '/console/login?done=password-set' });
    // The password is accepted; an admin then sets up the second factor (test/e2e/staff-totp.test.ts).
    const signedIn = await signIn(password);
    expect(signedIn.status).toBe(202);
    expect(await signedIn.json()).toMatchObject({ secondFactor: 'TOTP', setup: { secret: expect.any(String) } });

    // The link works once.
    expect((await fetch(link!)).status).toBe(410);
    const again = await form({ token, password: 'another password 123', confirm: 'another password 123' });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('expired or has already been used');
    expect((await signIn(password)).status).toBe(202);

    // Stored as a hash only, and audited by account id without the username.
    const account = await db.staffAccount.findUniqueOrThrow({ where: { username } });
    expect(await db.staffPasswordLink.count({ where: { id: token } })).toBe(0);
    const audit = await db.staffAuditEvent.findMany({ where: { staffId: account.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['cli', 'ACCOUNT_CREATED'], ['cli', 'PASSWORD_LINK_ISSUED'], [`staff:${account.id}`, 'PASSWORD_SET']]);
    expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(username);
  });

  test('when npm run staff lacks its settings, then it names them and exits non-zero', async () => {
    const cli = start('scripts/staff.ts', {}, ['create', '--role', 'admin', '--username', 'someone']);
    expect((await cli.exited).code).not.toBe(0);
    expect(cli.output()).toMatch(/DATABASE_URL is not set[\s\S]*PUBLIC_URL is not set/);
  });

  test('when a worker runs beside it and the process groups get SIGTERM, then each stops within 10 seconds', async () => {
    const worker = start('scripts/worker.ts', env);
    await worker.waitFor(/polling task queue/);
    const [serveMs, workerMs] = await Promise.all([serve.signalGroup('SIGTERM'), worker.signalGroup('SIGTERM')]);
    expect({ serveMs: serveMs < 10_000, workerMs: workerMs < 10_000 }).toEqual({ serveMs: true, workerMs: true });
    // Each process's own words come with its exit code, so a failure says why it stopped.
    expect({ code: (await serve.exited).code, output: serve.output().slice(-2000) }).toMatchObject({ code: 0 });
    expect({ code: (await worker.exited).code, output: worker.output().slice(-2000) }).toMatchObject({ code: 0 });
  });
});
