// The subject portal in a real browser (Debian's Chromium) on the real stack: Temporal,
// PostgreSQL and SMTP. The subject fills the form, reads the mailed code, types it in and
// follows the status page, as a person would, without any JavaScript of ours.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { codeIn, eventually } from '../support/http';
import { startStack, type Stack } from '../support/stack';

const COMPLETION_TIMEOUT_MS = 60_000;

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

let page: Page;
beforeEach(async () => {
  page = await browser.newPage();
});
afterEach(async () => page?.close());

const newEmail = () => `subject-${randomUUID()}@example.org`;
const codeMailFor = async (email: string) =>
  codeIn((await stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject))).text);

/** Fills and sends the English form; returns the request id from the status page it lands on. */
async function submitDeletion(email: string): Promise<string> {
  await page.getByLabel('Delete my personal information').check();
  await page.getByLabel('Where do you live?').selectOption('CN');
  await page.getByLabel('Your e-mail address').fill(email);
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.waitForURL(/\/portal\/requests\/[0-9a-f-]{36}\?token=/);
  return /\/portal\/requests\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

describe('the subject portal in a browser', () => {
  test('when a subject asks for deletion and types the mailed code, then the status page follows the request to completion and the account is gone', async () => {
    const email = newEmail();
    await stack.db.customerAccount.create({ data: { email, fullName: 'Zhang Min', phone: '+86 139 0000 0000', plan: 'starter' } });

    const response = await page.goto(`${stack.baseUrl}/portal?lang=en`);
    expect(response?.headers()['content-security-policy']).toBe("default-src 'self'; style-src 'self' 'unsafe-inline'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, '1-request-form');

    const requestId = await submitDeletion(email);
    const code = await codeMailFor(email);
    // The page reloads itself until the workflow asks for the code.
    const codeField = page.getByLabel('Verification code');
    await codeField.waitFor({ timeout: 20_000 });
    await expect(page.locator('li[aria-current=step]').textContent()).resolves.toContain('Identity check');
    await expect(page.textContent('main')).resolves.toContain('We answer by');
    await screenshot(page, '2-status-awaiting-code');

    await codeField.fill(code);
    await codeField.press('Enter');
    const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
    while (!((await page.textContent('main')) ?? '').includes('Completed:')) {
      if (Date.now() > deadline) throw new Error('The status page never showed the request completed.');
      await page.waitForTimeout(500);
      await page.reload();
    }
    await screenshot(page, '3-status-completed');
    expect(await page.locator('meta[http-equiv=refresh]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Withdraw my request' }).count()).toBe(0);
    expect(await page.content()).not.toContain(email);

    const row = await eventually(async () => {
      const r = await stack.db.dsrRequest.findUnique({ where: { id: requestId } });
      return r?.status === 'COMPLETED' ? r : null;
    });
    expect(row.type).toBe('DELETION');
    expect(row.regime).toBe('CN_PIPL');
    expect(await stack.db.customerAccount.findUnique({ where: { email } })).toBeNull();
  });

  test('when a wrong code is typed, then the error shows next to the field and the request still awaits verification', async () => {
    const email = newEmail();
    // Chinese by default; the subject switches to English with the link in the header.
    await page.goto(`${stack.baseUrl}/portal`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.getByLabel('您的电子邮箱').count()).resolves.toBe(1);
    await screenshot(page, '4-request-form-zh');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    const requestId = await submitDeletion(email);
    const code = await codeMailFor(email);
    const codeField = page.getByLabel('Verification code');
    await codeField.waitFor({ timeout: 20_000 });
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm' }).click();

    await expect(page.locator('#code-error').textContent()).resolves.toBe('That code is not correct.');
    await expect(codeField.getAttribute('aria-describedby')).resolves.toBe('code-error');
    await expect(codeField.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, '5-status-wrong-code');
    expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('AWAITING_VERIFICATION');
  });

  test('when the form is sent with a bad address and no right chosen, then it comes back with each error next to its field and the values kept', async () => {
    const before = await stack.db.dsrRequest.count();
    await page.goto(`${stack.baseUrl}/portal?lang=en`);
    await page.getByLabel('Where do you live?').selectOption('DE');
    await page.getByLabel('Your e-mail address').fill('<script>alert(1)</script>');
    await page.getByRole('button', { name: 'Send request' }).click();

    const email = page.getByLabel('Your e-mail address');
    await expect(email.inputValue()).resolves.toBe('<script>alert(1)</script>');
    await expect(email.getAttribute('aria-describedby')).resolves.toBe('email-hint email-error');
    await expect(page.locator('#email-error').textContent()).resolves.toMatch(/e-mail address/);
    await expect(page.locator('#type-error').textContent()).resolves.toBe('Choose what you ask for.');
    await expect(page.getByLabel('Where do you live?').inputValue()).resolves.toBe('DE');
    await screenshot(page, '6-request-form-errors');
    expect(await stack.db.dsrRequest.count()).toBe(before);
  });
});
