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
    await proveStaff(run, OPEN_ATTESTED, attestation.staffId, attestation.assertion);
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
  const verified = await condition(() => run.verified || run.withdrawn !== null, windowMs);
  run.checkpoint();
  return verified;
}
