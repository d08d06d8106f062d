// The notice activities the workflow calls: compose the facts, then send and audit.
import type { StaffAlertRequest, SubjectNoticeRequest } from '../domain/notice-requests';
import type { ActivityDeps } from './deps';
import { composeStaffNotice, composeSubjectNotice, type ComposeContext } from './notice-composer';
import { noticeActivities } from './notices';

export function notifyActivities(deps: ActivityDeps) {
  const send = noticeActivities(deps);
  const context = async (requestId: string): Promise<ComposeContext> => ({
    row: await deps.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } }),
    now: deps.clock(),
    stores: deps.stores,
    publicUrl: deps.publicUrl ?? 'http://127.0.0.1:3000',
    statusLinkKey: deps.statusLinkKey,
  });
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
