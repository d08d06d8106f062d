// Signing a member of staff in through the console's forms, as a person does in the browser:
// the password, then for compliance and admin the authenticator step, where the test plays the
// app with the secret the page shows at the first sign-in.
import type { Page } from 'playwright-core';
import type { StaffRole } from '../../server/staff/roles';
import { totpCodeAt } from '../../server/staff/totp';

export async function signInThroughForm(page: Page, baseUrl: string, who: { username: string; password: string; role: StaffRole }): Promise<void> {
  await page.goto(`${baseUrl}/console/login`);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (who.role !== 'agent') {
    const secret = (await page.locator('#totp-secret').textContent())!;
    await page.getByLabel('Code').fill(await totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL(`${baseUrl}/console`);
}
