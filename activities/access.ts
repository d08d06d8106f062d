// Fulfilling an access request against the account store and replying with the result.
import { accessReplyMail, type AccessSection } from '../mail/templates/access-reply';
import { unverifiableMail } from '../mail/templates/unverifiable';
import { appendAudit } from './audit';
import type { ActivityDeps } from './deps';
import { subjectContact } from './subject-contact';

export interface CollectedSummary {
  stores: Array<{ store: string; records: number }>;
}

const ACCOUNT_STORE = 'customer-accounts';

export function accessActivities(deps: ActivityDeps) {
  const { db, mailer } = deps;

  async function accountSection(email: string): Promise<AccessSection> {
    const rows = await db.customerAccount.findMany({ where: { email } });
    return {
      store: ACCOUNT_STORE,
      records: rows.map((r) => ({
        email: r.email,
        fullName: r.fullName,
        phone: r.phone,
        companyName: r.companyName,
        plan: r.plan,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  return {
    /** Locates the subject's data; returns counts only, so no data enters the history. */
    async collectAccessData({ requestId }: { requestId: string }): Promise<CollectedSummary> {
      const contact = await subjectContact(deps, requestId);
      const section = await accountSection(contact.email);
      const summary = { stores: [{ store: section.store, records: section.records.length }] };
      await db.$transaction((tx) =>
        appendAudit(tx, { requestId, actor: 'system', action: 'DATA_COLLECTED', details: summary, eventKey: `${requestId}:collected` }),
      );
      return summary;
    },

    /** Mails the subject what was found, read afresh from the stores at sending time. */
    async sendAccessReply({ requestId }: { requestId: string; collected: CollectedSummary }): Promise<void> {
      const contact = await subjectContact(deps, requestId);
      const mail = accessReplyMail({ requestId, sections: [await accountSection(contact.email)], language: contact.language });
      await mailer.send({ to: contact.email, ...mail, messageKey: `${requestId}.access-reply` });
      await db.$transaction((tx) =>
        appendAudit(tx, { requestId, actor: 'system', action: 'REPLY_SENT', details: { kind: 'access-reply' }, eventKey: `${requestId}:reply` }),
      );
    },

    /** Tells the requester that the request closed unverified. */
    async sendUnverifiableNotice({ requestId }: { requestId: string }): Promise<void> {
      const contact = await subjectContact(deps, requestId);
      await mailer.send({ to: contact.email, ...unverifiableMail({ requestId, language: contact.language }), messageKey: `${requestId}.unverifiable` });
      await db.$transaction((tx) =>
        appendAudit(tx, { requestId, actor: 'system', action: 'REPLY_SENT', details: { kind: 'unverifiable' }, eventKey: `${requestId}:reply` }),
      );
    },
  };
}
