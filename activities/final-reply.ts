// The reply that closes a fulfilled request: the access package's link, the deletion certificate,
// or the list of corrected fields; a partial refusal is explained in its own notice.
import type { RequestType } from '../domain/request-kinds';
import type { FinalReplyRequest } from '../domain/notice-requests';
import { localDateOf } from '../policy';
import { sendAccessReply } from './access-reply';
import { appendAudit } from './audit';
import type { ActivityDeps } from './deps';
import { issueDeletionCertificate } from './deletion-certificate';
import { composeSubjectNotice } from './notice-composer';
import { noticeActivities } from './notices';
import { composeContext } from './notify';
import { profileAccess } from './profile-access';

export function finalReplyActivities(deps: ActivityDeps) {
  const { db } = deps;
  const notices = noticeActivities(deps);
  const profiles = profileAccess(db, deps.profile, deps.holidayDataDir);

  return {
    /** Sends the closing reply for the request's type and records it. */
    async sendFinalReply(r: FinalReplyRequest): Promise<void> {
      const row = await db.dsrRequest.findUniqueOrThrow({ where: { id: r.requestId } });
      const type = row.type as RequestType;
      const today = localDateOf(deps.clock(), (await profiles.establishmentOf(row)).timeZone);
      const byEngine = r.outcomes.filter((o) => o.settledBy === 'ENGINE');
      if (type === 'ACCESS') {
        await sendAccessReply(deps, r.requestId, byEngine.map((o) => o.store));
      } else if (type === 'CORRECTION') {
        const fields = Object.keys((row.details as { correctionFields?: Record<string, true> } | null)?.correctionFields ?? {});
        await notices.sendSubjectNotice({ requestId: r.requestId, kind: 'correction-done', seq: 1, facts: { completedOn: today, stores: byEngine.filter((o) => o.processed > 0).map((o) => ({ store: o.store, fields })) } });
      } else {
        // Stored first, so a retried reply mails the same certificate.
        const certificate = await issueDeletionCertificate(deps, r.requestId, r.outcomes);
        await notices.sendSubjectNotice({
          requestId: r.requestId,
          kind: 'deletion-done',
          seq: 1,
          facts: {
            completedOn: certificate.body.completedOn,
            stores: certificate.body.stores.map((s) => ({
              store: s.store,
              erased: s.erased,
              anonymised: s.anonymised,
              retained: s.retained.map(({ category, records, reason, basis }) => ({ category, records, reason, basis })),
            })),
            certificate: { id: certificate.id, digest: certificate.digest },
          },
        });
      }
      if (r.excluded.length > 0) {
        await notices.sendSubjectNotice(composeSubjectNotice(await composeContext(deps, row, deps.publicUrl ?? ''), 2, { kind: 'refusal', grounds: r.grounds, excluded: r.excluded }));
      }
      await db.$transaction((tx) =>
        appendAudit(tx, { requestId: r.requestId, actor: 'system', action: 'REPLY_SENT', details: { kind: `${type.toLowerCase()}-reply`, stores: r.outcomes.map((o) => o.store) }, eventKey: `${r.requestId}:reply` }),
      );
    },
  };
}
