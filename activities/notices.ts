// Sending the procedure's notices: to the subject, whose address is looked up and
// decrypted only at sending time, and to the compliance mailbox, which gets facts only.
import { ApplicationFailure } from '@temporalio/activity';
import type { StaffNotice, SubjectNotice } from '../domain/notices';
import { sendOnce } from '../mail/sent-log';
import { renderStaffNotice, renderSubjectNotice } from '../mail/templates/notices';
import { appendAudit } from '../db/records';
import type { ActivityDeps } from './deps';
import { subjectContact } from './subject-contact';

export interface NoticeDeps extends ActivityDeps {
  /** The compliance team's mailbox, e.g. "privacy-team@example.com". */
  staffMailTo: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Both values end up in a Message-ID and an audit key, so a malformed one is a bug in the
// caller; retrying would not mend it.
function requireKeyParts({ requestId, seq }: { requestId: string; seq: number }): void {
  if (!UUID.test(requestId) || !Number.isSafeInteger(seq) || seq < 0) {
    throw ApplicationFailure.nonRetryable('A notice needs a request id (UUID) and a whole, non-negative seq.', 'InvalidNotice');
  }
}

/** The notice activities: one to the subject, one to staff, each audited once per key. */
export function noticeActivities(deps: NoticeDeps) {
  const { db, mailer, staffMailTo } = deps;

  const audit = (requestId: string, action: string, kind: string, eventKey: string) =>
    db.$transaction((tx) => appendAudit(tx, { requestId, actor: 'system', action, details: { kind }, eventKey }));

  return {
    /** Renders a notice in the subject's language, mails it to their address and audits it. */
    async sendSubjectNotice(notice: SubjectNotice): Promise<void> {
      requireKeyParts(notice);
      const { requestId, kind, seq } = notice;
      const contact = await subjectContact(deps, requestId);
      const mail = renderSubjectNotice(notice, contact.language);
      // A retry, even one after the mail went out but before the audit, finds the key in the
      // sent-log and sends nothing; the audit's event key keeps one row.
      await sendOnce(db, mailer, { to: contact.email, ...mail, messageKey: `${requestId}.notice.${kind}.${seq}` });
      await audit(requestId, 'NOTICE_SENT', kind, `${requestId}:notice:${kind}:${seq}`);
    },

    /** Mails a reminder, escalation or decision request to the compliance mailbox and audits it. */
    async notifyStaff(notice: StaffNotice): Promise<void> {
      requireKeyParts(notice);
      const { requestId, kind, seq } = notice;
      // Same retry behaviour as subject notices; see above.
      await sendOnce(db, mailer, { to: staffMailTo, ...renderStaffNotice(notice), messageKey: `${requestId}.staff.${kind}.${seq}` });
      await audit(requestId, 'STAFF_NOTIFIED', kind, `${requestId}:staff:${kind}:${seq}`);
    },
  };
}
