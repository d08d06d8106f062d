// The portal's manage form in Debian's Chromium on the real stack (Temporal, PostgreSQL, SMTP):
// the subject picks the use of their data and what they want, types the mailed code, and the
// consent register (a declared SQL store) records the withdrawal; a form without a purpose is
// shown again with the error next to the field.
import { randomUUID } from 'node:crypto';
import { createStoreRegistry } from '../../stores/registry';
import type { SqlDb } from '../../stores/sql/connect';
import { screenshot } from '../support/browser';
import { useBrowserStack } from '../support/browser-stack';
import { consentRegisterStore, consentsOf, seedConsents } from '../support/consent-register';
import { testDb } from '../support/database';
import { openDemoStores } from '../support/demo-estate';
import { codeIn, eventually } from '../support/http';
import { loadDataMap } from '../../stores/data-map/validate';

const COMPLETION_TIMEOUT_MS = 60_000;
const db = testDb();
let sqlDb: SqlDb;
let demo: ReturnType<typeof openDemoStores> | undefined;
// The stores are opened when the file's tests start, and closed after the stack (declared after it).
const env = useBrowserStack({
  overrides: () => {
    const register = consentRegisterStore();
    sqlDb = register.sqlDb;
    demo = openDemoStores();
    return { stores: createStoreRegistry([...demo.stores, register.store]) };
  },
});
afterAll(async () => {
  await sqlDb?.destroy();
  await demo?.close();
  await db.$disconnect();
});

async function fillManage(email: string, purpose?: string) {
  await env.page.goto(`${env.stack.baseUrl}/portal?lang=en`);
  await env.page.getByLabel('Withdraw my consent to, restrict or object to a use of my personal information').check();
  if (purpose) await env.page.getByLabel(purpose).check();
  await env.page.getByLabel('Withdraw my consent', { exact: true }).check();
  await env.page.getByLabel('Where do you live?').selectOption('CN');
  await env.page.getByLabel('Your e-mail address').fill(email);
  await env.page.getByRole('button', { name: 'Send request' }).click();
}

describe('the portal manage form in a browser', () => {
  test('when a subject withdraws consent to marketing and types the mailed code, then the register says withdrawn, the other purposes stand and the reply says so in both languages', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    await seedConsents(db, email, { marketing: 'granted', 'affiliate-sharing': 'granted' });

    await fillManage(email, 'marketing messages (e-mail, text)');
    await env.page.waitForURL(/\/portal\/requests\/[0-9a-f-]{36}\?token=/);
    const requestId = /\/portal\/requests\/([0-9a-f-]{36})/.exec(env.page.url())![1]!;
    const code = codeIn((await env.stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject))).text);
    const codeField = env.page.getByLabel('Verification code');
    await codeField.waitFor({ timeout: 20_000 });
    await screenshot(env.page, 'manage-1-awaiting-code');
    await codeField.fill(code);
    await codeField.press('Enter');
    const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
    while (!((await env.page.textContent('main')) ?? '').includes('Completed:')) {
      if (Date.now() > deadline) throw new Error('The status page never showed the request completed.');
      await env.page.waitForTimeout(500);
      await env.page.reload();
    }
    await screenshot(env.page, 'manage-2-completed');

    const row = await eventually(async () => {
      const r = await db.dsrRequest.findUnique({ where: { id: requestId } });
      return r?.status === 'COMPLETED' ? r : null;
    });
    expect(row.type).toBe('MANAGE');
    expect(row.details).toEqual({ manage: { purposes: ['marketing'], action: 'WITHDRAW_CONSENT' } });
    expect(await consentsOf(db, email)).toEqual({ marketing: 'withdrawn', 'affiliate-sharing': 'granted' });
    const reply = await env.stack.mail.waitFor((m) => m.to.includes(email) && /how we process your personal information/.test(m.subject));
    expect(reply.text).toContain('- consent-register: consent withdrawn, 1 record updated');
    expect(reply.text).toContain('consent-register：已撤回同意，更新 1 条记录');
  });

  test('when the API is asked to manage a purpose the data map does not declare, then it answers 400 naming the declared ones and starts nothing; the portal offers exactly the declared ones', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    const post = (purposes: string[]) =>
      fetch(`${env.stack.baseUrl}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, type: 'MANAGE', residence: 'CN', language: 'en', manage: { purposes, action: 'OBJECT' } }) });
    const unknown = await post(['marketing', 'telemarketing']);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      message: 'This request names unknown purpose "telemarketing" (the data map declares: marketing, personalised-recommendations, affiliate-sharing, advertising-partners)',
    });
    expect((await post(['Marketing!'])).status).toBe(400);
    expect(env.stack.mail.messages().some((m) => m.to.includes(email))).toBe(false);

    for (const lang of ['en', 'zh'] as const) {
      await env.page.goto(`${env.stack.baseUrl}/portal?lang=${lang}`);
      const offered = await env.page.locator('input[type=checkbox][name^="purpose_"]').evaluateAll((boxes) => boxes.map((b) => (b as unknown as { name: string }).name));
      expect(offered).toEqual(loadDataMap().purposes.map((p) => `purpose_${p.id}`));
      for (const p of loadDataMap().purposes) await expect(env.page.getByLabel(p.label[lang], { exact: true }).count()).resolves.toBe(1);
    }
  });

  test('when the subject names no use, then the form comes back with the error next to the field and no request is made', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    await fillManage(email);
    await expect(env.page.locator('#manage-error').textContent()).resolves.toBe('Tick at least one use and choose what you want.');
    await expect(env.page.getByLabel('Your e-mail address').inputValue()).resolves.toBe(email);
    await screenshot(env.page, 'manage-3-form-error');
    // Nothing was started: no code was mailed to the address.
    expect(env.stack.mail.messages().some((m) => m.to.includes(email))).toBe(false);
  });
});
