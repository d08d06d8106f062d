// MANAGE requests (withdraw consent, restrict, object) on the time-skipping server over a real
// store: the consent register declared in the data map's way (`purposes`) over PostgreSQL. Each
// branch checks the rows, the reply in both languages and the due date from the policy data.
import { randomUUID } from 'node:crypto';
import type { ManageChoice } from '../../domain/manage';
import type { RequestType } from '../../domain/request-kinds';
import { computeDueDate, getRegime } from '../../policy';
import type { SqlDb } from '../../stores/sql/connect';
import { consentRegisterStore, consentsOf, seedConsents } from '../support/consent-register';
import { languageParts } from '../support/mail-stack';
import { demoEstablishment } from '../support/profiles';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { auditActions, mailTo, requestRow } from './helpers';
import type { RegimeKey } from '../../domain/regime-key';

let stack: WorkflowStack;
let sqlDb: SqlDb;
beforeAll(async () => {
  const register = consentRegisterStore();
  sqlDb = register.sqlDb;
  stack = await startWorkflowStack([register.store]);
});
afterAll(async () => {
  await stack?.close();
  await sqlDb?.destroy();
});

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };
const ALL_GRANTED = { marketing: 'granted', 'personalised-recommendations': 'granted', 'affiliate-sharing': 'granted' };

/** The due date the policy data gives this request, and the one an access request would have had. */
async function dueDates(requestId: string) {
  const row = await requestRow(stack.db, requestId);
  const under = (requestType: RequestType) =>
    computeDueDate({ regime: getRegime(row.regime), establishment: demoEstablishment(row.regime), receivedAt: row.receivedAt, identityVerifiedAt: row.verifiedAt, requestType }).dueAt;
  return { actual: row.dueAt, manage: under('MANAGE'), access: under('ACCESS') };
}

async function run(email: string, manage: ManageChoice, regime: RegimeKey = 'CN_PIPL') {
  const started = await stack.start({ email, type: 'MANAGE', regime, attestation: attested, manage });
  const result = await started.handle.result();
  const mail = await mailTo(stack.mail, email, /how we process your personal information|个人信息处理的请求/);
  return { ...started, result, parts: languageParts(mail.text, 'en') };
}

describe('a manage request', () => {
  test('when consent to two purposes is withdrawn under PIPL, then only those rows say withdrawn, nothing is erased, and the letter says per purpose what changed and that earlier processing stands', async () => {
    const email = `mg-${randomUUID()}@example.org`;
    const other = `mg-${randomUUID()}@example.org`;
    // Sharing was withdrawn once before: it is reported as already so, not counted again.
    await seedConsents(stack.db, email, { ...ALL_GRANTED, 'affiliate-sharing': 'withdrawn' });
    await seedConsents(stack.db, other, ALL_GRANTED);
    await stack.db.customerAccount.create({ data: { email, fullName: 'Wang Fang', phone: '+86 139 0000 0001', plan: 'basic' } });

    const { requestId, result, parts } = await run(email, { purposes: ['marketing', 'affiliate-sharing'], action: 'WITHDRAW_CONSENT' });
    expect(result).toMatchObject({ status: 'COMPLETED', outcome: 'FULFILLED' });
    expect(await consentsOf(stack.db, email)).toEqual({ marketing: 'withdrawn', 'personalised-recommendations': 'granted', 'affiliate-sharing': 'withdrawn' });
    expect(await consentsOf(stack.db, other)).toEqual(ALL_GRANTED);
    // Never erasure: the subject's account and consent rows are all still there.
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);
    expect(await stack.db.processingConsent.count({ where: { email } })).toBe(3);
    const event = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'STORE_FULFILLED', details: { path: ['store'], equals: 'consent-register' } } });
    expect((event.details as { managed: unknown }).managed).toEqual([
      { purpose: 'marketing', result: 'SET', changed: 1, already: 0 },
      { purpose: 'affiliate-sharing', result: 'SET', changed: 0, already: 1 },
    ]);

    expect(parts.en).toContain('marketing messages (e-mail, text) (marketing):\n- consent-register: consent withdrawn, 1 record updated\nWhat this means: we no longer send you marketing messages');
    expect(parts.en).toContain('sharing with our affiliates (affiliate-sharing):\n- consent-register: consent withdrawn, 0 records updated (1 already so before)');
    expect(parts.en).toContain('does not affect processing already carried out on your consent before it (PIPL art 15 para 2)');
    expect(parts.en).not.toContain('personalised-recommendations');
    expect(parts.zh).toContain('营销信息推送（电子邮件、短信） (marketing)：\n- consent-register：已撤回同意，更新 1 条记录\n后果：我们不再向您发送营销信息');
    expect(parts.zh).toContain('consent-register：已撤回同意，更新 0 条记录（另有 1 条此前已是该状态）');
    expect(parts.zh).toContain('不影响此前基于您的同意已进行的个人信息处理活动的效力（PIPL art 15 para 2）');

    // PIPL sets no number: the policy data's 15 working days from verification, not the standard 30 days.
    const due = await dueDates(requestId);
    expect(due.actual).toEqual(due.manage);
    expect(due.manage.getTime()).not.toEqual(due.access.getTime());
  });

  test('when a Californian objects, then the processing stops and the opt-out is due within 15 business days of receipt, not 45 days', async () => {
    const email = `mg-${randomUUID()}@example.org`;
    await seedConsents(stack.db, email, ALL_GRANTED);
    const { requestId, result, parts } = await run(email, { purposes: ['personalised-recommendations'], action: 'OBJECT' }, 'US_CA_CCPA');
    expect(result.status).toBe('COMPLETED');
    expect(await consentsOf(stack.db, email)).toEqual({ ...ALL_GRANTED, 'personalised-recommendations': 'objected' });
    expect(parts.en).toContain('- consent-register: processing stopped, 1 record updated\nWhat this means: we no longer use your personal information for personalised recommendations');
    expect(parts.en).toContain('(Cal. Civ. Code §1798.120 (opt out of sale or sharing)');
    expect(parts.zh).toContain('consent-register：已停止处理，更新 1 条记录');
    const due = await dueDates(requestId);
    expect(due.actual).toEqual(due.manage);
    expect(due.manage.getTime()).toBeLessThan(due.access.getTime());
    expect(getRegime('US_CA_CCPA').deadlineOverrides?.MANAGE?.citation).toMatch(/11 CCR §7026\(f\)/);
  });

  test('when a Californian opts out of the sale and sharing of their data without any proof of identity, then no code is asked for (11 CCR §7026(d)), the rows say objected, the letter says so in both languages and it is due 15 business days from receipt', async () => {
    const email = `mg-${randomUUID()}@example.org`;
    await seedConsents(stack.db, email, { ...ALL_GRANTED, 'advertising-partners': 'granted' });
    const started = await stack.start({ email, type: 'MANAGE', regime: 'US_CA_CCPA', manage: { purposes: ['advertising-partners'], action: 'OBJECT' } });
    const result = await started.handle.result();
    expect(result).toMatchObject({ status: 'COMPLETED', outcome: 'FULFILLED' });
    // No code was made or mailed: the identity step was settled by the law, and audited with its citation.
    expect(await stack.db.verificationChallenge.count({ where: { requestId: started.requestId } })).toBe(0);
    expect(stack.mail.messages().filter((m) => m.to.includes(email) && /verification code|验证码/i.test(m.subject))).toEqual([]);
    const actions = await auditActions(stack.db, started.requestId);
    expect(actions).toContain('VERIFICATION_NOT_REQUIRED');
    const changes = await stack.db.auditEvent.findMany({ where: { requestId: started.requestId, action: 'STATUS_CHANGED' } });
    expect(changes.map((e) => (e.details as { to?: string } | null)?.to)).not.toContain('AWAITING_VERIFICATION');
    expect(changes.length).toBeGreaterThan(0);
    const waived = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId: started.requestId, action: 'VERIFICATION_NOT_REQUIRED' } });
    expect([waived.actor, waived.reason, waived.details]).toEqual(['system', 'verification not required: an opt-out of sale or sharing', { citation: expect.stringContaining('11 CCR §7026(d)') }]);
    expect(await consentsOf(stack.db, email)).toEqual({ ...ALL_GRANTED, 'advertising-partners': 'objected' });

    const mail = await mailTo(stack.mail, email, /how we process your personal information|个人信息处理的请求/);
    const parts = languageParts(mail.text, 'en');
    expect(parts.en).toContain('sharing with advertising partners (personalised ads on other sites) (advertising-partners):\n- consent-register: processing stopped, 1 record updated\nWhat this means: we no longer sell or share your personal information with advertising partners');
    expect(parts.zh).toContain('向广告合作伙伴提供（用于在其他网站展示个性化广告） (advertising-partners)：\n- consent-register：已停止处理，更新 1 条记录\n后果：我们不再将您的个人信息出售或提供给广告合作伙伴');
    const due = await dueDates(started.requestId);
    expect(due.actual).toEqual(due.manage);
    expect(due.manage.getTime()).toBeLessThan(due.access.getTime());
    // The acknowledgement (CCPA: within 10 business days) promises no code: it says what comes next, and by when.
    const ack = languageParts((await mailTo(stack.mail, email, /received your request|已收到您的请求/)).text, 'en');
    expect(ack.en).toContain('Next: we will search our systems for personal information about you and act on your request');
    expect(ack.en).not.toContain('verify your identity');
    expect(ack.zh).toContain('下一步：我们将在各业务系统中查找与您相关的个人信息');
  });

  test('when a Californian opts out of a sale together with a purpose that is no sale, or under PIPL, then identity is verified as for any request', async () => {
    const mixed = await stack.start({ email: `mg-${randomUUID()}@example.org`, type: 'MANAGE', regime: 'US_CA_CCPA', manage: { purposes: ['advertising-partners', 'marketing'], action: 'OBJECT' } });
    const pipl = await stack.start({ email: `mg-${randomUUID()}@example.org`, type: 'MANAGE', regime: 'CN_PIPL', manage: { purposes: ['advertising-partners'], action: 'OBJECT' } });
    for (const { email, requestId, handle } of [mixed, pipl]) {
      await mailTo(stack.mail, email, /verification code|验证码/i);
      expect((await requestRow(stack.db, requestId)).status).toBe('AWAITING_VERIFICATION');
      expect(await auditActions(stack.db, requestId)).not.toContain('VERIFICATION_NOT_REQUIRED');
      await handle.terminate('test done');
    }
  });

  test('when the store has no setting for the action asked, then nothing changes there and the letter says so instead of claiming it was done', async () => {
    const email = `mg-${randomUUID()}@example.org`;
    await seedConsents(stack.db, email, ALL_GRANTED);
    const { result, parts } = await run(email, { purposes: ['marketing', 'affiliate-sharing'], action: 'RESTRICT' });
    expect(result.status).toBe('COMPLETED');
    expect(await consentsOf(stack.db, email)).toEqual({ ...ALL_GRANTED, 'affiliate-sharing': 'restricted' });
    expect(parts.en).toContain('marketing messages (e-mail, text) (marketing):\n- consent-register: this action is not available in this system; nothing changed there');
    expect(parts.en).toContain('sharing with our affiliates (affiliate-sharing):\n- consent-register: processing restricted, 1 record updated');
    expect(parts.zh).toContain('consent-register：该系统不提供此项操作，未作更改');
  });

  test('when no system processes the subject for the purpose, then the letter says nothing needed to change', async () => {
    const email = `mg-${randomUUID()}@example.org`;
    const { requestId, result, parts } = await run(email, { purposes: ['personalised-recommendations'], action: 'WITHDRAW_CONSENT' });
    expect(result.status).toBe('COMPLETED');
    expect(await stack.db.storeTask.count({ where: { requestId } })).toBe(0);
    expect(parts.en).toContain('personalised recommendations (personalised-recommendations): none of our systems processes your personal information for this purpose, so nothing needed to change.');
    expect(parts.zh).toContain('个性化推荐 (personalised-recommendations)：我们的系统未为此目的处理您的个人信息，无需更改。');
  });
});
