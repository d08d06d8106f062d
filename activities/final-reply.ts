// The reply that closes a fulfilled request: the access data, the deletion certificate,
// or the list of corrected fields; a partial refusal is explained in its own notice.
import type { RequestType } from '../domain/request-kinds';
import type { FinalReplyRequest } from '../domain/notice-requests';
import { sendOnce } from '../mail/sent-log';
import { accessReplyMail, type AccessSection } from '../mail/templates/access-reply';
import { getRegime, localDateOf } from '../policy';
import { appendAudit } from './audit';
import type { ActivityDeps } from './deps';
import { composeSubjectNotice } from './notice-composer';
import { noticeActivities } from './notices';
import { subjectContact } from './subject-contact';

export function finalReplyActivities(deps: ActivityDeps) {
  const { db, mailer, stores } = deps;
  const notices = noticeActivities(deps);

  async function accessSections(requestId: string, storeNames: string[]): Promise<AccessSection[]> {
    const request = await db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
    const contact = await subjectContact(deps, requestId);
    const sections: AccessSection[] = [];
    for (const name of storeNames) {
      const exported = await stores.get(name).export({ subjectId: request.subjectId, email: contact.email });
      for (const [category, rows] of Object.entries(exported)) {
        sections.push({ store: `${name} / ${category}`, records: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)]))) });
      }
    }
    return sections;
  }

  return {
    /** Sends the closing reply for the request's type and records it. */
    async sendFinalReply(r: FinalReplyRequest): Promise<void> {
      const row = await db.dsrRequest.findUniqueOrThrow({ where: { id: r.requestId } });
      const type = row.type as RequestType;
      const today = localDateOf(deps.clock(), getRegime(row.regime).timeZone);
      const byEngine = r.outcomes.filter((o) => o.settledBy === 'ENGINE');
      if (type === 'ACCESS') {
        const contact = await subjectContact(deps, r.requestId);
        const mail = accessReplyMail({ requestId: r.requestId, sections: await accessSections(r.requestId, byEngine.map((o) => o.store)), language: contact.language });
        await sendOnce(db, mailer, { to: contact.email, ...mail, messageKey: `${r.requestId}.access-reply` });
      } else if (type === 'CORRECTION') {
        const fields = Object.keys((row.details as { correctionFields?: Record<string, true> } | null)?.correctionFields ?? {});
        await notices.sendSubjectNotice({ requestId: r.requestId, kind: 'correction-done', seq: 1, facts: { completedOn: today, stores: byEngine.filter((o) => o.processed > 0).map((o) => ({ store: o.store, fields })) } });
      } else {
        await notices.sendSubjectNotice({
          requestId: r.requestId,
          kind: 'deletion-done',
          seq: 1,
          facts: {
            completedOn: today,
            stores: r.outcomes.map((o) => ({ store: o.store, erased: o.processed, retained: o.retained.map(({ category, records, reason, basis }) => ({ category, records, reason, basis })) })),
          },
        });
      }
      if (r.excluded.length > 0) {
        await notices.sendSubjectNotice(composeSubjectNotice({ row, now: deps.clock(), stores, publicUrl: deps.publicUrl ?? '' }, 2, { kind: 'refusal', grounds: r.grounds, excluded: r.excluded }));
      }
      await db.$transaction((tx) =>
        appendAudit(tx, { requestId: r.requestId, actor: 'system', action: 'REPLY_SENT', details: { kind: `${type.toLowerCase()}-reply`, stores: r.outcomes.map((o) => o.store) }, eventKey: `${r.requestId}:reply` }),
      );
    },
  };
}
