// The deployer's account system tells the engine that a subject signed in: during an account
// closure's cooling-off period that cancels the closure (workflows/steps/account-closure.ts).
// The call is signed with ACCOUNT_SYSTEM_SECRET (HMAC-SHA256 over "dsr-account-event.<ts>.<body>"),
// its timestamp must be within five minutes, and its event id is taken once, so a captured
// call cannot be replayed. The e-mail is only hashed, to find the subject; never stored.
import { hashIdentity } from '../../crypto/identity-hash';
import { openAccountClosureIdsOf } from '../../db/records';
import { signStaffAssertion, staffAssertionKey } from '../../crypto/staff-assertion';
import { ACCOUNT_EVENT_LABEL, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../stores/webhook/signature';
import { ACCOUNT_SYSTEM_ACTOR, cancelClosureBySignInUpdate } from '../../workflows/messages';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';
import { updateRequest } from './request-update';

export interface SignInEvent {
  eventId: string;
  email: string;
  signedInAt: string;
}

/** Refuses (401) a call not signed with the account system's secret or outside the replay window. */
export function authenticateAccountEvent(deps: ServerDeps, rawBody: string, headers: Record<string, unknown>): void {
  if (!deps.accountSystemSecret) throw notFound('The account-system endpoint');
  const check = verifySignature(deps.accountSystemSecret, ACCOUNT_EVENT_LABEL, rawBody, headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER], deps.clock());
  if (!check.ok) throw new AppError(401, 'SIGNATURE_INVALID', `The event was refused: ${check.problem}. Nothing was changed.`);
}

/** Cancels every account closure of the subject that is in its cooling-off period; how many it cancelled. */
export async function recordSignIn(deps: ServerDeps, event: SignInEvent): Promise<{ eventId: string; cancelled: number }> {
  const signedInAt = new Date(event.signedInAt);
  if (Number.isNaN(signedInAt.getTime()) || signedInAt.getTime() > deps.clock().getTime() + 5 * 60_000) {
    throw new AppError(400, 'INVALID_INPUT', 'signedInAt must be an ISO 8601 instant, not in the future.');
  }
  const taken = await deps.db.accountEventReceipt.createMany({ data: [{ eventId: event.eventId, kind: 'sign-in' }], skipDuplicates: true });
  if (taken.count === 0) throw new AppError(409, 'EVENT_REPLAYED', `Event ${event.eventId} was already received; nothing was changed.`);
  const subject = await deps.db.dataSubject.findUnique({ where: { emailHash: hashIdentity(deps.identityPepper, event.email) }, select: { id: true } });
  if (!subject) return { eventId: event.eventId, cancelled: 0 };
  const open = await openAccountClosureIdsOf(deps.db, subject.id);
  let cancelled = 0;
  for (const id of open) {
    const assertion = signStaffAssertion(staffAssertionKey(deps.identityPepper), { requestId: id, action: cancelClosureBySignInUpdate.name, staffId: ACCOUNT_SYSTEM_ACTOR, role: ACCOUNT_SYSTEM_ACTOR }, deps.clock());
    try {
      await updateRequest(deps, id, cancelClosureBySignInUpdate, { signedInAt: signedInAt.toISOString(), assertion });
      cancelled += 1;
    } catch (err) {
      // A closure not (or no longer) in its cooling-off period is not cancelled by a sign-in.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
    }
  }
  return { eventId: event.eventId, cancelled };
}
