// Verification by signing in to the controller's own account system (issue 15, item 5): a real
// OpenID provider (oidc-provider) on loopback, the real engine, and Debian's Chromium clicking
// through the provider's sign-in as a subject would. The ID token's verified e-mail verifies
// the request at once; an account of another e-mail verifies nothing. A second engine, whose
// profile identifies subjects by the token's `sub`, verifies a request that gave that account id.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import readline from 'node:readline';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { eventually } from '../support/http';
import { profileWith } from '../support/profiles';
import { startStack, type Stack } from '../support/stack';
import { statusQuery, verifyBySignInUpdate } from '../../workflows/messages';

const SECRET_ENV = 'DSR_TEST_ACCOUNT_SIGN_IN_SECRET';
const CLIENT_SECRET = `client-secret-${randomUUID()}`;
const subjectEmail = `signin-${randomUUID()}@example.org`;
const otherEmail = `someone-else-${randomUUID()}@example.org`;

let provider: ChildProcessWithoutNullStreams;
let stack: Stack;
/** The engine whose profile says `claim: 'sub'`. */
let bySub: Stack;
let browser: Browser;

/** Starts the account system; resolves with its issuer once it listens. */
async function startProvider(): Promise<{ issuer: string; next: () => Promise<Record<string, unknown>> }> {
  provider = spawn(process.execPath, ['test/support/account-provider.mjs'], {
    env: { ...process.env, ACCOUNTS: JSON.stringify({ 'li-wei': { email: subjectEmail, email_verified: true }, 'wang-fang': { email: otherEmail, email_verified: true } }) },
  });
  provider.stderr.resume();
  const lines = readline.createInterface({ input: provider.stdout });
  const queue: string[] = [];
  const waiters: Array<(l: string) => void> = [];
  lines.on('line', (l) => (waiters.shift() ?? ((x: string) => queue.push(x)))(l));
  const next = () => new Promise<Record<string, unknown>>((resolve) => {
    const take = (l: string) => resolve(JSON.parse(l) as Record<string, unknown>);
    const queued = queue.shift();
    if (queued !== undefined) take(queued);
    else waiters.push(take);
  });
  const { issuer } = (await next()) as { issuer: string };
  return { issuer, next };
}

/** A free loopback port: the engine's public address must be known to register its redirect URI. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  const { issuer, next } = await startProvider();
  process.env[SECRET_ENV] = CLIENT_SECRET;
  const profileFor = (claim: 'email' | 'sub') =>
    profileWith((p) => {
      p.accountSignIn = { issuer, clientId: 'dsr-engine', clientSecretEnv: SECRET_ENV, claim, label: { zh: '登录您的会员账户', en: 'Sign in with your member account' } };
    });
  [stack, bySub, browser] = await Promise.all([
    startStack({}, { profile: profileFor('email'), port: await freePort() }),
    startStack({}, { profile: profileFor('sub'), port: await freePort() }),
    launchBrowser(),
  ]);
  const redirectUris = [stack, bySub].map((s) => `${s.baseUrl}/portal/sign-in/callback`);
  provider.stdin.write(`${JSON.stringify({ clientId: 'dsr-engine', clientSecret: CLIENT_SECRET, redirectUris })}\n`);
  await next();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await bySub?.close();
  provider?.stdin.end();
  delete process.env[SECRET_ENV];
});

// A context of its own per test: the provider's session cookie must not carry over.
let context: BrowserContext;
let page: Page;
beforeEach(async () => {
  context = await browser.newContext();
  // The provider's development pages import a web font: nothing may leave loopback.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  page = await context.newPage();
});
afterEach(async () => context?.close());

/** Files a deletion over the API (on `on`, the e-mail engine unless said) and opens its status page in the portal. */
async function fileDeletion(email: string, lang: 'zh' | 'en', on: Stack = stack, more: { accountId?: string } = {}): Promise<string> {
  const res = await fetch(`${on.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, type: 'DELETION', language: lang, regime: 'CN_PIPL', ...more }),
  });
  expect(res.status).toBe(202);
  const { requestId, statusToken } = (await res.json()) as { requestId: string; statusToken: string };
  await page.goto(`${on.baseUrl}/portal/requests/${requestId}?token=${encodeURIComponent(statusToken)}&lang=${lang}`);
  return requestId;
}

/** Signs in at the provider's own pages: its login form, then its consent. */
async function signInAtProvider(login: string, on: Stack = stack): Promise<void> {
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('any password');
  await page.locator('button[type=submit]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(new RegExp(`^${on.baseUrl}/portal/`));
}

const audit = (requestId: string) => stack.db.auditEvent.findMany({ where: { requestId }, orderBy: { id: 'asc' } });

describe('verification by signing in to the controller account (OpenID Connect)', () => {
  test('when the subject signs in with the account of the e-mail they gave, then the request is verified at once, audited by hashes only, and the deletion completes', async () => {
    await stack.db.customerAccount.create({ data: { email: subjectEmail, fullName: 'Li Wei', phone: '+86 139 0000 0001', plan: 'starter' } });
    const requestId = await fileDeletion(subjectEmail, 'en');
    const link = page.getByRole('link', { name: 'Sign in with your member account' });
    await link.waitFor({ timeout: 20_000 });
    await expect(page.textContent('main')).resolves.toContain('Or confirm it by signing in to your account with us:');
    await link.click();
    await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//, { waitUntil: 'commit' });
    await screenshot(page, 'sign-in-1-provider-login');
    await signInAtProvider('li-wei');

    const row = await eventually(async () => {
      const r = await stack.db.dsrRequest.findUnique({ where: { id: requestId } });
      return r?.status === 'COMPLETED' ? r : null;
    }, 60_000);
    expect(row.verifiedAt).not.toBeNull();
    expect(row.outcome).toBe('FULFILLED');
    await expect(stack.db.customerAccount.findUnique({ where: { email: subjectEmail } })).resolves.toBeNull();
    // No code was ever entered: the sign-in alone verified it.
    const challenge = await stack.db.verificationChallenge.findFirst({ where: { requestId } });
    expect(challenge?.attempts ?? 0).toBe(0);

    const events = await audit(requestId);
    const verified = events.find((e) => e.action === 'IDENTITY_VERIFIED_BY_SIGN_IN');
    expect(verified).toMatchObject({ actor: 'subject', details: { claim: 'email', issuer: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), accountHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    // Only hashes are kept: neither the e-mail nor the account's login appears in any audit row.
    const everything = JSON.stringify(events.map((e) => [e.reason, e.details]));
    expect(everything).not.toContain(subjectEmail);
    expect(everything).not.toContain('li-wei');

    await page.reload();
    await expect(page.textContent('main')).resolves.toContain('Completed');
  });

  test('when the subject signs in with an account of another e-mail, then the portal says so in Chinese, the refusal is audited, and nothing is verified', async () => {
    const requestId = await fileDeletion(`not-the-account-${randomUUID()}@example.org`, 'zh');
    const link = page.getByRole('link', { name: '登录您的会员账户' });
    await link.waitFor({ timeout: 20_000 });
    await link.click();
    await signInAtProvider('wang-fang');

    await expect(page.locator('[role=alert]').textContent()).resolves.toBe(
      '您登录的账户不是提出此请求的账户，未验证任何内容。请使用您所填电子邮件地址对应的账户登录，或输入我们发送的验证码。',
    );
    await screenshot(page, 'sign-in-2-mismatch-refused');
    // The code form is still there: the subject may still verify the ordinary way.
    await expect(page.getByLabel('验证码').count()).resolves.toBe(1);

    const row = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.status).toBe('AWAITING_VERIFICATION');
    expect(row.verifiedAt).toBeNull();
    const events = await audit(requestId);
    expect(events.map((e) => e.action)).not.toContain('IDENTITY_VERIFIED_BY_SIGN_IN');
    expect(events.find((e) => e.action === 'SIGN_IN_REFUSED')).toMatchObject({ actor: 'subject', details: { code: 'SIGN_IN_MISMATCH', accountHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(JSON.stringify(events.map((e) => [e.reason, e.details]))).not.toContain(otherEmail);
    const status = await stack.client.workflow.getHandle(`dsr-${requestId}`).query<{ awaiting: string }>('status');
    expect(status.awaiting).toBe('SUBJECT_VERIFICATION');
  });

  test('when a sign-in proof reaches the workflow without the API\'s signature, then it is refused and nothing is verified', async () => {
    const email = `forged-${randomUUID()}@example.org`;
    const requestId = await fileDeletion(email, 'en');
    await page.getByLabel('Verification code').waitFor({ timeout: 20_000 });
    const { subject } = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId }, select: { subject: { select: { emailHash: true } } } });
    const handle = stack.client.workflow.getHandle(`dsr-${requestId}`);
    await expect(handle.executeUpdate(verifyBySignInUpdate, { args: [{ claimHash: subject.emailHash, accountHash: 'f'.repeat(64), issuer: 'http://127.0.0.1:1' }] })).rejects.toThrow();
    await expect(handle.executeUpdate(verifyBySignInUpdate, { args: [{ claimHash: subject.emailHash, accountHash: 'f'.repeat(64), issuer: 'http://127.0.0.1:1', assertion: 'forged.signature' }] })).rejects.toThrow();
    expect((await handle.query(statusQuery)).awaiting).toBe('SUBJECT_VERIFICATION');
    expect((await audit(requestId)).map((e) => e.action)).not.toContain('IDENTITY_VERIFIED_BY_SIGN_IN');
  });
});

describe('verification by signing in, where the profile identifies subjects by the account id (sub)', () => {
  test('when the request gave the account id that signs in, then it is verified at once, audited as claim sub by hashes only; another account, or a request without an account id, verifies nothing', async () => {
    // The provider's `sub` is its login id: the customer id the stores know.
    const email = `by-sub-${randomUUID()}@example.org`;
    const requestId = await fileDeletion(email, 'en', bySub, { accountId: 'li-wei' });
    await page.getByRole('link', { name: 'Sign in with your member account' }).click({ timeout: 20_000 });
    await signInAtProvider('li-wei', bySub);
    const row = await eventually(async () => {
      const r = await bySub.db.dsrRequest.findUnique({ where: { id: requestId } });
      return r?.verifiedAt ? r : null;
    }, 60_000);
    expect(row.verifiedAt).not.toBeNull();
    const events = await bySub.db.auditEvent.findMany({ where: { requestId }, orderBy: { id: 'asc' } });
    expect(events.find((e) => e.action === 'IDENTITY_VERIFIED_BY_SIGN_IN')).toMatchObject({ actor: 'subject', details: { claim: 'sub', accountHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(JSON.stringify(events.map((e) => [e.reason, e.details]))).not.toContain('li-wei');

    // The same account signing in for a request that named another account id: refused, in Chinese.
    await context.clearCookies();
    const other = await fileDeletion(`by-sub-${randomUUID()}@example.org`, 'zh', bySub, { accountId: 'customer-8841' });
    await page.getByRole('link', { name: '登录您的会员账户' }).click({ timeout: 20_000 });
    await signInAtProvider('li-wei', bySub);
    await expect(page.locator('[role=alert]').textContent()).resolves.toContain('您登录的账户不是提出此请求的账户，未验证任何内容。');
    // A request that named no account id cannot be verified by the account id at all.
    await context.clearCookies();
    const none = await fileDeletion(`by-sub-${randomUUID()}@example.org`, 'en', bySub);
    await page.getByRole('link', { name: 'Sign in with your member account' }).click({ timeout: 20_000 });
    await signInAtProvider('li-wei', bySub);
    await expect(page.locator('[role=alert]').textContent()).resolves.toBe("This request does not name your account id, so signing in cannot verify it. Enter the code we e-mailed you.");
    await screenshot(page, 'sign-in-3-by-sub-no-account-id');
    for (const [id, code] of [[other, 'SIGN_IN_MISMATCH'], [none, 'SIGN_IN_NO_ACCOUNT_ID']] as const) {
      const r = await bySub.db.dsrRequest.findUniqueOrThrow({ where: { id } });
      expect([code, r.status, r.verifiedAt]).toEqual([code, 'AWAITING_VERIFICATION', null]);
      const refused = await bySub.db.auditEvent.findFirst({ where: { requestId: id, action: 'SIGN_IN_REFUSED' } });
      expect(refused?.details).toMatchObject({ claim: 'sub', code });
    }
  });
});
