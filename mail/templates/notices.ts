// Picks the template for a notice kind. The switches are exhaustive, so a new kind in
// domain/notices.ts does not compile until it has a template.
import { guardianNotAttestedMail } from './guardian-not-attested';
import type { StaffNotice, SubjectNotice } from '../../domain/notices';
import type { Language } from '../../domain/request-kinds';
import { acknowledgementMail } from './acknowledgement';
import { closedNoFeeAnswerMail } from './closed-no-fee-answer';
import { correctionDoneMail } from './correction-done';
import { deletionDoneMail } from './deletion-done';
import { manageDoneMail } from './manage-done';
import { duplicateMail } from './duplicate';
import { supersededMail } from './superseded';
import { extensionNoticeMail } from './extension-notice';
import { feeDeclinedMail } from './fee-declined';
import { feeQuoteMail } from './fee-quote';
import type { Rendered } from './layout';
import { partialReplyMail } from './partial-reply';
import { refusalMail } from './refusal';
import { staffDecisionNeededMail } from './staff-decision-needed';
import { staffEscalationMail } from './staff-escalation';
import { staffManualTaskMail } from './staff-manual-task';
import { staffReminderMail } from './staff-reminder';
import { withdrawnMail } from './withdrawn';

/** Renders a notice to the subject in their language first. */
export function renderSubjectNotice(notice: SubjectNotice, language: Language): Rendered {
  const ctx = { requestId: notice.requestId, language };
  switch (notice.kind) {
    case 'acknowledgement':
      return acknowledgementMail({ ...ctx, ...notice.facts });
    case 'fee-quote':
      return feeQuoteMail({ ...ctx, ...notice.facts });
    case 'extension-notice':
      return extensionNoticeMail({ ...ctx, ...notice.facts });
    case 'refusal':
      return refusalMail({ ...ctx, ...notice.facts });
    case 'duplicate':
      return duplicateMail({ ...ctx, ...notice.facts });
    case 'superseded':
      return supersededMail({ ...ctx, ...notice.facts });
    case 'deletion-done':
      return deletionDoneMail({ ...ctx, ...notice.facts });
    case 'correction-done':
      return correctionDoneMail({ ...ctx, ...notice.facts });
    case 'manage-done':
      return manageDoneMail({ ...ctx, ...notice.facts });
    case 'partial-reply':
      return partialReplyMail({ ...ctx, ...notice.facts });
    case 'withdrawn':
      return withdrawnMail({ ...ctx, ...notice.facts });
    case 'closed-no-fee-answer':
      return closedNoFeeAnswerMail({ ...ctx, ...notice.facts });
    case 'fee-declined':
      return feeDeclinedMail({ ...ctx, ...notice.facts });
    case 'guardian-not-attested':
      return guardianNotAttestedMail(ctx);
  }
}

/** Renders a notice to the compliance mailbox. */
export function renderStaffNotice(notice: StaffNotice): Rendered {
  const { requestId } = notice;
  switch (notice.kind) {
    case 'reminder':
      return staffReminderMail({ requestId, ...notice.facts });
    case 'escalation':
      return staffEscalationMail({ requestId, ...notice.facts });
    case 'decision-needed':
      return staffDecisionNeededMail({ requestId, ...notice.facts });
    case 'manual-task':
      return staffManualTaskMail({ requestId, ...notice.facts });
  }
}
