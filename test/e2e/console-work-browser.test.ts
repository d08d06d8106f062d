// Working a request in the console, in Debian's Chromium on the real stack: a compliance
// officer finds a request by the subject's e-mail address (looked up through the keyed hash,
// posted, never in a URL), assigns it, adds an internal note and reads the timeline in
// sentences, with no JSON on the page; an agent switches the console to Chinese.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { StaffRole } from '../../server/staff/roles';
import { consoleText } from '../../server/pages/console/console-text';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';
import { launchBrowser, screenshot } from '../support/browser';
import { eventually } from '../support/http';
import { overflowingElements, overflowsViewport, PHONE, textProblems } from '../support/page-checks';
import { createStaffAndLogIn, startStack, type Stack } from '../support/stack';
import { signInThroughForm } from '../support/console-form-sign-in';

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

/** A new account of the role, signed in through the form. */
async function signIn(role: StaffRole, displayName: string) {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  const { staffId } = await createStaffAccount(stack.db, { username, displayName, role, password });
  await signInThroughForm(page, stack.baseUrl, { username, password, role });
  return { staffId, displayName };
}

/** Database rows as text, to check no personal data is in any column (their ids are BigInts). */
const rowText = (rows: unknown) => JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** An access request an agent opened by phone for `email`, once it has its due date. */
async function openedByPhone(email: string, evidenceNote: string, phone?: string, type: 'ACCESS' | 'DELETION' = 'ACCESS') {
  const agent = await createStaffAndLogIn(stack, 'agent');
  await stack.db.staffAccount.update({ where: { id: agent.staffId }, data: { displayName: 'Li Na' } });
  const res = await fetch(`${stack.baseUrl}/api/staff/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    body: JSON.stringify({ email, type, language: 'en', channel: 'PHONE', evidenceNote, ...(phone && { phone }) }),
  });
  expect(res.status).toBe(202);
  const { requestId } = (await res.json()) as { requestId: string };
  await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.dueAt ?? null);
  return requestId;
}

describe('working a request in the console', () => {
  test('when a compliance officer searches by the subject’s e-mail, then the request is found; assigning it to themselves, adding a note and reading the timeline show names and sentences, never JSON', async () => {
    const email = `caller-${randomUUID()}@example.org`;
    const requestId = await openedByPhone(email, 'passport checked at the front desk');
    const officer = await signIn('compliance', 'Wang Fang');

    await page.getByRole('link', { name: 'Review queue' }).first().click();
    await page.getByLabel(/the subject’s e-mail address/).fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Find' }).click();
    // The address was posted: it is in no URL the browser or a log would keep.
    expect(page.url()).toBe(`${stack.baseUrl}/console/find`);
    await screenshot(page, 'console-work-1-found-by-email');
    const found = page.locator('tbody tr');
    await expect(found.count()).resolves.toBe(1);
    await page.getByRole('link', { name: requestId.slice(0, 8) }).click();
    await page.waitForURL(`${stack.baseUrl}/console/requests/${requestId}`);

    await page.getByRole('button', { name: 'Assign to me' }).click();
    await expect(page.textContent('.flash')).resolves.toBe('The owner was assigned.');
    await expect(page.textContent('#request-owner')).resolves.toBe('Wang Fang (compliance)');
    await expect(stack.db.requestOwner.findUnique({ where: { requestId } })).resolves.toMatchObject({ staffId: officer.staffId, assignedBy: officer.staffId });

    const note = 'Caller asked for the copy by post as well; told them it comes by e-mail.';
    await page.getByLabel('New note').fill(note);
    await page.getByRole('button', { name: 'Add the note' }).click();
    await expect(page.textContent('.flash')).resolves.toBe('The note was added.');
    await expect(page.textContent('#notes')).resolves.toContain(note);
    // The note is kept encrypted in the erasable table; the trail only names it.
    const added = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'NOTE_ADDED' } });
    expect(added).toMatchObject({ actor: `staff:${officer.staffId}`, reason: null });
    const kept = await stack.db.auditNote.findUniqueOrThrow({ where: { id: (added.details as { noteId: string }).noteId } });
    expect(kept.body).not.toContain('Caller');
    expect(createFieldCipher(stack.keyring).decrypt(kept.body!, 'AuditNote.body')).toBe(note);

    const timeline = (await page.locator('#timeline-h + ol').textContent()) ?? '';
    expect(timeline).toContain('Identity attested by Li Na (agent): passport checked at the front desk');
    expect(timeline).toContain('Owner assigned by Wang Fang (compliance)');
    expect(timeline).toContain(`Internal note added by Wang Fang (compliance): ${note}`);
    // Numbered once, by the list itself.
    expect(timeline).not.toMatch(/\b1\.\s*1\./);
    await expect(textProblems(page)).resolves.toEqual([]);
    expect(await page.content()).not.toContain(email);
    await screenshot(page, 'console-work-2-request-assigned-noted');

    // At phone width the request page (its store table included) stays within the screen.
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(overflowsViewport(page)).resolves.toBe(false);
    await screenshot(page, 'console-work-3-request-phone');
  });

  test('when a compliance officer searches by the subject’s telephone number in another spelling, then only that subject’s request is found, and the number is in no URL, page or audit row', async () => {
    // Unique national numbers, so requests left by other tests never match.
    const digits = String(Date.now()).slice(-8);
    const wanted = await openedByPhone(`caller-${randomUUID()}@example.org`, 'called from the number on file', `+86 138 ${digits.slice(0, 4)} ${digits.slice(4)}`);
    const other = await openedByPhone(`caller-${randomUUID()}@example.org`, 'called from the number on file', `+86 139 ${digits.slice(0, 4)} ${digits.slice(4)}`);
    await signIn('compliance', 'Wang Fang');

    await page.getByRole('link', { name: 'Review queue' }).first().click();
    const spelledOtherwise = `0086 (138) ${digits.slice(0, 4)}-${digits.slice(4)}`;
    await page.getByLabel(/telephone number/).fill(spelledOtherwise);
    await page.getByRole('button', { name: 'Find' }).click();
    expect(page.url()).toBe(`${stack.baseUrl}/console/find`);
    await screenshot(page, 'console-work-4-found-by-phone');
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: wanted.slice(0, 8) }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: other.slice(0, 8) }).count()).resolves.toBe(0);
    const html = await page.content();
    expect(html).not.toContain(digits);
    expect(html).not.toContain(`${digits.slice(0, 4)}-${digits.slice(4)}`);

    // A number intake would refuse (no country code) is a clear 422 with the form again, never a 500.
    await page.getByLabel(/telephone number/).fill(`138 ${digits}`);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.textContent('main')).resolves.toContain('telephone number with its country code');
    const audit = await stack.db.auditEvent.findMany({ where: { requestId: { in: [wanted, other] } } });
    expect(rowText(audit)).not.toContain(digits);
  });

  test('when a compliance officer clicks to show the subject’s contact, then the e-mail address appears and the view is audited with no personal data; an agent who did not open the request has no such button', async () => {
    const email = `caller-${randomUUID()}@example.org`;
    const requestId = await openedByPhone(email, 'passport checked at the front desk');
    const officer = await signIn('compliance', 'Wang Fang');
    await page.goto(`${stack.baseUrl}/console/requests/${requestId}`);
    // Never rendered without the click.
    expect(await page.content()).not.toContain(email);
    await expect(stack.db.auditEvent.count({ where: { requestId, action: 'CONTACT_VIEWED' } })).resolves.toBe(0);

    await page.getByRole('button', { name: /Show the e-mail address/ }).click();
    await expect(page.textContent('#subject-contact')).resolves.toContain(email);
    // The answer to the post itself: the address is in no URL.
    expect(page.url()).toBe(`${stack.baseUrl}/console/requests/${requestId}/contact`);
    await expect(textProblems(page)).resolves.toEqual([]);
    await screenshot(page, 'console-work-5-contact-shown');
    const viewed = await stack.db.auditEvent.findMany({ where: { requestId, action: 'CONTACT_VIEWED' } });
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ actor: `staff:${officer.staffId}`, reason: null });
    expect(rowText(viewed[0])).not.toContain(email.split('@')[0]!);

    // The timeline names the view in words.
    await page.goto(`${stack.baseUrl}/console/requests/${requestId}`);
    await expect(page.locator('#timeline-h + ol').textContent()).resolves.toContain('Subject’s contact viewed by Wang Fang (compliance)');
    expect(await page.content()).not.toContain(email);

    await page.context().clearCookies();
    await signIn('agent', 'Zhou Min');
    await page.goto(`${stack.baseUrl}/console/requests/${requestId}`);
    await expect(page.getByRole('button', { name: /Show the e-mail address/ }).count()).resolves.toBe(0);
  });

  test('when a request has its deletion certificate or its access package, then compliance opens each from the request page in one click, as words and tables, never JSON', async () => {
    // A subject the demo estate knows, so the access request has something to send.
    const known = `caller-${randomUUID()}@example.org`;
    await stack.db.customerAccount.create({ data: { email: known, fullName: 'Chen Jing', phone: '+86 137 0000 0042', plan: 'enterprise' } });
    const access = await openedByPhone(known, 'passport checked at the front desk');
    const deletion = await openedByPhone(`caller-${randomUUID()}@example.org`, 'passport checked at the front desk', undefined, 'DELETION');
    await signIn('compliance', 'Wang Fang');

    // The attested erasure waits for a second person: this officer approves it on its page.
    await eventually(async () => ((await stack.db.dsrRequest.findUnique({ where: { id: deletion } }))?.status === 'AWAITING_APPROVAL' ? true : null));
    await page.goto(`${stack.baseUrl}/console/requests/${deletion}`);
    await page.getByLabel(/Approve: the attested identity stands/).check();
    await page.getByLabel('Why', { exact: true }).fill('Passport seen by the agent, checked against the account.');
    await page.getByRole('button', { name: 'Record the answer' }).click();
    const certificate = await eventually(() => stack.db.deletionCertificate.findUnique({ where: { requestId: deletion } }));

    await page.goto(`${stack.baseUrl}/console/requests/${deletion}`);
    await page.getByRole('link', { name: 'Deletion certificate' }).click();
    await page.waitForURL(`${stack.baseUrl}/console/requests/${deletion}/certificate`);
    const body = certificate.body as { stores: unknown[]; totals: { erased: number } };
    await expect(page.locator('#certificate-stores tbody tr').count()).resolves.toBe(body.stores.length);
    await expect(page.textContent('#certificate-totals')).resolves.toContain(`${body.totals.erased} erased`);
    await expect(textProblems(page)).resolves.toEqual([]);
    await screenshot(page, 'console-work-6-certificate');

    const pkg = await eventually(() => stack.db.accessPackage.findUnique({ where: { requestId: access } }));
    await page.goto(`${stack.baseUrl}/console/requests/${access}`);
    // A request without a certificate links none.
    await expect(page.getByRole('link', { name: 'Deletion certificate' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Access package manifest' }).click();
    await page.waitForURL(`${stack.baseUrl}/console/requests/${access}/package`);
    await expect(page.locator('#manifest-contents tbody tr').count()).resolves.toBe((pkg.contents as unknown[]).length);
    await expect(textProblems(page)).resolves.toEqual([]);
    await screenshot(page, 'console-work-7-manifest');
  });

  test('when an agent chooses Chinese, then it is kept on their account and the console speaks Chinese: dashboard, their requests and the request page', async () => {
    const email = `caller-${randomUUID()}@example.org`;
    const agent = await signIn('agent', '李娜');
    await page.goto(`${stack.baseUrl}/console/requests/new`);
    await page.getByLabel('Access (a copy of the data)').check();
    await page.getByLabel('Where the subject lives (picks the regime)').selectOption('CN');
    await page.getByLabel('Subject’s e-mail address').fill(email);
    await page.getByRole('radio', { name: 'Phone' }).check();
    await page.getByLabel('Evidence of identity').fill('核对了身份证');
    await page.getByRole('button', { name: 'Open the request' }).click();
    await page.waitForURL(/\/console\/requests\/[0-9a-f-]{36}\?done=opened$/);
    const requestId = /\/console\/requests\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    await page.getByRole('button', { name: '中文' }).click();
    await page.waitForURL(`${stack.baseUrl}/console?done=language-set`);
    await expect(stack.db.staffAccount.findUniqueOrThrow({ where: { id: agent.staffId } })).resolves.toMatchObject({ language: 'zh' });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.textContent('h1')).resolves.toBe('概览');
    await expect(page.textContent('#count-overdue + *, #needs-h ~ div')).resolves.toContain('逾期');
    await screenshot(page, 'console-zh-1-dashboard');

    await page.getByRole('link', { name: '我的请求' }).click();
    const row = page.locator('tr', { has: page.getByRole('link', { name: requestId.slice(0, 8) }) });
    await expect(row.textContent()).resolves.toContain('查阅');
    await expect(row.textContent()).resolves.toContain('电话');
    await screenshot(page, 'console-zh-2-mine');

    await page.getByRole('link', { name: requestId.slice(0, 8) }).click();
    await expect(page.textContent('h1')).resolves.toBe(`请求 ${requestId.slice(0, 8)}`);
    await expect(page.textContent('#owner-h')).resolves.toBe('负责人');
    await expect(textProblems(page)).resolves.toEqual([]);
    await screenshot(page, 'console-zh-3-request');

    // The choice is the account's: a new session opens in Chinese.
    await page.context().clearCookies();
    await page.goto(`${stack.baseUrl}/console/login`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  test('when every console page is opened by compliance and an admin, in English and Chinese, at a desktop’s width and a phone’s, then none shows JSON or a staff id, and none runs past the edge; an agent in Chinese opens a request through a form with none of its English words left', async () => {
    const requestId = await openedByPhone(`caller-${randomUUID()}@example.org`, 'passport checked at the front desk');
    const officer = await signIn('compliance', 'Wang Fang');
    const views = ['open', 'all', 'stuck', 'failing', 'overdue', 'due-soon', 'awaiting-decision', 'awaiting-approval'];
    const compliancePages: Array<[string, string]> = [
      ['dashboard', '/console'],
      ['dashboard-30', '/console?period=30'],
      ['new-request', '/console/requests/new'],
      ['mine', '/console/mine'],
      ...views.map((v): [string, string] => [`queue-${v}`, `/console/queue?view=${v}`]),
      ['queue-filtered', '/console/queue?view=all&type=ACCESS&channel=PHONE&status=COMPLETED'],
      ['request', `/console/requests/${requestId}`],
      ['data-map', '/console/admin/data-map'],
      ['profile', '/console/admin/profile'],
      ['not-found', '/console/nothing-here'],
    ];
    const formWords = [...Object.values(consoleText('en').forms), ...Object.values(consoleText('en').forms.decisions)].filter((v): v is string => typeof v === 'string' && v.length > 8);
    // Long phrases only: store names and descriptions in the data map are the estate's own (English) words.
    const adminWords = [...Object.values(consoleText('en').admin), ...Object.values(consoleText('en').profile)].filter((v): v is string => typeof v === 'string' && v.length > 12);
    const walk = async (who: string, staffId: string, pages: Array<[string, string]>) => {
      for (const lang of ['en', 'zh'] as const) {
        await stack.db.staffAccount.update({ where: { id: staffId }, data: { language: lang } });
        for (const size of [{ width: 1280, height: 900 }, PHONE]) {
          await page.setViewportSize(size);
          for (const [name, path] of pages) {
            await page.goto(`${stack.baseUrl}${path}`);
            // An unknown address is answered before the session is read, so in English.
            if (name !== 'not-found') expect(await page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
            const problems = [...(await textProblems(page)), ...((await overflowsViewport(page)) ? [`wider than the screen: ${(await overflowingElements(page)).join(', ')}`] : [])];
            expect({ page: path, problems }).toEqual({ page: path, problems: [] });
            const english = lang === 'zh' ? (name === 'request' ? formWords : name === 'staff' || name === 'data-map' || name === 'profile' ? adminWords : []) : [];
            if (english.length > 0) {
              // The legal sections and their forms (folded away, still in the page), the admin pages: in Chinese.
              const text = (await page.textContent('main')) ?? '';
              expect({ page: path, untranslated: english.filter((words) => text.includes(words)) }).toEqual({ page: path, untranslated: [] });
            }
            await screenshot(page, `console-walk-${who}-${lang}-${size.width}-${name}`);
          }
        }
      }
    };
    await walk('compliance', officer.staffId, compliancePages);
    // The search's answer is a posted page: reached through its form.
    await page.goto(`${stack.baseUrl}/console/queue`);
    await page.getByLabel(/the subject’s e-mail address|电子邮件地址/).fill(requestId.slice(0, 4));
    await page.locator('form[role=search] button').click();
    await expect(textProblems(page)).resolves.toEqual([]);
    await screenshot(page, 'console-walk-compliance-find-refused');

    await page.context().clearCookies();
    const admin = await signIn('admin', 'Zhao Lei');
    await walk('admin', admin.staffId, [['staff', '/console/admin/staff'], ['dashboard', '/console'], ['request', `/console/requests/${requestId}`]]);
    // An agent who chose Chinese: the new-request form and the request page carry none of the
    // English words the label maps translate (the form, the contact section).
    await page.context().clearCookies();
    const agent = await signIn('agent', '李娜');
    await stack.db.staffAccount.update({ where: { id: agent.staffId }, data: { language: 'zh' } });
    const en = consoleText('en');
    const english = [...Object.values(en.newRequest), ...Object.values(en.newRequest.rights), ...Object.values(en.newRequest.channels), en.contact, en.showContact, en.forms.legalForCompliance]
      .filter((v): v is string => typeof v === 'string');
    const agentRequest = await (async () => {
      await page.goto(`${stack.baseUrl}/console/requests/new`);
      await page.getByLabel('查阅（获取数据副本）').check();
      await page.getByLabel('数据主体的居住地（决定适用的法律）').selectOption('CN');
      await page.getByLabel('数据主体的电子邮件地址').fill(`caller-${randomUUID()}@example.org`);
      await page.getByRole('radio', { name: '电话' }).check();
      await page.getByLabel('身份证明').fill('核对了身份证');
      await screenshot(page, 'console-walk-agent-zh-new-request');
      const formText = (await page.textContent('main')) ?? '';
      await page.getByRole('button', { name: '登记请求' }).click();
      await page.waitForURL(/\/console\/requests\/[0-9a-f-]{36}\?done=opened$/);
      return { formText, id: /\/console\/requests\/([0-9a-f-]{36})/.exec(page.url())![1]! };
    })();
    const requestText = (await page.textContent('main')) ?? '';
    await expect(page.getByRole('button', { name: '显示电子邮件地址（查看会被记录）' }).count()).resolves.toBe(1);
    for (const [name, text] of [['new-request', agentRequest.formText], ['request', requestText]] as const) {
      expect({ page: name, untranslated: english.filter((words) => text.includes(words)) }).toEqual({ page: name, untranslated: [] });
    }
    await expect(textProblems(page)).resolves.toEqual([]);
    await screenshot(page, 'console-walk-agent-zh-request');

    await page.context().clearCookies();
    await page.goto(`${stack.baseUrl}/console/login`);
    await expect(textProblems(page)).resolves.toEqual([]);
    await screenshot(page, 'console-walk-login');
  });
});
