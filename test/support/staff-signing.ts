// What the API does for every staff action, for tests that drive workflows through a client:
// a client interceptor that signs each update acting for staff, and each attested start, with
// the staff assertion the workflow checks (crypto/staff-assertion.ts). Tests of forgery use
// a client without it.
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { signStaffAssertion, staffAssertionKey } from '../../crypto/staff-assertion';
import { OPEN_ATTESTED } from '../../workflows/messages';

type Arg = { staffId?: unknown; actor?: unknown; assertion?: unknown; attestation?: { staffId: string; assertion?: string }; requestId?: string } | undefined;

/** The role tests sign as, unless the test names another. */
export const DEFAULT_TEST_ROLE = 'compliance';

/** An interceptor signing as the API would, with the key derived from `pepper`; `now` is the activities' clock. */
export function staffSigningInterceptor(pepper: string, now: () => Date): WorkflowClientInterceptor {
  const key = staffAssertionKey(pepper);
  const sign = (requestId: string, action: string, staffId: string) => signStaffAssertion(key, { requestId, action, staffId, role: DEFAULT_TEST_ROLE }, now());
  return {
    async start(input, next) {
      const arg = input.options.args[0] as Arg;
      if (!arg?.attestation || arg.attestation.assertion || !arg.requestId) return next(input);
      const attestation = { ...arg.attestation, assertion: sign(arg.requestId, OPEN_ATTESTED, arg.attestation.staffId) };
      return next({ ...input, options: { ...input.options, args: [{ ...arg, attestation }, ...input.options.args.slice(1)] } });
    },
    async startUpdate(input, next) {
      const arg = input.args[0] as Arg;
      const staffId = typeof arg?.staffId === 'string' ? arg.staffId : typeof arg?.actor === 'string' && arg.actor.startsWith('staff:') ? arg.actor.slice(6) : null;
      if (!arg || staffId === null || 'assertion' in arg) return next(input);
      const requestId = input.workflowExecution.workflowId.replace(/^dsr-/, '');
      return next({ ...input, args: [{ ...arg, assertion: sign(requestId, input.updateName, staffId) }, ...input.args.slice(1)] });
    },
  };
}
