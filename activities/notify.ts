// The notice activities the workflow calls: compose the facts, then send and audit.
import type { StaffAlertRequest, SubjectNoticeRequest } from '../domain/notice-requests';
import { citerFor } from '../config/controller-profile';
import { readRequest, type RequestRecord } from '../db/records';
import type { ActivityDeps } from './deps';
import { composeStaffNotice, composeSubjectNotice, type ComposeContext } from './notice-composer';
import { noticeActivities } from './notices';
import { profileAccess } from './profile-access';
import type { ManageChoice } from '../domain/manage';
import { getRegime, verificationNotRequired } from '../policy';

/** What composing a notice needs besides the request: its profile's zone and policy name. */
export async function composeContext(deps: ActivityDeps, row: RequestRecord, publicUrl = deps.publicUrl ?? 'http://127.0.0.1:3000'): Promise<ComposeContext> {
  const profiles = profileAccess(deps.db, deps.profile, deps.holidayDataDir);
  const profile = await profiles.profileOf(row);
  return {
    row,
    now: deps.clock(),
    timeZone: (await profiles.establishmentOf(row)).timeZone,
    cite: citerFor(profile),
    stores: deps.stores,
    publicUrl,
    statusLinkKey: deps.statusLinkKey,
    verificationNotRequired: verificationNotRequired(getRegime(row.regime), row.type, (row.details as { manage?: ManageChoice } | null)?.manage, deps.purposes ?? []) !== null,
  };
}

export function notifyActivities(deps: ActivityDeps) {
  const send = noticeActivities(deps);
  const context = async (requestId: string): Promise<ComposeContext> =>
    composeContext(deps, await readRequest(deps.db, requestId));
  return {
    /** Tells the subject something about their request, in their language and ours. */
    async notifySubject({ requestId, seq, notice }: { requestId: string; seq: number; notice: SubjectNoticeRequest }): Promise<void> {
      await send.sendSubjectNotice(composeSubjectNotice(await context(requestId), seq, notice));
    },

    /** Alerts the compliance mailbox: reminder, escalation, or a decision to take. */
    async alertStaff({ requestId, seq, alert }: { requestId: string; seq: number; alert: StaffAlertRequest }): Promise<void> {
      await send.notifyStaff(composeStaffNotice(await context(requestId), seq, alert));
    },

    sendSubjectNotice: send.sendSubjectNotice,
  };
}
