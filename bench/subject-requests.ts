// Starts a request workflow exactly as intake (server/use-cases/submit-request.ts) builds
// it, but with the Temporal client directly: the public POST /api/requests takes no
// attestation, so a fully automatic request cannot be opened through it.
import { randomUUID } from 'node:crypto';
import { hashIdentity, normaliseEmail } from '../crypto/identity-hash';
import { activeProfile } from '../config/controller-profile';
import type { dsrRequestWorkflow } from '../workflows/dsr-request';
import { type DsrWorkflowInput, OPEN_ATTESTED, workflowIdFor } from '../workflows/messages';
import { signStaffAssertion, staffAssertionKey } from '../crypto/staff-assertion';
import type { BenchStack } from './stack';

/** Starts an ACCESS request for a new subject; `attested` skips the mailed code. */
export async function startAccessRequest(stack: BenchStack, email: string, attested: boolean, taskQueue = stack.taskQueue): Promise<string> {
  const requestId = randomUUID();
  const input: DsrWorkflowInput = {
    requestId,
    type: 'ACCESS',
    regime: activeProfile().profile.defaultRegime,
    channel: attested ? 'EMAIL' : 'PORTAL',
    language: 'en',
    receivedAt: new Date().toISOString(),
    subject: { emailHash: hashIdentity(stack.identityPepper, email), emailEncrypted: stack.cipher.encrypt(normaliseEmail(email), 'DataSubject.emailEncrypted') },
    // Signed as the API signs it: an attestation without the assertion is not taken.
    attestation: attested
      ? {
          staffId: 'bench-agent',
          evidenceNote: 'benchmark: identity checked by an agent',
          assertion: signStaffAssertion(staffAssertionKey(stack.identityPepper), { requestId, action: OPEN_ATTESTED, staffId: 'bench-agent', role: 'agent' }, new Date()),
        }
      : undefined,
  };
  await stack.client.workflow.start<typeof dsrRequestWorkflow>('dsrRequestWorkflow', {
    taskQueue,
    workflowId: workflowIdFor(requestId),
    args: [input],
  });
  return workflowIdFor(requestId);
}
