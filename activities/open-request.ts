// Opening a request in one step: its rows (if intake has not written them) and its deadline
// plan, which runs recorded before the read model took as two activities; and, for a request
// opened on staff's attestation, the check of the API's assertion and the attestation's audit
// event, which runs recorded before the folded steps took as two more.
import { attestedEventKey, type DsrWorkflowInput, OPEN_ATTESTED } from '../domain/request-input';
import { deadlineActivities, type IntakeResult } from './deadlines';
import { decisionActivities } from './decisions';
import type { ActivityDeps } from './deps';
import { intakeActivities } from './intake';
import { staffAssertionActivities } from './staff-assertions';

/** What opening found of the start's attestation: proven by the API's assertion (with the role
 *  it signed, and the IDENTITY_ATTESTED event recorded), or not (the subject is then asked for a code). */
export type AttestationCheck = { proven: true; role: string } | { proven: false };

export interface OpenedRequest extends IntakeResult {
  /** Present when the workflow asked for the check and the start carried an attestation. */
  attestation?: AttestationCheck;
}

export function openRequestActivities(deps: ActivityDeps) {
  const intake = intakeActivities(deps);
  const deadlines = deadlineActivities(deps);
  const decisions = decisionActivities(deps);
  const assertions = staffAssertionActivities(deps);
  return {
    /** Registers the request and plans its deadline; with `check.attestation`, also proves the
     *  start's attestation and records it. Every part is idempotent (upserts, event keys), so a
     *  retry is safe; runs recorded before the check call it with the input alone. */
    async openRequest(input: DsrWorkflowInput, check?: { attestation: boolean }): Promise<OpenedRequest> {
      await intake.registerRequest(input);
      const opened = await deadlines.planIntake({ requestId: input.requestId });
      const { attestation } = input;
      if (!check?.attestation || !attestation) return opened;
      const proof = await assertions.verifyStaffAssertion({ requestId: input.requestId, action: OPEN_ATTESTED, staffId: attestation.staffId, assertion: attestation.assertion });
      if (!proof.ok) return { ...opened, attestation: { proven: false } };
      await decisions.recordDecision({
        requestId: input.requestId,
        actor: `staff:${attestation.staffId}`,
        action: 'IDENTITY_ATTESTED',
        reason: attestation.evidenceNote,
        eventKey: attestedEventKey(input.requestId),
      });
      return { ...opened, attestation: { proven: true, role: proof.role } };
    },
  };
}
