// The subject portal in a real browser (Debian's Chromium) on the real stack: Temporal,
// PostgreSQL and SMTP. The subject fills the form, reads the mailed code, types it in and
// follows the status page, as a person would, without any JavaScript of ours.
import { randomUUID } from 'node:crypto';
import { screenshot } from '../support/browser';
import { useBrowserStack } from '../support/browser-stack';
import { codeIn, eventually } from '../support/http';

const COMPLETION_TIMEOUT_MS = 60_000;

const env = useBrowserStack();

const newEmail = () => `subject-${randomUUID()}@example.org`;
const codeMailFor = async (email: string) =>
  codeIn((await env.stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject))).text);

/** Fills and sends the English form; returns the request id from the status page it lands on. */
async function submitDeletion(email: string): Promise<string> {
  await env.page.getByLabel('Delete my personal information').check();
  await env.page.getByLabel('Where do you live?').selectOption('CN');
  await env.page.getByLabel('Your e-mail address').fill(email);
  await env.page.getByRole('button', { name: 'Send request' }).click();
  await env.page.waitForURL(/\/portal\/requests\/[0-9a-f-]{36}\?token=/);
  return /\/portal\/requests\/([0-9a-f-]{36})/.exec(env.page.url())![1]!;
}

describe('the subject portal in a browser', () => {
  test('when a subject asks for deletion and types the mailed code, then the status page follows the request to completion and the account is gone', async () => {
    const email = newEmail();
    await env.stack.db.customerAccount.create({ data: { email, fullName: 'Zhang Min', phone: '+86 139 0000 0000', plan: 'starter' } });

    const response = await env.page.goto(`${env.stack.baseUrl}/portal?lang=en`);
    expect(response?.headers()['content-security-policy']).toBe("default-src 'self'; style-src 'self' 'unsafe-inline'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(await env.page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(env.page, '1-request-form');

    const requestId = await submitDeletion(email);
    const code = await codeMailFor(email);
    // The page reloads itself until the workflow asks for the code.
    const codeField = env.page.getByLabel('Verification code');
    await codeField.waitFor({ timeout: 20_000 });
    await expect(env.page.locator('li[aria-current=step]').textContent()).resolves.toContain('Identity check');
    await expect(env.page.textContent('main')).resolves.toContain('We answer by');
    await screenshot(env.page, '2-status-awaiting-code');

    await codeField.fill(code);
    await codeField.press('Enter');
    const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
    while (!((await env.page.textContent('main')) ?? '').includes('Completed:')) {
      if (Date.now() > deadline) throw new Error('The status page never showed the request completed.');
      await env.page.waitForTimeout(500);
      await env.page.reload();
    }
    await screenshot(env.page, '3-status-completed');
    expect(await env.page.locator('meta[http-equiv=refresh]').count()).toBe(0);
    expect(await env.page.getByRole('button', { name: 'Withdraw my request' }).count()).toBe(0);
    expect(await env.page.content()).not.toContain(email);

    const row = await eventually(async () => {
      const r = await env.stack.db.dsrRequest.findUnique({ where: { id: requestId } });
      return r?.status === 'COMPLETED' ? r : null;
    });
    expect(row.type).toBe('DELETION');
    expect(row.regime).toBe('CN_PIPL');
    expect(await env.stack.db.customerAccount.findUnique({ where: { email } })).toBeNull();
  });

  test('when a wrong code is typed, then the error shows next to the field and the request still awaits verification', async () => {
    const email = newEmail();
    // Chinese by default; the subject switches to English with the link in the header.
    await env.page.goto(`${env.stack.baseUrl}/portal`);
    expect(await env.page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(env.page.getByLabel('您的电子邮箱').count()).resolves.toBe(1);
    await screenshot(env.page, '4-request-form-zh');
    await env.page.getByRole('link', { name: 'English' }).click();
    expect(await env.page.getAttribute('html', 'lang')).toBe('en');

    const requestId = await submitDeletion(email);
    const code = await codeMailFor(email);
    const codeField = env.page.getByLabel('Verification code');
    await codeField.waitFor({ timeout: 20_000 });
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await env.page.getByRole('button', { name: 'Confirm' }).click();

    await expect(env.page.locator('#code-error').textContent()).resolves.toBe('That code is not correct.');
    await expect(codeField.getAttribute('aria-describedby')).resolves.toBe('code-error');
    await expect(codeField.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(env.page, '5-status-wrong-code');
    expect((await env.stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('AWAITING_VERIFICATION');
  });

  test('when the form is sent with a bad address and no right chosen, then it comes back with each error next to its field and the values kept', async () => {
    const before = await env.stack.db.dsrRequest.count();
    await env.page.goto(`${env.stack.baseUrl}/portal?lang=en`);
    await env.page.getByLabel('Where do you live?').selectOption('DE');
    await env.page.getByLabel('Your e-mail address').fill('<script>alert(1)</script>');
    await env.page.getByRole('button', { name: 'Send request' }).click();

    const email = env.page.getByLabel('Your e-mail address');
    await expect(email.inputValue()).resolves.toBe('<script>alert(1)</script>');
    await expect(email.getAttribute('aria-describedby')).resolves.toBe('email-hint email-error');
    await expect(env.page.locator('#email-error').textContent()).resolves.toMatch(/e-mail address/);
    await expect(env.page.locator('#type-error').textContent()).resolves.toBe('Choose what you ask for.');
    await expect(env.page.getByLabel('Where do you live?').inputValue()).resolves.toBe('DE');
    await screenshot(env.page, '6-request-form-errors');
    expect(await env.stack.db.dsrRequest.count()).toBe(before);
  });
});
