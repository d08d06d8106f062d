// Working a request in the console, in Debian's Chromium on the real stack: a compliance
// officer finds a request by the subject's e-mail address (looked up through the keyed hash,
// posted, never in a URL), assigns it, adds an internal note and reads the timeline in
// sentences, with no JSON on the page; an agent switches the console to Chinese, and a Chinese
// agent and compliance officer work a stuck erasure with no English phrase left on any page.
import { randomUUID } from 'node:crypto';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { StaffRole } from '../../server/staff/roles';
import { consoleText } from '../../server/pages/console/console-text';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';
import { screenshot } from '../support/browser';
import { useBrowserStack } from '../support/browser-stack';
import { eventually } from '../support/http';
import { englishLeft, overflowingElements, overflowsViewport, PHONE, textProblems, visibleText } from '../support/page-checks';
import { createStaffAndLogIn } from '../support/stack';
import { signInThroughForm } from '../support/console-form-sign-in';
import { createStoreRegistry } from '../../stores/registry';
import { declaredDemoStores } from '../support/demo-estate';
import { PartnerStore } from '../support/partner-store';

// A partner's system beside the demo estate, told to fail when a test needs a stuck store.
const partner = new PartnerStore();
const demoStores = declaredDemoStores();
const env = useBrowserStack({ overrides: () => ({ stores: createStoreRegistry([...demoStores, partner]) }) });
beforeEach(() => {
  partner.failing = false;
});

/** A new account of the role, signed in through the form. */
async function signIn(role: StaffRole, displayName: string) {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  const { staffId } = await createStaffAccount(env.stack.db, { username, displayName, role, password });
  await signInThroughForm(env.page, env.stack.baseUrl, { username, password, role });
  return { staffId, displayName };
}

/** Database rows as text, to check no personal data is in any column (their ids are BigInts). */
const rowText = (rows: unknown) => JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** An access request an agent opened by phone for `email`, once it has its due date. */
async function openedByPhone(email: string, evidenceNote: string, phone?: string, type: 'ACCESS' | 'DELETION' = 'ACCESS') {
  const agent = await createStaffAndLogIn(env.stack, 'agent');
  await env.stack.db.staffAccount.update({ where: { id: agent.staffId }, data: { displayName: 'Li Na' } });
  const res = await fetch(`${env.stack.baseUrl}/api/staff/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    body: JSON.stringify({ email, type, language: 'en', channel: 'PHONE', evidenceNote, ...(phone && { phone }) }),
  });
  expect(res.status).toBe(202);
  const { requestId } = (await res.json()) as { requestId: string };
  await eventually(async () => (await env.stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.dueAt ?? null);
  return requestId;
}

describe('working a request in the console', () => {
  test('when a compliance officer searches by the subject’s e-mail, then the request is found; assigning it to themselves, adding a note and reading the timeline show names and sentences, never JSON', async () => {
    const email = `caller-${randomUUID()}@example.org`;
    const requestId = await openedByPhone(email, 'passport checked at the front desk');
    const officer = await signIn('compliance', 'Wang Fang');

    await env.page.getByRole('link', { name: 'Review queue' }).first().click();
    await env.page.getByLabel(/the subject’s e-mail address/).fill(email.toUpperCase());
    await env.page.getByRole('button', { name: 'Find' }).click();
    // The address was posted: it is in no URL the browser or a log would keep.
    expect(env.page.url()).toBe(`${env.stack.baseUrl}/console/find`);
    await screenshot(env.page, 'console-work-1-found-by-email');
    const found = env.page.locator('tbody tr');
    await expect(found.count()).resolves.toBe(1);
    await env.page.getByRole('link', { name: requestId.slice(0, 8) }).click();
    await env.page.waitForURL(`${env.stack.baseUrl}/console/requests/${requestId}`);

    await env.page.getByRole('button', { name: 'Assign to me' }).click();
    await expect(env.page.textContent('.flash')).resolves.toBe('The owner was assigned.');
    await expect(env.page.textContent('#request-owner')).resolves.toBe('Wang Fang (compliance)');
    await expect(env.stack.db.requestOwner.findUnique({ where: { requestId } })).resolves.toMatchObject({ staffId: officer.staffId, assignedBy: officer.staffId });

    const note = 'Caller asked for the copy by post as well; told them it comes by e-mail.';
    await env.page.getByLabel('New note').fill(note);
    await env.page.getByRole('button', { name: 'Add the note' }).click();
    await expect(env.page.textContent('.flash')).resolves.toBe('The note was added.');
    await expect(env.page.textContent('#notes')).resolves.toContain(note);
    // The note is kept encrypted in the erasable table; the trail only names it.
    const added = await env.stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'NOTE_ADDED' } });
    expect(added).toMatchObject({ actor: `staff:${officer.staffId}`, reason: null });
    const kept = await env.stack.db.auditNote.findUniqueOrThrow({ where: { id: (added.details as { noteId: string }).noteId } });
    expect(kept.body).not.toContain('Caller');
    expect(createFieldCipher(env.stack.keyring).decrypt(kept.body!, 'AuditNote.body')).toBe(note);

    const timeline = (await env.page.locator('#timeline-h + ol').textContent()) ?? '';
    expect(timeline).toContain('Identity attested by Li Na (agent): passport checked at the front desk');
    expect(timeline).toContain('Owner assigned by Wang Fang (compliance)');
    expect(timeline).toContain(`Internal note added by Wang Fang (compliance): ${note}`);
    // Numbered once, by the list itself.
    expect(timeline).not.toMatch(/\b1\.\s*1\./);
    await expect(textProblems(env.page)).resolves.toEqual([]);
    expect(await env.page.content()).not.toContain(email);
    await screenshot(env.page, 'console-work-2-request-assigned-noted');

    // At phone width the request page (its store table included) stays within the screen.
    await env.page.setViewportSize(PHONE);
    await env.page.reload();
    await expect(overflowsViewport(env.page)).resolves.toBe(false);
    await screenshot(env.page, 'console-work-3-request-phone');
  });

  test('when a compliance officer searches by the subject’s telephone number in another spelling, then only that subject’s request is found, and the number is in no URL, page or audit row', async () => {
    // Unique national numbers, so requests left by other tests never match.
    const digits = String(Date.now()).slice(-8);
    const wanted = await openedByPhone(`caller-${randomUUID()}@example.org`, 'called from the number on file', `+86 138 ${digits.slice(0, 4)} ${digits.slice(4)}`);
    const other = await openedByPhone(`caller-${randomUUID()}@example.org`, 'called from the number on file', `+86 139 ${digits.slice(0, 4)} ${digits.slice(4)}`);
    await signIn('compliance', 'Wang Fang');

    await env.page.getByRole('link', { name: 'Review queue' }).first().click();
    const spelledOtherwise = `0086 (138) ${digits.slice(0, 4)}-${digits.slice(4)}`;
    await env.page.getByLabel(/telephone number/).fill(spelledOtherwise);
    await env.page.getByRole('button', { name: 'Find' }).click();
    expect(env.page.url()).toBe(`${env.stack.baseUrl}/console/find`);
    await screenshot(env.page, 'console-work-4-found-by-phone');
    await expect(env.page.locator('tbody tr').count()).resolves.toBe(1);
    await expect(env.page.getByRole('link', { name: wanted.slice(0, 8) }).count()).resolves.toBe(1);
    await expect(env.page.getByRole('link', { name: other.slice(0, 8) }).count()).resolves.toBe(0);
    const html = await env.page.content();
    expect(html).not.toContain(digits);
    expect(html).not.toContain(`${digits.slice(0, 4)}-${digits.slice(4)}`);

    // A number intake would refuse (no country code) is a clear 422 with the form again, never a 500.
    await env.page.getByLabel(/telephone number/).fill(`138 ${digits}`);
    await env.page.getByRole('button', { name: 'Find' }).click();
    await expect(env.page.textContent('main')).resolves.toContain('telephone number with its country code');
    const audit = await env.stack.db.auditEvent.findMany({ where: { requestId: { in: [wanted, other] } } });
    expect(rowText(audit)).not.toContain(digits);
  });

  test('when a compliance officer clicks to show the subject’s contact, then the e-mail address appears and the view is audited with no personal data; an agent who did not open the request has no such button', async () => {
    const email = `caller-${randomUUID()}@example.org`;
    const requestId = await openedByPhone(email, 'passport checked at the front desk');
    const officer = await signIn('compliance', 'Wang Fang');
    await env.page.goto(`${env.stack.baseUrl}/console/requests/${requestId}`);
    // Never rendered without the click.
    expect(await env.page.content()).not.toContain(email);
    await expect(env.stack.db.auditEvent.count({ where: { requestId, action: 'CONTACT_VIEWED' } })).resolves.toBe(0);

    await env.page.getByRole('button', { name: /Show the e-mail address/ }).click();
    await expect(env.page.textContent('#subject-contact')).resolves.toContain(email);
    // The answer to the post itself: the address is in no URL.
    expect(env.page.url()).toBe(`${env.stack.baseUrl}/console/requests/${requestId}/contact`);
    await expect(textProblems(env.page)).resolves.toEqual([]);
    await screenshot(env.page, 'console-work-5-contact-shown');
    const viewed = await env.stack.db.auditEvent.findMany({ where: { requestId, action: 'CONTACT_VIEWED' } });
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ actor: `staff:${officer.staffId}`, reason: null });
    expect(rowText(viewed[0])).not.toContain(email.split('@')[0]!);

    // The timeline names the view in words.
    await env.page.goto(`${env.stack.baseUrl}/console/requests/${requestId}`);
    await expect(env.page.locator('#timeline-h + ol').textContent()).resolves.toContain('Subject’s contact viewed by Wang Fang (compliance)');
    expect(await env.page.content()).not.toContain(email);

    await env.page.context().clearCookies();
    await signIn('agent', 'Zhou Min');
    await env.page.goto(`${env.stack.baseUrl}/console/requests/${requestId}`);
    await expect(env.page.getByRole('button', { name: /Show the e-mail address/ }).count()).resolves.toBe(0);
  });

  test('when a request has its deletion certificate or its access package, then compliance opens each from the request page in one click, as words and tables, never JSON', async () => {
    // A subject the demo estate knows, so the access request has something to send.
    const known = `caller-${randomUUID()}@example.org`;
    await env.stack.db.customerAccount.create({ data: { email: known, fullName: 'Chen Jing', phone: '+86 137 0000 0042', plan: 'enterprise' } });
    const access = await openedByPhone(known, 'passport checked at the front desk');
    const deletion = await openedByPhone(`caller-${randomUUID()}@example.org`, 'passport checked at the front desk', undefined, 'DELETION');
    await signIn('compliance', 'Wang Fang');

    // The attested erasure waits for a second person: this officer approves it on its page.
    await eventually(async () => ((await env.stack.db.dsrRequest.findUnique({ where: { id: deletion } }))?.status === 'AWAITING_APPROVAL' ? true : null));
    await env.page.goto(`${env.stack.baseUrl}/console/requests/${deletion}`);
    await env.page.getByLabel(/Approve: the attested identity stands/).check();
    await env.page.getByLabel('Why', { exact: true }).fill('Passport seen by the agent, checked against the account.');
    await env.page.getByRole('button', { name: 'Record the answer' }).click();
    const certificate = await eventually(() => env.stack.db.deletionCertificate.findUnique({ where: { requestId: deletion } }));

    await env.page.goto(`${env.stack.baseUrl}/console/requests/${deletion}`);
    await env.page.getByRole('link', { name: 'Deletion certificate' }).click();
    await env.page.waitForURL(`${env.stack.baseUrl}/console/requests/${deletion}/certificate`);
    const body = certificate.body as { stores: unknown[]; totals: { erased: number } };
    await expect(env.page.locator('#certificate-stores tbody tr').count()).resolves.toBe(body.stores.length);
    await expect(env.page.textContent('#certificate-totals')).resolves.toContain(`${body.totals.erased} erased`);
    await expect(textProblems(env.page)).resolves.toEqual([]);
    await screenshot(env.page, 'console-work-6-certificate');

    const pkg = await eventually(() => env.stack.db.accessPackage.findUnique({ where: { requestId: access } }));
    await env.page.goto(`${env.stack.baseUrl}/console/requests/${access}`);
    // A request without a certificate links none.
    await expect(env.page.getByRole('link', { name: 'Deletion certificate' }).count()).resolves.toBe(0);
    await env.page.getByRole('link', { name: 'Access package manifest' }).click();
    await env.page.waitForURL(`${env.stack.baseUrl}/console/requests/${access}/package`);
    await expect(env.page.locator('#manifest-contents tbody tr').count()).resolves.toBe((pkg.contents as unknown[]).length);
    await expect(textProblems(env.page)).resolves.toEqual([]);
    await screenshot(env.page, 'console-work-7-manifest');
  });

  test('when an agent chooses Chinese, then it is kept on their account and the console speaks Chinese: dashboard, their requests and the request page', async () => {
    const email = `caller-${randomUUID()}@example.org`;
    const agent = await signIn('agent', '李娜');
    await env.page.goto(`${env.stack.baseUrl}/console/requests/new`);
    await env.page.getByLabel('Access (a copy of the data)').check();
    await env.page.getByLabel('Where the subject lives (picks the regime)').selectOption('CN');
    await env.page.getByLabel('Subject’s e-mail address').fill(email);
    await env.page.getByRole('radio', { name: 'Phone' }).check();
    await env.page.getByLabel('Evidence of identity').fill('核对了身份证');
    await env.page.getByRole('button', { name: 'Open the request' }).click();
    await env.page.waitForURL(/\/console\/requests\/[0-9a-f-]{36}\?done=opened$/);
    const requestId = /\/console\/requests\/([0-9a-f-]{36})/.exec(env.page.url())![1]!;

    await env.page.getByRole('button', { name: '中文' }).click();
    await env.page.waitForURL(`${env.stack.baseUrl}/console?done=language-set`);
    await expect(env.stack.db.staffAccount.findUniqueOrThrow({ where: { id: agent.staffId } })).resolves.toMatchObject({ language: 'zh' });
    expect(await env.page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(env.page.textContent('h1')).resolves.toBe('概览');
    await expect(env.page.textContent('#count-overdue + *, #needs-h ~ div')).resolves.toContain('逾期');
    await screenshot(env.page, 'console-zh-1-dashboard');

    await env.page.getByRole('link', { name: '我的请求' }).click();
    const row = env.page.locator('tr', { has: env.page.getByRole('link', { name: requestId.slice(0, 8) }) });
    await expect(row.textContent()).resolves.toContain('查阅');
    await expect(row.textContent()).resolves.toContain('电话');
    await screenshot(env.page, 'console-zh-2-mine');

    await env.page.getByRole('link', { name: requestId.slice(0, 8) }).click();
    await expect(env.page.textContent('h1')).resolves.toBe(`请求 ${requestId.slice(0, 8)}`);
    await expect(env.page.textContent('#owner-h')).resolves.toBe('负责人');
    await expect(textProblems(env.page)).resolves.toEqual([]);
    await screenshot(env.page, 'console-zh-3-request');

    // The choice is the account's: a new session opens in Chinese.
    await env.page.context().clearCookies();
    await env.page.goto(`${env.stack.baseUrl}/console/login`);
    expect(await env.page.getAttribute('html', 'lang')).toBe('en');
  });

  test('when a Chinese agent and a Chinese compliance officer work an attested erasure that gets stuck, then the approval, the store-level forms, refused forms, flash messages, error pages and the sign-in page are in Chinese, with no English phrase left', async () => {
    partner.failing = true;
    // Names and identifiers stay as they are in any language; a store's own error is the store's words.
    const allowed = ['partner-crm: HTTP 503 Service Unavailable'];
    const inChinese = async (name: string, page = env.page) => {
      expect({ page: name, lang: await page.getAttribute('html', 'lang') }).toEqual({ page: name, lang: 'zh-CN' });
      expect({ page: name, english: await englishLeft(page, allowed) }).toEqual({ page: name, english: [] });
      // Shorter English the phrase check lets pass: months in dates, the placeholder of an erased note.
      expect({ page: name, text: await visibleText(page) }).toEqual({ page: name, text: expect.not.stringMatching(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|note erased/) });
      await expect(textProblems(page)).resolves.toEqual([]);
      await screenshot(page, `console-zh-work-${name}`);
    };

    // The agent, in Chinese, opens an erasure by phone; the form sent without its evidence note comes back in Chinese.
    const agent = await signIn('agent', '李娜');
    await env.stack.db.staffAccount.update({ where: { id: agent.staffId }, data: { language: 'zh' } });
    await env.page.goto(`${env.stack.baseUrl}/console/requests/new`);
    await env.page.getByRole('radio', { name: '删除', exact: true }).check();
    await env.page.getByLabel('数据主体的居住地（决定适用的法律）').selectOption('CN');
    await env.page.getByLabel('数据主体的电子邮件地址').fill(`caller-${randomUUID()}@example.org`);
    await env.page.getByRole('radio', { name: '电话' }).check();
    await env.page.getByRole('button', { name: '登记请求' }).click();
    await expect(env.page.textContent('.summary')).resolves.toBe('请更正下方标出的项目。');
    await expect(env.page.textContent('#evidenceNote-error')).resolves.toContain('请说明您如何核实数据主体的身份');
    await inChinese('1-agent-new-request-refused');
    await env.page.getByLabel('身份证明').fill('在前台核对了身份证');
    await env.page.getByRole('button', { name: '登记请求' }).click();
    await env.page.waitForURL(/\/console\/requests\/[0-9a-f-]{36}\?done=opened$/);
    const requestId = /\/console\/requests\/([0-9a-f-]{36})/.exec(env.page.url())![1]!;
    await expect(env.page.textContent('.flash')).resolves.toBe(consoleText('zh').messages.flash.opened);

    // Four eyes: the agent reads in Chinese that the erasure waits for a second person.
    await eventually(async () => ((await env.stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_APPROVAL' ? true : null));
    await env.page.goto(`${env.stack.baseUrl}/console/requests/${requestId}`);
    await expect(env.page.textContent('#approval-h')).resolves.toBe('等待批准');
    await expect(env.page.locator('#approval-h + p').textContent()).resolves.toContain('须由另一名具有合规角色');
    await inChinese('2-agent-awaiting-approval');

    // Error pages in the agent's language: a page their role may not open (403), an unknown address (404).
    const forbidden = await env.page.goto(`${env.stack.baseUrl}/console/queue`);
    expect(forbidden?.status()).toBe(403);
    await expect(env.page.textContent('h1')).resolves.toBe('不允许');
    await inChinese('3-agent-403');
    const missing = await env.page.goto(`${env.stack.baseUrl}/console/requests/${requestId}/nothing`);
    expect(missing?.status()).toBe(404);
    await expect(env.page.textContent('h1')).resolves.toBe('未找到');
    await inChinese('4-agent-404');

    // Signing out: the sign-in page keeps the language the browser last used.
    await env.page.goto(`${env.stack.baseUrl}/console`);
    await env.page.getByRole('button', { name: '退出' }).click();
    await env.page.waitForURL(`${env.stack.baseUrl}/console/login?done=signed-out`);
    await expect(env.page.textContent('.flash')).resolves.toBe('您已退出登录。');
    await inChinese('5-signed-out');

    // The compliance officer, in Chinese: the approval form refused without an answer, then answered.
    await env.page.context().clearCookies();
    const officer = await signIn('compliance', '王芳');
    await env.stack.db.staffAccount.update({ where: { id: officer.staffId }, data: { language: 'zh' } });
    await env.page.goto(`${env.stack.baseUrl}/console/requests/${requestId}`);
    // Compliance reads the trail, so the paragraph names who attested.
    await expect(env.page.locator('#approval-h + p').textContent()).resolves.toContain('李娜 (客服)');
    await inChinese('6-officer-approval');
    await env.page.getByRole('button', { name: '记录答复' }).click();
    await expect(env.page.textContent('#approve-approve-error')).resolves.toBe('请选择批准或驳回。');
    await expect(env.page.textContent('#approve-reason-error')).resolves.toBe('请填写 3 到 2000 个字符。');
    await inChinese('7-officer-approval-refused');
    await env.page.getByLabel('批准：证实的身份成立，继续删除').check();
    await env.page.getByLabel('理由', { exact: true }).fill('客服在前台核对了身份证，与账户一致。');
    await env.page.getByRole('button', { name: '记录答复' }).click();
    await expect(env.page.textContent('.flash')).resolves.toBe('删除已批准，继续办理。');

    // The partner's system fails: the store-level forms, in Chinese.
    await eventually(async () => ((await env.stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'STUCK' ? true : null), 60_000);
    await env.page.goto(`${env.stack.baseUrl}/console/requests/${requestId}`);
    await expect(env.page.getAttribute('#request-status', 'data-status')).resolves.toBe('STUCK');
    await expect(env.page.getByRole('button', { name: '重试 partner-crm' }).count()).resolves.toBe(1);
    await expect(env.page.getByRole('button', { name: '跳过 partner-crm' }).count()).resolves.toBe(1);
    await inChinese('8-officer-store-forms');
    // A second window of the same session left open on the stuck request, for a stale form later.
    const staleWindow = await env.browser.newContext();
    await staleWindow.addCookies(await env.page.context().cookies());
    const stale = await staleWindow.newPage();
    await stale.goto(`${env.stack.baseUrl}/console/requests/${requestId}`);

    // Skipping without a justification is refused next to its field, in Chinese.
    await env.page.getByRole('button', { name: '跳过 partner-crm' }).click();
    await expect(env.page.textContent('#skip-partner-crm-justification-error')).resolves.toBe('请填写 3 到 2000 个字符。');
    await inChinese('9-officer-skip-refused');
    await env.page.getByLabel('在 partner-crm 中人工完成了什么').fill('已通过合作方后台删除该用户的营销记录。');
    await env.page.getByRole('button', { name: '将 partner-crm 标记为人工完成' }).click();
    await expect(env.page.textContent('.flash')).resolves.toBe('该数据存储已记录为人工完成。');
    await inChinese('10-officer-done-by-hand');

    // The stale tab's retry is refused (409): the refusal is said in Chinese on the request page.
    await stale.getByRole('button', { name: '重试 partner-crm' }).click();
    await expect(stale.textContent('#action-error')).resolves.toMatch(/[\u4e00-\u9fff]/);
    await inChinese('11-officer-stale-retry-refused', stale);
    await staleWindow.close();
    await expect(env.stack.db.auditEvent.count({ where: { requestId, action: 'STORE_COMPLETED_MANUALLY' } })).resolves.toBe(1);
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
        await env.stack.db.staffAccount.update({ where: { id: staffId }, data: { language: lang } });
        for (const size of [{ width: 1280, height: 900 }, PHONE]) {
          await env.page.setViewportSize(size);
          for (const [name, path] of pages) {
            await env.page.goto(`${env.stack.baseUrl}${path}`);
            // An unknown address too: its page reads the session for the language.
            expect(await env.page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
            const problems = [...(await textProblems(env.page)), ...((await overflowsViewport(env.page)) ? [`wider than the screen: ${(await overflowingElements(env.page)).join(', ')}`] : [])];
            expect({ page: path, problems }).toEqual({ page: path, problems: [] });
            const english = lang === 'zh' ? (name === 'request' ? formWords : name === 'staff' || name === 'data-map' || name === 'profile' ? adminWords : []) : [];
            if (english.length > 0) {
              // The legal sections and their forms (folded away, still in the env.page), the admin pages: in Chinese.
              const text = (await env.page.textContent('main')) ?? '';
              expect({ page: path, untranslated: english.filter((words) => text.includes(words)) }).toEqual({ page: path, untranslated: [] });
            }
            await screenshot(env.page, `console-walk-${who}-${lang}-${size.width}-${name}`);
          }
        }
      }
    };
    await walk('compliance', officer.staffId, compliancePages);
    // The search's answer is a posted page: reached through its form.
    await env.page.goto(`${env.stack.baseUrl}/console/queue`);
    await env.page.getByLabel(/the subject’s e-mail address|电子邮件地址/).fill(requestId.slice(0, 4));
    await env.page.locator('form[role=search] button').click();
    await expect(textProblems(env.page)).resolves.toEqual([]);
    await screenshot(env.page, 'console-walk-compliance-find-refused');

    await env.page.context().clearCookies();
    const admin = await signIn('admin', 'Zhao Lei');
    await walk('admin', admin.staffId, [['staff', '/console/admin/staff'], ['dashboard', '/console'], ['request', `/console/requests/${requestId}`]]);
    // An agent who chose Chinese: the new-request form and the request page carry none of the
    // English words the label maps translate (the form, the contact section).
    await env.page.context().clearCookies();
    const agent = await signIn('agent', '李娜');
    await env.stack.db.staffAccount.update({ where: { id: agent.staffId }, data: { language: 'zh' } });
    const en = consoleText('en');
    const english = [...Object.values(en.newRequest), ...Object.values(en.newRequest.rights), ...Object.values(en.newRequest.channels), en.contact, en.showContact, en.forms.legalForCompliance]
      .filter((v): v is string => typeof v === 'string');
    const agentRequest = await (async () => {
      await env.page.goto(`${env.stack.baseUrl}/console/requests/new`);
      await env.page.getByLabel('查阅（获取数据副本）').check();
      await env.page.getByLabel('数据主体的居住地（决定适用的法律）').selectOption('CN');
      await env.page.getByLabel('数据主体的电子邮件地址').fill(`caller-${randomUUID()}@example.org`);
      await env.page.getByRole('radio', { name: '电话' }).check();
      await env.page.getByLabel('身份证明').fill('核对了身份证');
      await screenshot(env.page, 'console-walk-agent-zh-new-request');
      const formText = (await env.page.textContent('main')) ?? '';
      await env.page.getByRole('button', { name: '登记请求' }).click();
      await env.page.waitForURL(/\/console\/requests\/[0-9a-f-]{36}\?done=opened$/);
      return { formText, id: /\/console\/requests\/([0-9a-f-]{36})/.exec(env.page.url())![1]! };
    })();
    const requestText = (await env.page.textContent('main')) ?? '';
    await expect(env.page.getByRole('button', { name: '显示电子邮件地址（查看会被记录）' }).count()).resolves.toBe(1);
    for (const [name, text] of [['new-request', agentRequest.formText], ['request', requestText]] as const) {
      expect({ page: name, untranslated: english.filter((words) => text.includes(words)) }).toEqual({ page: name, untranslated: [] });
    }
    await expect(textProblems(env.page)).resolves.toEqual([]);
    await screenshot(env.page, 'console-walk-agent-zh-request');

    await env.page.context().clearCookies();
    await env.page.goto(`${env.stack.baseUrl}/console/login`);
    await expect(textProblems(env.page)).resolves.toEqual([]);
    await screenshot(env.page, 'console-walk-login');
  });
});
