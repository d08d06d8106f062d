// The waiting period before an erasure confirmed only by a mailed code: a code can be guessed
// or a mailbox read by someone else, so the subject hears of it and can cancel before anything is erased.
import { issueStatusToken } from '../crypto/status-token';
import { sendOnce } from '../mail/sent-log';
import { erasurePendingMail } from '../mail/templates/erasure-pending';
import { appendAudit } from '../db/records';
import type { ActivityDeps } from './deps';
import { subjectContact } from './subject-contact';

/** DELETION_CONFIRMATION_WINDOW's default: a day. */
export const DEFAULT_DELETION_CONFIRMATION_WINDOW_MS = 24 * 60 * 60 * 1000;

export function erasureConfirmationActivities(deps: ActivityDeps) {
  return {
    /** Mails the cancel link and returns how long the workflow waits before erasing (0: no wait). */
    async announceErasure({ requestId }: { requestId: string }): Promise<{ windowMs: number }> {
      const windowMs = deps.deletionConfirmationWindowMs ?? DEFAULT_DELETION_CONFIRMATION_WINDOW_MS;
      if (windowMs <= 0) return { windowMs: 0 };
      const now = deps.clock();
      const contact = await subjectContact(deps, requestId);
      // The status page, whose withdraw button cancels; a fresh token, as in every mail that asks the subject to act.
      const page = `${deps.publicUrl ?? ''}/portal/requests/${requestId}`;
      const token = deps.statusLinkKey ? issueStatusToken(deps.statusLinkKey, requestId, now) : undefined;
      const cancelUrl = `${page}?${new URLSearchParams({ ...(token ? { token } : {}), lang: contact.language === 'en' ? 'en' : 'zh' }).toString()}`;
      const mail = erasurePendingMail({ requestId, hours: Math.round((windowMs / 3_600_000) * 10) / 10, cancelUrl, language: contact.language });
      await deps.db.$transaction((tx) => appendAudit(tx, { requestId, actor: 'system', action: 'ERASURE_ANNOUNCED', details: { windowMs } }));
      await sendOnce(deps.db, deps.mailer, { to: contact.email, ...mail, messageKey: `${requestId}.erasure-pending` });
      return { windowMs };
    },
  };
}
