// Checks the API's proof that a member of staff asked for an action, before the workflow lets
// the action change anything. It reads nothing and writes nothing, so it runs as a local activity.
import { checkStaffAssertion, type AssertionCheck } from '../crypto/staff-assertion';
import type { ActivityDeps } from './deps';

export function staffAssertionActivities({ staffAssertionKey, clock }: ActivityDeps) {
  return {
    /** Is `assertion` the API's signature on this request, action and member of staff, still valid? */
    async verifyStaffAssertion(a: { requestId: string; action: string; staffId: string; assertion?: string }): Promise<AssertionCheck> {
      if (!staffAssertionKey) return { ok: false, reason: 'The worker has no staff assertion key, so no staff action can be proven.' };
      return checkStaffAssertion(staffAssertionKey, a.assertion, a, clock());
    },
  };
}
