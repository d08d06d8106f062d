// Staff actions are proven, not claimed: an update that acts for a member of staff carries
// the API's signed assertion, and the handler has it checked before it changes anything.
//
// Why in the handler and not the validator: validators run in the workflow sandbox, which
// holds no key (and must not), so the check is a local activity, which only a handler can
// await. "Nothing changed" still holds: every staff handler reserves its work (a pending key,
// which its validator and the procedure respect, so the race-safety of the reservation is
// kept) and awaits the proof first; a refusal throws ApplicationFailure with no audit row,
// no state and no status moved, and the reservation is released.
import { patched } from '@temporalio/workflow';
import { assertionActs } from './acts';
import { reject } from './refusals';
import type { RequestRun } from './request-run';

/** The patch of the check: runs recorded before assertions replay their updates unchecked. */
export const STAFF_ASSERTION_PATCH = 'authz-staff-assertion';

/** Refuses the update unless the API signed this action on this request for `staffId`; the
 *  signed role, or null on a run that replays from before assertions. */
export async function proveStaff(run: RequestRun, action: string, staffId: string, assertion: string | undefined): Promise<string | null> {
  if (!patched(STAFF_ASSERTION_PATCH)) return null;
  const check = await assertionActs.verifyStaffAssertion({ requestId: run.requestId, action, staffId, assertion });
  if (!check.ok) reject('FORBIDDEN', check.reason);
  return check.role;
}

/** The roles that may approve an erasure attested by someone else. */
export const APPROVER_ROLES: readonly string[] = ['compliance', 'admin'];
