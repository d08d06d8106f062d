// The subject portal's status page at a phone's width, in Debian's Chromium on the real stack:
// it shows the reference, the right asked for, the law and its deadline in words, the day it
// was received and what happens next, in the subject's language; withdrawal asks before it acts;
// and no portal page shows JSON or runs past the screen's edge, in either language.
import { randomUUID } from 'node:crypto';
import { deadlineFor, getRegime } from '../../policy';
import { screenshot } from '../support/browser';
import { useBrowserStack } from '../support/browser-stack';
import { eventually } from '../support/http';
import { overflowsViewport, PHONE, textProblems } from '../support/page-checks';

// The deadline the page must name, from the policy module (not written out here, so a change of policy is followed).
const cn = deadlineFor(getRegime('CN_PIPL'), 'ACCESS');
const UNIT_EN = { calendarDays: 'calendar days', workingDays: 'working days', calendarMonths: 'months' } as const;
const UNIT_ZH = { calendarDays: '个自然日', workingDays: '个工作日', calendarMonths: '个月' } as const;

const env = useBrowserStack({ viewport: PHONE });

/** Sends the access form in `lang` and lands on the status page; returns its address and the request id. */
async function submitAccess(lang: 'en' | 'zh') {
  await env.page.goto(`${env.stack.baseUrl}/portal?lang=${lang}`);
  await env.page.getByLabel(lang === 'en' ? 'A copy of my personal information' : '获取我的个人信息副本').check();
  await env.page.locator('#residence').selectOption('CN');
  await env.page.locator('#email').fill(`subject-${randomUUID()}@example.org`);
  await env.page.locator('form button[type=submit]').click();
  await env.page.waitForURL(/\/portal\/requests\/[0-9a-f-]{36}\?token=/);
  const requestId = /\/portal\/requests\/([0-9a-f-]{36})/.exec(env.page.url())![1]!;
  return { url: env.page.url(), requestId };
}

/** Every check a portal page must pass, then its screenshot. */
async function checked(name: string) {
  await expect(textProblems(env.page)).resolves.toEqual([]);
  await expect(overflowsViewport(env.page)).resolves.toBe(false);
  await screenshot(env.page, name);
}

describe('the portal status page on a phone', () => {
  test('when a subject sends an access request in English, then the status page at phone width shows the reference, the right, the law and its deadline in words, the day received and what happens next', async () => {
    const { requestId } = await submitAccess('en');
    await env.page.locator('#code').waitFor({ timeout: 20_000 });
    await expect(env.page.textContent('#request-reference')).resolves.toBe(requestId.slice(0, 8));
    await expect(env.page.textContent('#request-right')).resolves.toBe('A copy of my personal information');
    const law = await env.page.textContent('#request-law');
    expect(law).toBe(`China PIPL: we must answer within ${cn.amount} ${UNIT_EN[cn.unit]} of confirming your identity`);
    const row = await env.stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
    const received = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(row.receivedAt);
    await expect(env.page.textContent('#request-received')).resolves.toBe(received);
    await expect(env.page.textContent('#request-next')).resolves.toContain('Enter the code we sent to your e-mail address');
    await checked('portal-phone-en-status');
  });

  test('when a subject reads their status page in Chinese and withdraws, then they are asked first; declining keeps the request, confirming withdraws it', async () => {
    const { url, requestId } = await submitAccess('zh');
    await env.page.locator('#code').waitFor({ timeout: 20_000 });
    expect(await env.page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(env.page.textContent('#request-right')).resolves.toBe('获取我的个人信息副本');
    await expect(env.page.textContent('#request-law')).resolves.toBe(`中华人民共和国个人信息保护法：我们须在确认您的身份后 ${cn.amount} ${UNIT_ZH[cn.unit]}内答复`);
    await checked('portal-phone-zh-status');

    await env.page.getByRole('button', { name: '撤回我的请求' }).click();
    await expect(env.page.textContent('h1')).resolves.toBe('要撤回您的请求吗？');
    await checked('portal-phone-zh-withdraw-confirm');
    await env.page.getByRole('button', { name: '不，保留我的请求' }).click();
    await env.page.waitForURL(url.replace(/lang=zh.*/, 'lang=zh'));
    expect((await env.stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('AWAITING_VERIFICATION');

    await env.page.getByRole('button', { name: '撤回我的请求' }).click();
    await env.page.getByRole('button', { name: '是的，撤回我的请求' }).click();
    await eventually(async () => (await env.stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status === 'WITHDRAWN');
    await env.page.reload();
    await expect(env.page.textContent('main')).resolves.toContain('已按您的意愿撤回');
    await checked('portal-phone-zh-withdrawn');
  });

  test('when every portal page is opened in both languages, at a phone’s width and a desktop’s, then none shows JSON or runs past the edge', async () => {
    const { url } = await submitAccess('en');
    await env.page.locator('#code').waitFor({ timeout: 20_000 });
    const status = new URL(url);
    const token = status.searchParams.get('token')!;
    const pages: Array<[string, string]> = [
      ['form', '/portal'],
      ['status', `${status.pathname}?token=${token}`],
      ['withdraw-confirm', `${status.pathname}/withdraw?token=${token}`],
      ['bad-link', `${status.pathname}?token=not-a-token`],
      ['not-found', '/portal/nothing-here'],
    ];
    for (const size of [PHONE, { width: 1280, height: 900 }]) {
      await env.page.setViewportSize(size);
      for (const lang of ['en', 'zh'] as const) {
        for (const [name, path] of pages) {
          await env.page.goto(`${env.stack.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          expect(await env.page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
          await checked(`portal-${size.width}-${lang}-${name}`);
        }
      }
    }
  });
});
