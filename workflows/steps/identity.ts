// Step 1: identity is strictly validated before any action (the seed policy).
import { condition } from '@temporalio/workflow';
import { acts } from '../acts';
import type { RequestRun } from '../request-run';

/** Establishes identity by agent attestation or the mailed code; false when the window
 *  closed without it. Silence is treated as a failure to verify: nothing may be disclosed
 *  or erased for an identity that was never confirmed. */
export async function establishIdentity(run: RequestRun, windowMs: number): Promise<boolean> {
  const { attestation } = run.input;
  if (attestation) {
    await acts.recordDecision({ requestId: run.requestId, actor: `staff:${attestation.staffId}`, action: 'IDENTITY_ATTESTED', reason: attestation.evidenceNote, eventKey: `${run.requestId}:attested` });
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
