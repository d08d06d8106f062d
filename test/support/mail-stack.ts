// Real services for the mail tests: a loopback SMTP catcher, the SMTP mailer, the test
// database and the notice activities over them; plus a request row to write about.
import { createStoreRegistry } from '../../stores/registry';
import { openDemoStores } from './demo-estate';
import { createHash, randomUUID } from 'node:crypto';
import { noticeActivities } from '../../activities/notices';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { Db } from '../../db/prisma';
import { startMailCatcher, type MailCatcher } from '../../devtools/mail-catcher';
import { VERIFICATION } from '../../domain/procedure';
import type { StaffNotice, SubjectNotice } from '../../domain/notices';
import type { Language, RequestType } from '../../domain/request-kinds';
import { createSmtpMailer } from '../../mail/mailer';
import { testDb } from './database';
import { testSecrets } from './test-keys';

export const STAFF_MAILBOX = 'compliance@example.com';
export const MAIL_DOMAIN = 'example.com';

export interface MailStack {
  mail: MailCatcher;
  db: Db;
  notices: ReturnType<typeof noticeActivities>;
  /** Creates a subject and an open request for them; returns the ids and the address. */
  newRequest(opts?: { language?: Language; type?: RequestType }): Promise<{ requestId: string; email: string }>;
  close(): Promise<void>;
}

/** Starts the catcher on a free port and builds the notice activities over real services. */
export async function startMailStack(): Promise<MailStack> {
  const mail = await startMailCatcher(0);
  const db = testDb();
  const cipher = createFieldCipher(testSecrets().keyring);
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: mail.port, secure: false, from: `Privacy Office <privacy@${MAIL_DOMAIN}>` });
  const demo = openDemoStores();
  const notices = noticeActivities({ db, mailer, cipher, clock: () => new Date(), verification: VERIFICATION, staffMailTo: STAFF_MAILBOX, stores: createStoreRegistry(demo.stores) });
  return {
    mail,
    db,
    notices,
    async newRequest({ language = 'en', type = 'DELETION' } = {}) {
      const email = `subject-${randomUUID()}@example.org`;
      const requestId = randomUUID();
      // The hash only has to be unique here; intake's keyed hash is not under test.
      const subject = await db.dataSubject.create({
        data: { emailHash: createHash('sha256').update(email).digest('hex'), emailEncrypted: cipher.encrypt(email, 'DataSubject.emailEncrypted') },
      });
      await db.dsrRequest.create({
        data: {
          id: requestId,
          subjectId: subject.id,
          type,
          regime: 'CN_PIPL',
          channel: 'PORTAL',
          language,
          status: 'IN_FULFILMENT',
          workflowId: `dsr-${requestId}`,
          receivedAt: new Date(),
        },
      });
      return { requestId, email };
    },
    async close() {
      mailer.close();
      await mail.close();
      await demo.close();
      await db.$disconnect();
    },
  };
}

/** A notice with the facts its mail must show: in both languages, or in one only. */
export interface Sample<N> {
  notice: N;
  shows: { both: string[]; en?: string[]; zh?: string[] };
}

const CN_REMEDIES = {
  en: 'If we refuse your request, you may sue us in a People’s Court (PIPL art 50). You may also complain to the Cyberspace Administration of China (PIPL art 65).',
  zh: '如我们拒绝您行使权利的请求，您可以依法向人民法院提起诉讼（《个人信息保护法》第五十条）。您也可以向国家网信部门投诉、举报（第六十五条）。',
};

/** One realistic notice of every subject kind, for the given request. */
export function subjectSamples(requestId: string): Array<Sample<SubjectNotice>> {
  const base = { requestId, seq: 1 };
  return [
    {
      notice: {
        ...base,
        kind: 'acknowledgement',
        facts: {
          requestType: 'DELETION',
          regime: { name: { en: 'China PIPL', zh: '中国《个人信息保护法》' }, citation: 'PIPL arts 44-50' },
          dueDate: '2026-12-29',
          nextStep: 'fulfil',
        },
      },
      shows: { both: ['2026-12-29', 'PIPL arts 44-50'], en: ['China PIPL', 'deletion'], zh: ['中国《个人信息保护法》', '删除个人信息'] },
    },
    {
      notice: {
        ...base,
        kind: 'fee-quote',
        facts: {
          requestType: 'ACCESS',
          fee: { amount: 30, currency: 'CNY' },
          grounds: 'REPEATED',
          rule: { en: 'Repeated requests within a period may carry a cost fee.', zh: '一定期间内重复提出的请求可收取成本费用。' },
          citation: 'GB/T 35273-2020 §8.7 c)',
          respondBy: '2027-01-15',
          respondUrl: 'https://privacy.example.com/fee',
          clockPaused: true,
        },
      },
      shows: {
        both: ['CNY 30.00', 'GB/T 35273-2020 §8.7 c)', '2027-01-15', 'https://privacy.example.com/fee'],
        en: ['Repeated requests within a period may carry a cost fee', 'decline', 'suspended'],
        zh: ['一定期间内重复提出的请求可收取成本费用', '拒绝', '暂停'],
      },
    },
    {
      notice: {
        ...base,
        kind: 'extension-notice',
        facts: {
          originalDueDate: '2026-12-29',
          newDueDate: '2027-02-28',
          reasons: [{ en: 'Your request covers many systems', zh: '您的请求涉及多个系统' }],
          citation: 'GDPR art 12(3)',
        },
      },
      shows: { both: ['2026-12-29', '2027-02-28', 'GDPR art 12(3)'], en: ['Your request covers many systems'], zh: ['您的请求涉及多个系统'] },
    },
    {
      notice: {
        ...base,
        kind: 'refusal',
        facts: {
          scope: 'PARTIAL',
          grounds: [
            {
              code: 'RETENTION_REQUIRED_BY_LAW',
              text: { en: 'The retention period set by law has not expired.', zh: '法律规定的保存期限尚未届满。' },
              citation: 'PIPL art 47 para 2',
            },
          ],
          refused: [{ store: 'billing', categories: ['invoices', 'contracts'] }],
          remedies: CN_REMEDIES,
        },
      },
      shows: {
        both: ['PIPL art 47 para 2', 'billing', 'invoices', 'contracts'],
        en: ['The retention period set by law has not expired', 'People’s Court'],
        zh: ['法律规定的保存期限尚未届满', '人民法院'],
      },
    },
    {
      notice: { ...base, kind: 'duplicate', facts: { originalRequestId: 'c0ffee00-0000-4000-8000-000000000001' } },
      shows: { both: ['c0ffee00-0000-4000-8000-000000000001'] },
    },
    {
      notice: { ...base, kind: 'superseded', facts: { standingRequestId: 'c0ffee00-0000-4000-8000-000000000002' } },
      shows: { both: ['c0ffee00-0000-4000-8000-000000000002'] },
    },
    {
      notice: {
        ...base,
        kind: 'deletion-done',
        facts: {
          completedOn: '2026-12-20',
          stores: [
            { store: 'customer-accounts', erased: 3, retained: [] },
            { store: 'network-logs', erased: 12, retained: [{ category: 'access-logs', records: 40, reason: 'LEGAL_HOLD', basis: 'Cybersecurity Law art 21(3)' }] },
          ],
        },
      },
      shows: {
        both: ['2026-12-20', 'customer-accounts', 'network-logs', 'access-logs', 'Cybersecurity Law art 21(3)'],
        en: ['3 records erased', '12 records erased', '40 records kept'],
        zh: ['已删除 3 条记录', '已删除 12 条记录', '保留 40 条记录'],
      },
    },
    {
      notice: {
        ...base,
        kind: 'correction-done',
        facts: {
          completedOn: '2026-12-21',
          stores: [
            { store: 'customer-accounts', changed: ['phone', 'companyName'], unchanged: [] },
            { store: 'billing', changed: [], unchanged: [{ field: 'billingName', reason: 'ISSUED_INVOICES_ONLY' }] },
            { store: 'service-logs', changed: [], unchanged: [{ field: 'phone', reason: 'NOT_IN_STORE' }] },
            { store: 'crm-processor', changed: [], unchanged: [{ field: 'phone', reason: 'NOT_ITEMISED' }] },
          ],
        },
      },
      shows: {
        both: ['2026-12-21', 'customer-accounts', '(phone)', '(companyName)', 'billing', '(billingName)', 'service-logs'],
        en: ['corrected phone number (phone), company name (companyName)', 'credit note', 'this system holds no such field', 'nothing changed', 'crm-processor: the system confirmed the correction but did not say which fields it changed'],
        zh: ['已更正 电话号码 (phone)、公司名称 (companyName)', '红字发票', '此系统不保存此类字段', '未作任何更改', 'crm-processor：该系统确认已作更正，但未说明更改了哪些字段'],
      },
    },
    {
      notice: {
        ...base,
        kind: 'partial-reply',
        facts: {
          done: ['customer-accounts'],
          remaining: [{ store: 'billing', reason: { en: 'The billing system is being migrated', zh: '账单系统正在迁移' } }],
          newDueDate: '2027-02-28',
        },
      },
      shows: { both: ['customer-accounts', 'billing', '2027-02-28'], en: ['The billing system is being migrated'], zh: ['账单系统正在迁移'] },
    },
    { notice: { ...base, kind: 'withdrawn', facts: { withdrawnOn: '2026-12-05' } }, shows: { both: ['2026-12-05'], en: ['withdrawn'], zh: ['撤回'] } },
    {
      notice: { ...base, kind: 'closed-no-fee-answer', facts: { respondBy: '2027-01-15' } },
      shows: { both: ['2027-01-15'], en: ['fee', 'closed'], zh: ['费用', '关闭'] },
    },
    {
      notice: { ...base, kind: 'fee-declined', facts: { declinedOn: '2027-01-03', fee: { amount: 30, currency: 'CNY' } } },
      shows: { both: ['2027-01-03', 'CNY 30.00'], en: ['declined', 'closed', 'not been charged'], zh: ['拒绝', '关闭', '不会向您收取任何费用'] },
    },
    {
      notice: { ...base, kind: 'guardian-not-attested', facts: {} },
      shows: { both: [], en: ['refused', 'evidence of guardianship'], zh: ['未被受理', '监护关系证明'] },
    },
  ];
}

/** One notice of every staff kind, for the given request. */
export function staffSamples(requestId: string): Array<Sample<StaffNotice>> {
  const request = { requestType: 'ACCESS', regime: 'EU_GDPR', status: 'IN_FULFILMENT', dueDate: '2026-12-29' } as const;
  const consoleLink = `/console/requests/${requestId}`;
  return [
    {
      notice: { requestId, seq: 7, kind: 'reminder', facts: { ...request, daysLeft: 7 } },
      shows: { both: [requestId, 'ACCESS', 'EU_GDPR', 'IN_FULFILMENT', '2026-12-29', consoleLink], en: ['7 days left'], zh: ['剩余 7 天'] },
    },
    {
      notice: {
        requestId,
        seq: 1,
        kind: 'escalation',
        facts: { ...request, daysLeft: -2, reason: 'STORE_STUCK', store: 'billing', note: 'TimeoutError after 5 attempts' },
      },
      shows: { both: [requestId, 'billing', 'TimeoutError after 5 attempts', consoleLink], en: ['stuck', 'overdue by 2 days'], zh: ['停滞', '已逾期 2 天'] },
    },
    {
      notice: { requestId, seq: 1, kind: 'decision-needed', facts: { ...request, daysLeft: 20, decision: 'EXEMPTION', signal: 'CRIMINAL_PROCEEDINGS' } },
      shows: { both: [requestId, 'CRIMINAL_PROCEEDINGS', consoleLink], en: ['exemption'], zh: ['豁免'] },
    },
  ];
}

const SEPARATOR = '\n\n----\n\n';

/** Splits a mail's text into its two language parts, given the language written first. */
export function languageParts(text: string, first: Language): Record<Language, string> {
  const [a = '', b = ''] = text.split(SEPARATOR);
  return first === 'zh' ? { zh: a, en: b } : { en: a, zh: b };
}

/** The sample's facts that the mail's text fails to show, as "<lang>: <fact>" (empty when all show). */
export function missingFacts(text: string, first: Language, shows: Sample<unknown>['shows']): string[] {
  const parts = languageParts(text, first);
  return (['zh', 'en'] as const).flatMap((l) => [...shows.both, ...(shows[l] ?? [])].filter((f) => !parts[l].includes(f)).map((f) => `${l}: ${f}`));
}
