// The reply that closes a fulfilled request: the access package's link, the deletion certificate,
// or the list of corrected fields; a partial refusal is explained in its own notice.
import type { FinalReplyRequest } from '../domain/notice-requests';
import { localDateOf } from '../policy';
import { sendAccessReply, sendNothingHeldReply } from './access-reply';
import { correctionResults } from './correction-reply';
import { manageResults } from './manage-reply';
import { sendPortabilityReply } from './portability-reply';
import { citerFor } from '../config/controller-profile';
import { getRegime } from '../policy/regimes';
import { appendAudit, readRequest } from '../db/records';
import type { ActivityDeps } from './deps';
import { assertMoveAllowed } from './request-state';
import { type TransitionRecord, writeTransition } from './transitions';
import { issueDeletionCertificate } from './deletion-certificate';
import { composeSubjectNotice } from './notice-composer';
import { noticeActivities } from './notices';
import { accountForStores } from './store-account';
import { purgeSubjectPackages } from '../access-package/purge';
import { composeContext } from './notify';
import { profileAccess } from './profile-access';

export function finalReplyActivities(deps: ActivityDeps) {
  const { db } = deps;
  const notices = noticeActivities(deps);
  const profiles = profileAccess(db, deps.profile, deps.holidayDataDir);

  return {
    /** Sends the closing reply for the request's type and records it; with `close`, the move
     *  that closes the request (its outcome with it) is written with the reply's audit event, so
     *  the reply and the close are one write (runs from before the folded steps record the move
     *  apart). The sent-log makes each mail once; the event keys keep a retry's rows single. */
    async sendFinalReply(r: FinalReplyRequest & { close?: TransitionRecord }): Promise<void> {
      // Checked before any mail leaves: no retry can make a refused move allowed.
      if (r.close) assertMoveAllowed(r.close);
      const row = await readRequest(db, r.requestId);
      const { type } = row;
      const today = localDateOf(deps.clock(), (await profiles.establishmentOf(row)).timeZone);
      const byEngine = r.outcomes.filter((o) => o.settledBy === 'ENGINE');
      // Every mapped store: searched with counts, nothing found, or not searched and why.
      const searched = await accountForStores(db, r.requestId, r.outcomes);
      // Nothing held: every store that was searched answered with no record (or none was planned).
      // A store settled by hand or skipped may hold something, so it keeps the package reply.
      const nothingHeld = r.outcomes.every((o) => o.settledBy === 'ENGINE' && o.processed === 0);
      if (type === 'ACCESS' && nothingHeld) {
        await sendNothingHeldReply(deps, r.requestId, searched);
      } else if (type === 'PORTABILITY') {
        await sendPortabilityReply(deps, r.requestId, byEngine.map((o) => o.store), searched);
      } else if (type === 'ACCESS') {
        await sendAccessReply(deps, r.requestId, byEngine.map((o) => o.store), searched);
      } else if (type === 'CORRECTION') {
        const asked = Object.keys(row.details?.correctionFields ?? {});
        const stores = await correctionResults(deps, r.requestId, r.outcomes, asked);
        await notices.sendSubjectNotice({ requestId: r.requestId, kind: 'correction-done', seq: 1, facts: { completedOn: today, stores, searched } });
      } else if (type === 'MANAGE') {
        const choice = row.details?.manage;
        if (!choice) throw new Error('The manage request names no purpose or action.');
        const cite = citerFor(await profiles.profileOf(row));
        const { manage } = getRegime(row.regime).rights;
        const citations = { right: cite(manage.citation), effect: cite(manage.withdrawalEffect) };
        const facts = { completedOn: today, action: choice.action, ...(await manageResults(deps, r.requestId, r.outcomes, choice)), citations, searched };
        await notices.sendSubjectNotice({ requestId: r.requestId, kind: 'manage-done', seq: 1, facts });
      } else {
        // A copy of the data must not outlive the data: the subject's access packages go first.
        const purged = await purgeSubjectPackages(db, row.subjectId, r.requestId, deps.clock());
        // Stored first, so a retried reply mails the same certificate.
        const certificate = await issueDeletionCertificate(deps, r.requestId, r.outcomes, purged);
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
              account: searched.find((a) => a.store === s.store) ?? { store: s.store, result: s.search ?? 'SEARCHED' },
            })),
            certificate: { id: certificate.id, digest: certificate.digest },
            accessPackagesPurged: certificate.body.accessPackagesPurged?.length ?? 0,
            ...(certificate.body.openedOnOwnMotion && { openedOnOwnMotion: certificate.body.openedOnOwnMotion.statement }),
          },
        });
      }
      if (r.excluded.length > 0) {
        await notices.sendSubjectNotice(composeSubjectNotice(await composeContext(deps, row, deps.publicUrl ?? ''), 2, { kind: 'refusal', grounds: r.grounds, excluded: r.excluded }));
      }
      const now = deps.clock();
      await db.$transaction(async (tx) => {
        await appendAudit(tx, { requestId: r.requestId, actor: 'system', action: 'REPLY_SENT', details: { kind: `${type.toLowerCase()}-reply`, stores: r.outcomes.map((o) => o.store), ...(type === 'ACCESS' && nothingHeld && { nothingHeld: true }) }, eventKey: `${r.requestId}:reply` });
        if (r.close) await writeTransition(tx, deps.cipher, now, r.close);
      });
    },
  };
}
