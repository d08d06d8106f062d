// Four eyes on staff-driven erasure: a deletion or account closure whose identity a member
// of staff attested waits for a second person with the compliance role (or an admin) to
// approve it; the attester can never approve their own attestation.
import { patched, setHandler } from '@temporalio/workflow';
import type { RequestType } from '../domain/request-kinds';
import { acts } from './acts';
import { approveErasureUpdate, AUTHORIZED_AGENT_ROLE } from './messages';
import { reject, requireFree, requireStatus, requireText } from './refusals';
import type { RequestRun } from './request-run';
import { APPROVER_ROLES, proveStaff } from './staff-proof';

const ERASURES: readonly RequestType[] = ['DELETION', 'ACCOUNT_CLOSURE'];

/** Registers the approval update: the second person's approve or reject, proven and audited. */
export function installApprovalHandler(run: RequestRun): void {
  setHandler(
    approveErasureUpdate,
    ({ staffId, approve, reason, assertion }) =>
      run.exclusively('approval', async () => {
        const role = await proveStaff(run, approveErasureUpdate.name, staffId, assertion);
        if (role === null || !APPROVER_ROLES.includes(role)) reject('FORBIDDEN', 'Only compliance (or an admin) may approve an erasure attested by staff.');
        await run.audit(`staff:${staffId}`, approve ? 'ERASURE_APPROVED' : 'ERASURE_REJECTED', reason, { attestedBy: `staff:${run.attestedBy}` });
        run.recordApproval(staffId, approve);
        return run.snapshot();
      }),
    {
      validator: ({ staffId, approve, reason }) => {
        requireStatus(run, 'AWAITING_APPROVAL');
        if (run.approval) reject('ALREADY_DONE', 'The erasure was already approved or rejected.');
        requireFree(run, 'approval', 'Another approval of this request is being recorded right now; reload the request to see it.');
        if (typeof approve !== 'boolean') reject('INVALID_INPUT', 'Say whether the erasure is approved (approve: true or false).');
        requireText(reason, 'A reason');
        if (staffId === run.attestedBy) reject('FORBIDDEN', 'The person who attested the subject’s identity cannot approve the erasure: a second person must.');
      },
    },
  );
}

/** True when this request must wait for a second person before anything is erased
 *  (versioned: runs already past identity when four eyes arrived replay without the wait). */
export function needsApproval(run: RequestRun): boolean {
  // An authorized agent's attestation (DRP) is not staff's: its signed claim was verified, and
  // the insider the second pair of eyes guards against is not in the loop. Which it is, the
  // API's signed role says, not the actor id's spelling (which a staff id could imitate).
  const byStaff = run.attestedBy !== null && run.attestedRole !== AUTHORIZED_AGENT_ROLE;
  return byStaff && ERASURES.includes(run.input.type) && patched('authz-four-eyes');
}

/** Waits for the approval; true when approved, false when rejected (the request then closes
 *  as unverifiable). A withdrawal unwinds the procedure as at every other wait. */
export async function awaitApproval(run: RequestRun): Promise<boolean> {
  await run.moveTo('AWAITING_APPROVAL', 'system', 'an erasure attested by staff waits for a second person’s approval');
  await acts.alertStaff({ requestId: run.requestId, seq: run.nextSeq(), alert: { kind: 'decision-needed', decision: 'APPROVAL', signal: 'identity attested by staff' } });
  await run.waitFor(() => run.approval !== null);
  return run.approval!.approved;
}
