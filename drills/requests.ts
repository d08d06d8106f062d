// The drills' load: fully automatic requests (identity attested by an agent, so nothing
// waits on a person), each for a new subject who has data in both main-database stores.
// Started with the Temporal client as intake builds them (see bench/subject-requests.ts).
import { randomUUID } from 'node:crypto';
import { hashIdentity, normaliseEmail } from '../crypto/identity-hash';
import { activeProfile } from '../config/controller-profile';
import type { dsrRequestWorkflow } from '../workflows/dsr-request';
import { approveErasureUpdate, type DsrWorkflowInput, OPEN_ATTESTED, statusQuery, workflowIdFor } from '../workflows/messages';
import { signStaffAssertion, staffAssertionKey } from '../crypto/staff-assertion';
import type { DrillStack } from './stack';

export type DrillRequestType = 'ACCESS' | 'DELETION';

export interface DrillRequest {
  requestId: string;
  workflowId: string;
  type: DrillRequestType;
  /** Kept in memory only, to count the subject's mail and data; never printed. */
  email: string;
}

/** Gives the subject one account and two service-log rows, so both stores have work. */
async function seedSubject(stack: DrillStack, email: string): Promise<void> {
  await stack.db.customerAccount.create({ data: { email, fullName: 'Drill Subject', plan: 'basic' } });
  await stack.db.serviceLog.createMany({
    data: [0, 1].map((i) => ({ email, ipAddress: `192.0.2.${i + 1}`, deviceId: `drill-device-${i}`, at: new Date() })),
  });
}

const DRILL_AGENT = 'drill-agent';
const DRILL_APPROVER = 'drill-compliance';

/** Seeds a subject and starts one attested request of the given type. */
export async function startDrillRequest(stack: DrillStack, type: DrillRequestType): Promise<DrillRequest> {
  const requestId = randomUUID();
  const email = `drill-${requestId}@example.org`;
  await seedSubject(stack, email);
  const input: DsrWorkflowInput = {
    requestId,
    type,
    regime: activeProfile().profile.defaultRegime,
    channel: 'EMAIL',
    language: 'en',
    receivedAt: new Date().toISOString(),
    subject: { emailHash: hashIdentity(stack.identityPepper, email), emailEncrypted: stack.cipher.encrypt(normaliseEmail(email), 'DataSubject.emailEncrypted') },
    // Signed as the API signs it: an attestation without the assertion is not taken.
    attestation: { staffId: DRILL_AGENT, evidenceNote: 'failure drill: identity checked by an agent', assertion: sign(requestId, OPEN_ATTESTED, DRILL_AGENT, 'agent') },
  };
  const workflowId = workflowIdFor(requestId);
  const handle = await stack.client.workflow.start<typeof dsrRequestWorkflow>('dsrRequestWorkflow', { taskQueue: stack.taskQueue, workflowId, args: [input] });
  if (type === 'DELETION') {
    // Four eyes: a second person (compliance) approves the attested deletion.
    while ((await handle.query(statusQuery)).status !== 'AWAITING_APPROVAL') await new Promise((r) => setTimeout(r, 100));
    const approval = { staffId: DRILL_APPROVER, approve: true, reason: 'failure drill: second person approves' };
    await handle.executeUpdate(approveErasureUpdate, { args: [{ ...approval, assertion: sign(requestId, approveErasureUpdate.name, DRILL_APPROVER, 'compliance') }] });
  }
  return { requestId, workflowId, type, email };

  function sign(id: string, action: string, staffId: string, role: string): string {
    return signStaffAssertion(staffAssertionKey(stack.identityPepper), { requestId: id, action, staffId, role }, new Date());
  }
}

/** Starts `count` requests, alternating ACCESS and DELETION, `inFlight` starts at a time. */
export async function startDrillRequests(stack: DrillStack, count: number, inFlight = 10): Promise<DrillRequest[]> {
  const started: DrillRequest[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      started.push(await startDrillRequest(stack, i % 2 === 0 ? 'ACCESS' : 'DELETION'));
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
  return started;
}

/** The Message-ID key of the reply that closes a fulfilled request (activities/final-reply.ts). */
export function replyKeyOf(r: DrillRequest): string {
  return r.type === 'ACCESS' ? `${r.requestId}.access-reply` : `${r.requestId}.notice.deletion-done.1`;
}
