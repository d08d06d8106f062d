// The notice activities on real services: mail goes through SMTP to the loopback catcher,
// the address comes from the encrypted subject row, and the audit lands in PostgreSQL.
import type { CaughtMail } from '../../devtools/mail-catcher';
import type { SubjectNotice } from '../../domain/notices';
import type { Language } from '../../domain/request-kinds';
import { MAIL_DOMAIN, STAFF_MAILBOX, missingFacts, staffSamples, startMailStack, subjectSamples, type MailStack } from '../support/mail-stack';

let stack: MailStack;
beforeAll(async () => {
  stack = await startMailStack();
});
afterAll(async () => stack?.close());

const fromNotice = (requestId: string, kind: string, seq: number) => (m: CaughtMail) => m.messageId === `<${requestId}.notice.${kind}.${seq}@${MAIL_DOMAIN}>`;
const auditRows = (requestId: string, action: string) => stack.db.auditEvent.findMany({ where: { requestId, action } });

const kinds = subjectSamples('x').map((s, i) => [s.notice.kind, (i % 2 === 0 ? 'zh' : 'en') as Language] as const);

describe('notices to the subject', () => {
  test.each(kinds)('when a %s notice is sent (%s reader), then it reaches their address with its facts and is audited', async (kind, language) => {
    const { requestId, email } = await stack.newRequest({ language });
    const sample = subjectSamples(requestId).find((s) => s.notice.kind === kind)!;

    await stack.notices.sendSubjectNotice(sample.notice);

    const mail = await stack.mail.waitFor(fromNotice(requestId, kind, 1), 10_000);
    expect(mail.to).toEqual([email]);
    expect(missingFacts(mail.text, language, { ...sample.shows, both: [...sample.shows.both, requestId] })).toEqual([]);
    expect(mail.subject.split(' / ')[0]).toMatch(language === 'zh' ? /[\u4e00-\u9fff]/ : /^[^\u4e00-\u9fff]+$/);
    const rows = await auditRows(requestId, 'NOTICE_SENT');
    expect(rows.map((r) => [r.actor, r.details, r.eventKey])).toEqual([['system', { kind }, `${requestId}:notice:${kind}:1`]]);
  });

  // A retried activity must not send a second message: the sent-log holds the key back
  // (see mail-once.test.ts for outages and claims left by other attempts).
  test('when the same notice is sent twice, as on a retry, then one mail goes out with its stable Message-ID and one audit row', async () => {
    const { requestId, email } = await stack.newRequest({ language: 'zh' });
    const notice: SubjectNotice = { requestId, kind: 'withdrawn', seq: 1, facts: { withdrawnOn: '2026-12-05' } };

    await stack.notices.sendSubjectNotice(notice);
    await stack.notices.sendSubjectNotice(notice);

    // The catcher stores a mail before it acknowledges it, so both sends have settled here.
    const copies = stack.mail.messages().filter((m) => m.to.includes(email));
    expect(copies.map((m) => m.messageId)).toEqual([`<${requestId}.notice.withdrawn.1@${MAIL_DOMAIN}>`]);
    expect(await auditRows(requestId, 'NOTICE_SENT')).toHaveLength(1);
  });

  test('when a second notice of the same kind carries the next seq, then it is a new message with its own audit row', async () => {
    const { requestId } = await stack.newRequest();
    const partial = subjectSamples(requestId).find((s) => s.notice.kind === 'partial-reply')!.notice;

    await stack.notices.sendSubjectNotice(partial);
    await stack.notices.sendSubjectNotice({ ...partial, seq: 2 });

    await stack.mail.waitFor(fromNotice(requestId, 'partial-reply', 1), 10_000);
    await stack.mail.waitFor(fromNotice(requestId, 'partial-reply', 2), 10_000);
    expect((await auditRows(requestId, 'NOTICE_SENT')).map((r) => r.eventKey).sort()).toEqual([
      `${requestId}:notice:partial-reply:1`,
      `${requestId}:notice:partial-reply:2`,
    ]);
  });

  test('when the seq is not a whole number, then the activity fails for good and sends nothing', async () => {
    const { requestId, email } = await stack.newRequest();
    const before = stack.mail.messages().length;
    await expect(
      stack.notices.sendSubjectNotice({ requestId, kind: 'withdrawn', seq: 1.5, facts: { withdrawnOn: '2026-12-05' } }),
    ).rejects.toMatchObject({ nonRetryable: true, type: 'InvalidNotice' });
    expect(stack.mail.messages().length).toBe(before);
    expect(stack.mail.messages().some((m) => m.to.includes(email))).toBe(false);
    expect(await auditRows(requestId, 'NOTICE_SENT')).toHaveLength(0);
  });
});

describe('notices to staff', () => {
  test.each(staffSamples('x').map((s) => [s.notice.kind] as const))(
    'when a %s goes to staff, then it reaches the compliance mailbox only, without the subject address, and is audited',
    async (kind) => {
      const { requestId, email } = await stack.newRequest();
      const sample = staffSamples(requestId).find((s) => s.notice.kind === kind)!;

      await stack.notices.notifyStaff(sample.notice);

      const mail = await stack.mail.waitFor((m) => m.messageId === `<${requestId}.staff.${kind}.${sample.notice.seq}@${MAIL_DOMAIN}>`, 10_000);
      expect(mail.to).toEqual([STAFF_MAILBOX]);
      expect(missingFacts(mail.text, 'en', sample.shows)).toEqual([]);
      const [localPart] = email.split('@');
      for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toContain(localPart);
      expect(stack.mail.messages().some((m) => m.to.includes(email))).toBe(false);
      const rows = await auditRows(requestId, 'STAFF_NOTIFIED');
      expect(rows.map((r) => [r.details, r.eventKey])).toEqual([[{ kind }, `${requestId}:staff:${kind}:${sample.notice.seq}`]]);
    },
  );
});
