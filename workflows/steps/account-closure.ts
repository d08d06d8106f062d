// Between assessment and erasure, for an account closure where the regime runs closure with a
// cooling-off period (China): blockers refuse it with stated reasons; otherwise the period of
// the controller's profile runs, and a sign-in reported by the account system meanwhile
// cancels the closure with nothing erased. Versioned: closures recorded before this step
// replay without it.
import { condition, patched, setHandler } from '@temporalio/workflow';
import type { RequestStatus } from '../../domain/status';
import { acts } from '../acts';
import { ACCOUNT_SYSTEM_ACTOR, cancelClosureBySignInUpdate } from '../messages';
import { reject } from '../refusals';
import type { RequestRun } from '../request-run';
import { proveStaff } from '../staff-proof';

export const CLOSURE_COOLING_OFF_PATCH = 'account-closure-cooling-off';
const CANCELLING = 'closure-cancel';

export type ClosureTerms = { proceed: true; coolingOffDone: boolean } | { proceed: false; close: RequestStatus; outcome: string; reason: string };

/** The account system's sign-in, vouched for by the API: accepted only while the period runs. */
export function installClosureHandler(run: RequestRun): void {
  setHandler(
    cancelClosureBySignInUpdate,
    ({ signedInAt, assertion }) =>
      run.exclusively(CANCELLING, async () => {
        const role = await proveStaff(run, cancelClosureBySignInUpdate.name, ACCOUNT_SYSTEM_ACTOR, assertion);
        if (role !== ACCOUNT_SYSTEM_ACTOR) reject('FORBIDDEN', 'Only the account system may report a sign-in.');
        await run.audit(ACCOUNT_SYSTEM_ACTOR, 'CLOSURE_CANCELLED_BY_SIGN_IN', 'the subject signed in during the cooling-off period', { signedInAt });
        run.cancelClosure(signedInAt);
        return run.snapshot();
      }),
    {
      validator: ({ signedInAt }) => {
        if (!run.coolingOff || run.closureCancelledAt !== null) reject('WRONG_STATE', 'The request is not an account closure in its cooling-off period.');
        if (run.isBusy(CANCELLING)) reject('BUSY', 'A sign-in is being recorded on this request right now.');
        if (typeof signedInAt !== 'string' || Number.isNaN(Date.parse(signedInAt))) reject('INVALID_INPUT', 'signedInAt must be an ISO 8601 instant.');
      },
    },
  );
}

/** Runs the closure's own terms; tells the workflow whether to erase, and whether the cooling-off replaced the erasure window. */
export async function settleClosureTerms(run: RequestRun): Promise<ClosureTerms> {
  if (run.input.type !== 'ACCOUNT_CLOSURE' || !patched(CLOSURE_COOLING_OFF_PATCH)) return { proceed: true, coolingOffDone: false };
  const start = await acts.beginAccountClosure({ requestId: run.requestId });
  if (!start.applies) return { proceed: true, coolingOffDone: false };
  if (start.refused.length > 0) {
    run.commit('CLOSING');
    return { proceed: false, close: 'REFUSED', outcome: 'REFUSED_CLOSURE_BLOCKED', reason: `closure refused while blocked: ${start.refused.join(', ')}` };
  }
  run.setCoolingOff(true);
  if (start.coolingOffMs > 0) await condition(() => run.closureCancelledAt !== null || run.withdrawn !== null, start.coolingOffMs);
  // A sign-in being proven when the period ran out still counts: it happened within it.
  await condition(() => !run.isBusy(CANCELLING));
  run.setCoolingOff(false);
  run.checkpoint();
  if (run.closureCancelledAt !== null) {
    run.commit('CLOSING');
    await acts.notifyClosureCancelled({ requestId: run.requestId, signedInAt: run.closureCancelledAt });
    return { proceed: false, close: 'WITHDRAWN', outcome: 'CANCELLED_BY_SIGN_IN', reason: 'the subject signed in during the cooling-off period' };
  }
  return { proceed: true, coolingOffDone: true };
}
