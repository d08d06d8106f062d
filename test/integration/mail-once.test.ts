// Once-only delivery on real services: the sent-log in PostgreSQL, SMTP to the loopback
// catcher, and an outage made by closing the catcher's port.
import { randomUUID } from 'node:crypto';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../devtools/mail-catcher';
import type { SubjectNotice } from '../../domain/notices';
import { createSmtpMailer, type Mailer, type OutgoingMail } from '../../mail/mailer';
import { sendOnce, SEND_LEASE_MS } from '../../mail/sent-log';
import { renderSubjectNotice } from '../../mail/templates/notices';
import { MAIL_DOMAIN, startMailStack, type MailStack } from '../support/mail-stack';

let stack: MailStack;
let mailer: Mailer;
beforeAll(async () => {
  stack = await startMailStack();
  mailer = mailerTo(stack.mail.port);
});
afterAll(async () => {
  mailer?.close();
  await stack?.close();
});

function mailerTo(port: number): Mailer {
  return createSmtpMailer({ host: '127.0.0.1', port, secure: false, from: `Privacy Office <privacy@${MAIL_DOMAIN}>` });
}

const withId = (messageKey: string) => (m: CaughtMail) => m.messageId === `<${messageKey}@${MAIL_DOMAIN}>`;
const copiesIn = (catcher: MailCatcher, messageKey: string) => catcher.messages().filter(withId(messageKey));
const sentLog = (messageKey: string) => stack.db.sentMail.findUnique({ where: { messageKey } });

/** A plain mail about a fresh request id, under a key no other test uses. */
function someMail(): OutgoingMail {
  const requestId = randomUUID();
  return { to: `subject-${randomUUID()}@example.org`, subject: 'Your request', text: 'Done.', html: '<p>Done.</p>', messageKey: `${requestId}.notice.withdrawn.1` };
}

/** A port that nothing listens on: the catcher's own, once it has closed. */
async function closedPort(): Promise<number> {
  const catcher = await startMailCatcher(0);
  await catcher.close();
  return catcher.port;
}

describe('a retried send', () => {
  test('when the same notice is sent twice, as on a retry after success, then one mail goes out and one SENT row is left', async () => {
    const { requestId, email } = await stack.newRequest();
    const notice: SubjectNotice = { requestId, kind: 'withdrawn', seq: 1, facts: { withdrawnOn: '2026-12-05' } };
    const key = `${requestId}.notice.withdrawn.1`;

    await stack.notices.sendSubjectNotice(notice);
    await stack.notices.sendSubjectNotice(notice);

    // The catcher stores a mail before it acknowledges it, so both sends have settled here.
    expect(stack.mail.messages().filter((m) => m.to.includes(email)).map((m) => m.messageId)).toEqual([`<${key}@${MAIL_DOMAIN}>`]);
    const rows = await stack.db.sentMail.findMany({ where: { requestId } });
    expect(rows.map((r) => [r.messageKey, r.state, r.sentAt instanceof Date])).toEqual([[key, 'SENT', true]]);
  });

  test('when sendOnce is called twice directly, then it reports SENT and then ALREADY_SENT', async () => {
    const mail = someMail();
    expect(await sendOnce(stack.db, mailer, mail)).toBe('SENT');
    expect(await sendOnce(stack.db, mailer, mail)).toBe('ALREADY_SENT');
    expect(copiesIn(stack.mail, mail.messageKey)).toHaveLength(1);
    expect(await sentLog(mail.messageKey)).toMatchObject({ state: 'SENT', requestId: mail.messageKey.split('.')[0] });
  });

  test('when two attempts send the same mail at once, then one mail goes out and the other attempt sends nothing', async () => {
    const mail = someMail();
    const results = await Promise.allSettled([sendOnce(stack.db, mailer, mail), sendOnce(stack.db, mailer, mail)]);

    const outcomes = results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as { type?: string }).type)).sort();
    expect(outcomes[1]).toBe('SENT');
    expect(['ALREADY_SENT', 'MailSendInProgress']).toContain(outcomes[0]);
    expect(copiesIn(stack.mail, mail.messageKey)).toHaveLength(1);
    expect(await sentLog(mail.messageKey)).toMatchObject({ state: 'SENT' });
  });
});

describe('an SMTP outage', () => {
  test('when the server is down, then sendOnce fails retryably and frees the key; once it is back, the same call delivers one mail', async () => {
    const port = await closedPort();
    const outageMailer = mailerTo(port);
    const mail = someMail();
    try {
      const failure = await sendOnce(stack.db, outageMailer, mail).then(
        () => undefined,
        (err: unknown) => err as { type?: string; nonRetryable?: boolean; message: string },
      );
      expect(failure).toMatchObject({ type: 'MailSendFailed', nonRetryable: false });
      // The failure lands in the workflow history unencrypted, so it must not quote the address.
      expect(failure?.message).not.toContain(mail.to.split('@')[0]);
      expect(await sentLog(mail.messageKey)).toBeNull();

      const revived = await startMailCatcher(port);
      try {
        expect(await sendOnce(stack.db, outageMailer, mail)).toBe('SENT');
        expect(copiesIn(revived, mail.messageKey)).toHaveLength(1);
        expect(await sentLog(mail.messageKey)).toMatchObject({ state: 'SENT' });
      } finally {
        await revived.close();
      }
    } finally {
      outageMailer.close();
    }
  });
});

describe('a claim left by another attempt', () => {
  test('when a SENDING claim is older than the lease, then it is taken over and the mail delivered', async () => {
    const mail = someMail();
    const stale = new Date(Date.now() - 10 * 60_000);
    await stack.db.sentMail.create({ data: { messageKey: mail.messageKey, state: 'SENDING', claimedAt: stale } });

    expect(await sendOnce(stack.db, mailer, mail)).toBe('SENT');

    expect(copiesIn(stack.mail, mail.messageKey)).toHaveLength(1);
    const row = await sentLog(mail.messageKey);
    expect(row).toMatchObject({ state: 'SENT' });
    expect(row!.claimedAt.getTime()).toBeGreaterThan(stale.getTime() + SEND_LEASE_MS);
  });

  test('when a SENDING claim is fresh, then sendOnce fails retryably, sends nothing and leaves the claim alone', async () => {
    const mail = someMail();
    const fresh = new Date(Date.now() - 5_000);
    await stack.db.sentMail.create({ data: { messageKey: mail.messageKey, state: 'SENDING', claimedAt: fresh } });

    await expect(sendOnce(stack.db, mailer, mail)).rejects.toMatchObject({ type: 'MailSendInProgress', nonRetryable: false });

    expect(copiesIn(stack.mail, mail.messageKey)).toHaveLength(0);
    expect(await sentLog(mail.messageKey)).toMatchObject({ state: 'SENDING', claimedAt: fresh, sentAt: null });
  });
});

describe('the audit of a notice', () => {
  test('when the mail went out but the activity died before its audit, then the retry audits once and sends nothing more', async () => {
    const { requestId, email } = await stack.newRequest({ language: 'zh' });
    const notice: SubjectNotice = { requestId, kind: 'withdrawn', seq: 1, facts: { withdrawnOn: '2026-12-05' } };
    const key = `${requestId}.notice.withdrawn.1`;
    // The first attempt: the mail is delivered, then the worker is lost before the audit.
    await sendOnce(stack.db, mailer, { to: email, ...renderSubjectNotice(notice, 'zh'), messageKey: key });

    await stack.notices.sendSubjectNotice(notice);
    await stack.notices.sendSubjectNotice(notice);

    expect(stack.mail.messages().filter((m) => m.to.includes(email))).toHaveLength(1);
    const audits = await stack.db.auditEvent.findMany({ where: { requestId, action: 'NOTICE_SENT' } });
    expect(audits.map((a) => a.eventKey)).toEqual([`${requestId}:notice:withdrawn:1`]);
  });
});
