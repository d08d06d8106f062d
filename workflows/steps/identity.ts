// Step 1: identity is strictly validated before any action (the seed policy).
import { condition, patched } from '@temporalio/workflow';
import { acts } from '../acts';
import { type DsrWorkflowInput, OPEN_ATTESTED } from '../messages';
import type { RequestRun } from '../request-run';
import { proveStaff, STAFF_ASSERTION_PATCH } from '../staff-proof';

/** An attestation in the start input counts only with the API's assertion (a start sent
 *  straight to Temporal cannot claim one); without it the subject is asked for the mailed code. */
async function attestationProven(run: RequestRun, attestation: NonNullable<DsrWorkflowInput['attestation']>): Promise<boolean> {
  try {
    // The signed role says whose attestation it is: a member of staff's, or an authorized agent's.
    run.attestedRole = await proveStaff(run, OPEN_ATTESTED, attestation.staffId, attestation.assertion);
    return true;
  } catch (err) {
    if (!patched(STAFF_ASSERTION_PATCH)) throw err;
    return false;
  }
}


/** Establishes identity by agent attestation or the mailed code; false when the window
 *  closed without it. Silence is treated as a failure to verify: nothing may be disclosed
 *  or erased for an identity that was never confirmed. */
export async function establishIdentity(run: RequestRun, windowMs: number): Promise<boolean> {
  const { attestation } = run.input;
  if (attestation && (await attestationProven(run, attestation))) {
    await acts.recordDecision({ requestId: run.requestId, actor: `staff:${attestation.staffId}`, action: 'IDENTITY_ATTESTED', reason: attestation.evidenceNote, eventKey: `${run.requestId}:attested` });
    run.attestedBy = attestation.staffId;
    run.verified = true;
    return true;
  }
  await run.moveTo('AWAITING_VERIFICATION', 'system', 'identity must be verified before any action');
  run.codeSends = 1;
  run.lastCodeSentAt = Date.now();
  await acts.sendVerificationCode({ requestId: run.requestId });
  // The wait also wakes when a verified request of the same subject and kind claims to
  // supersede this one: confirmed, the request closes (false with supersededBy set); otherwise
  // the claim is forgotten and the wait goes on to the same end (the first wait's timer is
  // the one runs recorded before superseding have).
  const until = Date.now() + windowMs;
  for (;;) {
    const woken = await condition(() => run.verified || run.withdrawn !== null || run.supersededBy !== null, until - Date.now());
    run.checkpoint();
    if (run.verified || !woken) {
      run.supersededBy = null;
      return run.verified;
    }
    if (await acts.confirmSupersession({ requestId: run.requestId, byRequestId: run.supersededBy! })) return false;
    run.supersededBy = null;
    if (Date.now() >= until) return false;
  }
}
