// The subject's contact (e-mail address, and telephone number if given) for the staff whose
// work needs it: compliance, and the member of staff who opened the request for the subject
// (who may have to call them back). Decrypted only on a deliberate request, and every such
// view is on the trail as CONTACT_VIEWED, naming who looked, never what they saw.
import { appendAudit, findRequestFields } from '../../db/records';
import type { StaffRole } from '../staff/roles';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';

export interface SubjectContact {
  email: string;
  phone?: string;
}

/** Whether this member of staff may see the contact of a request they did (or did not) open. */
export function mayViewContact(staff: { staffId: string; role: StaffRole }, openedBy: string | null): boolean {
  return staff.role === 'compliance' || (staff.role === 'agent' && openedBy === staff.staffId);
}

/** The request's contact in clear, the view audited first; 404 unknown request, 403 not allowed. */
export async function viewSubjectContact(deps: Pick<ServerDeps, 'db' | 'cipher'>, staff: { staffId: string; role: StaffRole }, requestId: string): Promise<SubjectContact> {
  const row = await findRequestFields(deps.db, requestId, { attestedBy: true, phoneEncrypted: true, subject: { select: { emailEncrypted: true } } });
  if (!row) throw notFound('The request');
  if (!mayViewContact(staff, row.attestedBy)) throw new AppError(403, 'FORBIDDEN', 'The subject’s contact is for compliance and for whoever opened the request.');
  // Audited before it is shown: a view that was not recorded must not happen.
  await appendAudit(deps.db, { requestId, actor: `staff:${staff.staffId}`, action: 'CONTACT_VIEWED' });
  return {
    email: deps.cipher.decrypt(row.subject.emailEncrypted, 'DataSubject.emailEncrypted'),
    ...(row.phoneEncrypted && { phone: deps.cipher.decrypt(row.phoneEncrypted, 'DsrRequest.phoneEncrypted') }),
  };
}
