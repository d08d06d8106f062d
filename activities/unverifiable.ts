// The reply to a request closed because identity was never verified.
import { sendOnce } from '../mail/sent-log';
import { unverifiableMail } from '../mail/templates/unverifiable';
import { appendAudit } from '../db/records';
import type { ActivityDeps } from './deps';
import { subjectContact } from './subject-contact';

export function unverifiableActivities(deps: ActivityDeps) {
  return {
    /** Tells the requester that the request closed unverified. */
    async sendUnverifiableNotice({ requestId }: { requestId: string }): Promise<void> {
      const contact = await subjectContact(deps, requestId);
      await sendOnce(deps.db, deps.mailer, { to: contact.email, ...unverifiableMail({ requestId, language: contact.language }), messageKey: `${requestId}.unverifiable` });
      await deps.db.$transaction((tx) =>
        appendAudit(tx, { requestId, actor: 'system', action: 'REPLY_SENT', details: { kind: 'unverifiable' }, eventKey: `${requestId}:reply` }),
      );
    },
  };
}
