// Withdrawal, by the subject or by staff for them: accepted only before fulfilment begins and
// before the procedure commits to another close; one for staff must be proven first.
import { setHandler } from '@temporalio/workflow';
import { WITHDRAWABLE_STATUSES } from '../domain/status';
import * as m from './messages';
import { reject, requireFree } from './refusals';
import type { RequestRun } from './request-run';
import { proveStaff } from './staff-proof';

/** Why a request in fulfilment cannot be withdrawn, in words the subject can act on. */
export const FULFILMENT_BEGUN =
  'Fulfilment has begun, so the request can no longer be withdrawn: work already under way in our systems, such as an erasure, cannot be undone. Contact us if you want to object to further processing or make a new request.';

/** Registers the withdraw update. */
export function installWithdrawHandler(run: RequestRun): void {
  setHandler(
    m.withdrawUpdate,
    ({ actor, reason, assertion }) =>
      run.exclusively('withdraw', async () => {
        // The subject's withdrawal comes through the status link; one for staff must be proven,
        // and the procedure may have committed meanwhile, so the state is checked again after.
        if (actor.startsWith('staff:')) {
          await proveStaff(run, m.withdrawUpdate.name, actor.slice('staff:'.length), assertion);
          withdrawable(run);
        }
        run.withdraw(actor, reason);
        return run.snapshot();
      }),
    {
      validator: (_withdrawal) => {
        if (run.withdrawn) reject('ALREADY_DONE', 'The request is already being withdrawn.');
        requireFree(run, 'withdraw', 'The request is being withdrawn by another call right now.');
        withdrawable(run);
      },
    },
  );
}

/** Refuses a withdrawal once fulfilment has begun or the procedure committed to another close. */
function withdrawable(run: RequestRun): void {
  if (run.committed === 'FULFILMENT' || run.status === 'IN_FULFILMENT' || run.status === 'STUCK') reject('WRONG_STATE', FULFILMENT_BEGUN);
  if (run.committed === 'CLOSING') reject('WRONG_STATE', 'The request is being closed and can no longer be withdrawn.');
  if (!WITHDRAWABLE_STATUSES.includes(run.status)) reject('WRONG_STATE', `The request can no longer be withdrawn (status ${run.status}).`);
}
