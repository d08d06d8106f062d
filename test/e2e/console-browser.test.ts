// The staff console in a real browser (Debian's Chromium) on the real stack: Temporal,
// PostgreSQL and SMTP, with one processor's system (the partner CRM) that can be made to fail.
// Staff sign in, open a request by phone, follow a stuck request to completion, and manage
// accounts, through plain forms and without any JavaScript of ours.
import { createFieldCipher } from '../../crypto/field-cipher';
import { randomUUID } from 'node:crypto';
import { formatDay } from '../../server/pages/console/format';
import type { StaffRole } from '../../server/staff/roles';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';
import { createStoreRegistry } from '../../stores/registry';
import { declaredDemoStores } from '../support/demo-estate';
import { screenshot } from '../support/browser';
import { useBrowserStack } from '../support/browser-stack';
import { eventually } from '../support/http';
import { PartnerStore } from '../support/partner-store';
import { createStaffAndLogIn } from '../support/stack';
import { signInThroughForm } from '../support/console-form-sign-in';

const COMPLETION_TIMEOUT_MS = 60_000;
const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'";

const partner = new PartnerStore();
const demoStores = declaredDemoStores();
const env = useBrowserStack({ overrides: () => ({ stores: createStoreRegistry([...demoStores, partner]) }) });
beforeEach(() => {
  partner.failing = false;
});

/** A new account of the role; returns its id and credentials. */
async function account(role: StaffRole) {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  const { staffId } = await createStaffAccount(env.stack.db, { username, displayName: `Test ${role}`, role, password });
  return { staffId, username, password };
}

/** Signs in through the form and lands on the console home. */
async function signIn(role: StaffRole) {
  const who = await account(role);
  await signInThroughForm(env.page, env.stack.baseUrl, { ...who, role });
  return who;
}

/** Reloads the request page until its status is `status`. */
async function untilStatus(status: string) {
  const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
  while ((await env.page.getAttribute('#request-status', 'data-status')) !== status) {
    if (Date.now() > deadline) throw new Error(`The request page never showed ${status}.`);
    await env.page.waitForTimeout(500);
    await env.page.reload();
  }
}

describe('the staff console in a browser', () => {
  test('when an agent opens an access request by phone with an evidence note, then it is listed under my requests with its deadline and recorded as attested', async () => {
    const agent = await signIn('agent');
    await screenshot(env.page, 'console-1-agent-home');
    await env.page.getByRole('link', { name: 'Open a request' }).first().click();
    const email = `subject-${randomUUID()}@example.org`;
    const note = 'Caller confirmed date of birth and the last order number.';
    await env.page.getByLabel('Access (a copy of the data)').check();
    await env.page.getByLabel('Where the subject lives (picks the regime)').selectOption('CN');
    await env.page.getByLabel('Subject’s e-mail address').fill(email);
    await env.page.getByLabel('Language of the replies').selectOption('en');
    await env.page.getByRole('radio', { name: 'Phone' }).check();
    await env.page.getByLabel('Evidence of identity').fill(note);
    await screenshot(env.page, 'console-2-new-request');
    await env.page.getByRole('button', { name: 'Open the request' }).click();

    await env.page.waitForURL(/\/console\/requests\/[0-9a-f-]{36}\?done=opened$/);
    const requestId = /\/console\/requests\/([0-9a-f-]{36})/.exec(env.page.url())![1]!;
    await expect(env.page.textContent('.flash')).resolves.toContain('The request was opened');
    await screenshot(env.page, 'console-3-request-opened');

    const row = await eventually(async () => {
      const r = await env.stack.db.dsrRequest.findUnique({ where: { id: requestId } });
      return r?.dueAt ? r : null;
    });
    expect(row).toMatchObject({ type: 'ACCESS', channel: 'PHONE', attestedBy: agent.staffId, regime: 'CN_PIPL' });
    const attested = await eventually(() => env.stack.db.auditEvent.findFirst({ where: { requestId, action: 'IDENTITY_ATTESTED' } }));
    expect(attested).toMatchObject({ actor: `staff:${agent.staffId}`, reason: null });
    // The evidence note is an erasable note the event names, not text in the append-only trail.
    const kept = await env.stack.db.auditNote.findUniqueOrThrow({ where: { id: (attested!.details as { noteId: string }).noteId } });
    expect(createFieldCipher(env.stack.keyring).decrypt(kept.body!, 'AuditNote.body')).toBe(note);

    await env.page.getByRole('link', { name: 'My requests' }).first().click();
    const listed = env.page.locator('tr', { has: env.page.getByRole('link', { name: requestId.slice(0, 8) }) });
    await expect(listed.textContent()).resolves.toContain('Phone');
    await expect(listed.textContent()).resolves.toContain(formatDay(row.dueAt!.toISOString()));
    await screenshot(env.page, 'console-4-my-requests');
    expect(await env.page.content()).not.toContain(email);
  });

  test('when a store fails and the request is stuck, then compliance finds it in the queue, sees the failure and the timeline, retries the store and sees the request complete', async () => {
    partner.failing = true;
    const opener = await createStaffAndLogIn(env.stack, 'agent');
    const opened = await fetch(`${env.stack.baseUrl}/api/staff/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: opener.cookie, 'x-csrf-token': opener.csrfToken },
      // A deletion: each store's erase is its own task, which is what gets stuck.
      body: JSON.stringify({ email: `subject-${randomUUID()}@example.org`, type: 'DELETION', language: 'en', channel: 'EMAIL', evidenceNote: 'Replied from the address on file.' }),
    });
    const { requestId } = (await opened.json()) as { requestId: string };
    // Four eyes: a second person (compliance) approves the attested deletion first.
    const approver = await createStaffAndLogIn(env.stack, 'compliance');
    await eventually(async () => (await env.stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_APPROVAL', COMPLETION_TIMEOUT_MS);
    await fetch(`${env.stack.baseUrl}/api/staff/requests/${requestId}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: approver.cookie, 'x-csrf-token': approver.csrfToken },
      body: JSON.stringify({ approve: true, reason: 'Evidence note checked.' }),
    });
    await eventually(async () => (await env.stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.stuck === true, COMPLETION_TIMEOUT_MS);

    await signIn('compliance');
    await env.page.getByRole('link', { name: 'Review queue' }).first().click();
    await env.page.getByRole('link', { name: 'Stuck', exact: true }).click();
    await expect(env.page.locator('a[aria-current=page]').textContent()).resolves.toBe('Stuck');
    // Latest deadline first, so this request tops the list whatever else is stuck.
    await env.page.getByRole('link', { name: /change the order/ }).click();
    await expect(env.page.locator('th[aria-sort]').getAttribute('aria-sort')).resolves.toBe('descending');
    await screenshot(env.page, 'console-5-queue-stuck');
    await env.page.getByRole('link', { name: requestId.slice(0, 8) }).click();

    await expect(env.page.getAttribute('#request-status', 'data-status')).resolves.toBe('STUCK');
    const store = env.page.locator('#store-partner-crm');
    await expect(store.textContent()).resolves.toContain('Failed');
    await expect(store.textContent()).resolves.toContain('HTTP 503');
    await expect(env.page.locator('#timeline-h + ol').textContent()).resolves.toContain('Request received by staff');
    await screenshot(env.page, 'console-6-request-stuck');

    partner.failing = false;
    await env.page.getByRole('button', { name: 'Retry partner-crm' }).click();
    await expect(env.page.textContent('.flash')).resolves.toContain('The store is being tried again.');
    await untilStatus('COMPLETED');
    await expect(env.page.locator('#store-partner-crm').textContent()).resolves.toContain('Done');
    await screenshot(env.page, 'console-7-request-completed');
    const retried = await env.stack.db.auditEvent.findMany({ where: { requestId, actor: { startsWith: 'staff:' } } });
    expect(retried.map((e) => e.action)).toEqual(expect.arrayContaining([expect.stringMatching(/RETRY/)]));
  });

  test('when an admin signs in, then the staff list and the data map are shown, and a new account can be created', async () => {
    const admin = await signIn('admin');
    await env.page.getByRole('link', { name: 'Staff accounts' }).first().click();
    await expect(env.page.locator('table').first().textContent()).resolves.toContain(admin.username);
    const username = `new-${randomUUID().slice(0, 8)}`;
    await env.page.getByLabel('Username', { exact: true }).fill(username);
    await env.page.getByLabel('Display name').fill('Chen Jie');
    await env.page.getByLabel('Role', { exact: true }).selectOption('compliance');
    await env.page.getByLabel('First password').fill('a long enough password');
    await env.page.getByRole('button', { name: 'Create the account' }).click();
    await expect(env.page.textContent('.flash')).resolves.toBe('The account was created.');
    await expect(env.page.locator('table').first().textContent()).resolves.toContain(username);
    expect(await env.stack.db.staffAccount.findUnique({ where: { username } })).toMatchObject({ role: 'compliance', displayName: 'Chen Jie' });
    await screenshot(env.page, 'console-8-staff-accounts');

    await env.page.getByRole('link', { name: 'Data map' }).first().click();
    await expect(env.page.getByRole('heading', { name: 'customer-accounts' }).count()).resolves.toBe(1);
    await expect(env.page.textContent('main')).resolves.toContain('Erased by');
    await screenshot(env.page, 'console-9-data-map');
  });

  test('when the password is wrong, then the sign-in page says so; when an agent opens the review queue, then it is refused with a 403 page', async () => {
    const agent = await account('agent');
    const login = await env.page.goto(`${env.stack.baseUrl}/console/login`);
    expect(login?.headers()['content-security-policy']).toBe(CSP);
    expect(login?.headers()['x-frame-options']).toBe('DENY');
    await env.page.getByLabel('Username').fill(agent.username);
    await env.page.getByLabel('Password').fill('not the password');
    await env.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(env.page.textContent('#login-error')).resolves.toBe('The username or password is not correct.');
    await expect(env.page.getByLabel('Username').inputValue()).resolves.toBe(agent.username);
    await screenshot(env.page, 'console-10-login-error');

    await env.page.getByLabel('Password').fill(agent.password);
    await env.page.getByRole('button', { name: 'Sign in' }).click();
    await env.page.waitForURL(`${env.stack.baseUrl}/console`);
    expect(await env.page.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
    const refused = await env.page.goto(`${env.stack.baseUrl}/console/queue`);
    expect(refused?.status()).toBe(403);
    await expect(env.page.textContent('main')).resolves.toContain('The agent role may not open this page.');
    await screenshot(env.page, 'console-11-forbidden');
  });
});
