// Erasure that neither an attacker nor one insider can trigger: staff updates carry the API's
// signed assertion, unencrypted input is refused, and an erasure attested by staff waits for a
// second person's approval.
import { Client } from '@temporalio/client';
import { signStaffAssertion, staffAssertionKey } from '../../crypto/staff-assertion';
import { approveErasureUpdate, attestIdentityUpdate, statusQuery, supersededSignal, verifyIdentityUpdate, withdrawUpdate } from '../../workflows/messages';
import { eventually } from '../support/http';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { approveErasure, auditActions, mailedCode, mailTo, refusedWith, requestRow } from './helpers';

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack();
});
afterAll(async () => stack?.close());

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };
type Handle = Awaited<ReturnType<WorkflowStack['start']>>['handle'];

async function untilStatus(handle: Handle, status: string) {
  return eventually(async () => ((await handle.query(statusQuery)).status === status ? true : null), 60_000);
}

/** A caller with the payload keys but not the API's: its handle on the same workflow. */
const forger = (handle: Handle) => stack.unsignedClient.workflow.getHandle(handle.workflowId);

/** An assertion as the API signs it, here under the test's pepper unless `key` says otherwise. */
function assertion(claim: { requestId: string; action: string; staffId: string; role?: string }, at = stack.now(), ttlMs?: number): string {
  return signStaffAssertion(staffAssertionKey(stack.pepper), { role: 'compliance', ...claim }, at, ttlMs);
}

describe('staff actions are proven, not claimed', () => {
  test('when an attestation is sent straight to Temporal without an assertion, or with one for another staff id, request or action, or expired, then it is refused and nothing changed', async () => {
    const { requestId, handle } = await stack.start({ type: 'DELETION' });
    const other = await stack.start({ type: 'DELETION' });
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    // The code's mail and its audit event follow the status: wait for them, so that "nothing
    // changed" compares against a settled trail.
    const before = await eventually(async () => {
      const actions = await auditActions(stack.db, requestId);
      return actions.includes('VERIFICATION_CODE_SENT') ? actions : null;
    }, 60_000);
    const forged = forger(handle);
    const attest = (extra: object) => forged.executeUpdate(attestIdentityUpdate, { args: [{ ...attested, ...extra }] });

    await expect(attest({})).rejects.toMatchObject(refusedWith(/carries no assertion/));
    await expect(attest({ assertion: assertion({ requestId, action: 'attestIdentity', staffId: 'someone-else' }) })).rejects.toMatchObject(refusedWith(/another member of staff/));
    await expect(attest({ assertion: assertion({ requestId: other.requestId, action: 'attestIdentity', staffId: 'agent-1' }) })).rejects.toMatchObject(refusedWith(/another request/));
    await expect(attest({ assertion: assertion({ requestId, action: 'decide', staffId: 'agent-1' }) })).rejects.toMatchObject(refusedWith(/another action/));
    await expect(attest({ assertion: assertion({ requestId, action: 'attestIdentity', staffId: 'agent-1' }, new Date(stack.now().getTime() - 10 * 60_000)) })).rejects.toMatchObject(
      refusedWith(/expired/),
    );
    const wrongKey = signStaffAssertion(staffAssertionKey('not-the-pepper'), { requestId, action: 'attestIdentity', staffId: 'agent-1', role: 'compliance' }, stack.now());
    await expect(attest({ assertion: wrongKey })).rejects.toMatchObject(refusedWith(/not signed by the API/));

    expect((await handle.query(statusQuery)).status).toBe('AWAITING_VERIFICATION');
    expect((await requestRow(stack.db, requestId)).status).toBe('AWAITING_VERIFICATION');
    expect(await auditActions(stack.db, requestId)).toEqual(before);
    // A staff withdrawal is proven the same way.
    await expect(forged.executeUpdate(withdrawUpdate, { args: [{ actor: 'staff:officer-1', reason: 'forged' }] })).rejects.toMatchObject(refusedWith(/carries no assertion/));
    expect((await handle.query(statusQuery)).status).toBe('AWAITING_VERIFICATION');
    // The same attestation through the API's signer is taken.
    await handle.executeUpdate(attestIdentityUpdate, { args: [attested] });
    await untilStatus(handle, 'AWAITING_APPROVAL');
    await handle.terminate('test done');
    await other.handle.terminate('test done');
  });

  test('when a caller without the payload codec sends an update, then the unencrypted input is refused and nothing changed', async () => {
    const { requestId, handle } = await stack.start({ type: 'DELETION' });
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    // The code is mailed just after the move to AWAITING_VERIFICATION: the trail is read once it is
    // on record, so that only the refused update could have changed it afterwards.
    const before = await eventually(async () => {
      const actions = await auditActions(stack.db, requestId);
      return actions.includes('VERIFICATION_CODE_SENT') && actions;
    });
    const plain = new Client({ connection: stack.client.connection, namespace: stack.client.options.namespace });
    const signed = assertion({ requestId, action: 'attestIdentity', staffId: 'agent-1' });
    await expect(plain.workflow.getHandle(handle.workflowId).executeUpdate(attestIdentityUpdate, { args: [{ ...attested, assertion: signed }] })).rejects.toThrow();
    expect((await handle.query(statusQuery)).status).toBe('AWAITING_VERIFICATION');
    expect(await auditActions(stack.db, requestId)).toEqual(before);
    await handle.terminate('test done');
  });

  test('when a request is started straight on Temporal with an attestation but no assertion, then it is not taken as attested and a code is asked for', async () => {
    const { requestId, handle } = await stack.start({ type: 'DELETION', attestation: attested, unsigned: true });
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    expect(await auditActions(stack.db, requestId)).not.toContain('IDENTITY_ATTESTED');
    await handle.terminate('test done');
  });
});

describe('four eyes on staff-driven erasure', () => {
  test('when staff attest a deletion, then it waits for approval; the attester and an agent are refused; a second compliance officer approves and it completes', async () => {
    const { requestId, email, handle } = await stack.start({ type: 'DELETION', attestation: attested });
    await untilStatus(handle, 'AWAITING_APPROVAL');
    expect((await handle.query(statusQuery)).awaiting).toBe('COMPLIANCE_APPROVAL');
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);

    const approve = (staffId: string) => ({ staffId, approve: true, reason: 'Evidence checked' });
    await expect(handle.executeUpdate(approveErasureUpdate, { args: [approve('agent-1')] })).rejects.toMatchObject(refusedWith(/attested the subject’s identity cannot approve/));
    const asAgent = assertion({ requestId, action: 'approveErasure', staffId: 'agent-2', role: 'agent' });
    await expect(forger(handle).executeUpdate(approveErasureUpdate, { args: [{ ...approve('agent-2'), assertion: asAgent }] })).rejects.toMatchObject(refusedWith(/Only compliance/));
    await expect(forger(handle).executeUpdate(approveErasureUpdate, { args: [approve('officer-2')] })).rejects.toMatchObject(refusedWith(/carries no assertion/));
    expect((await handle.query(statusQuery)).status).toBe('AWAITING_APPROVAL');
    expect(await auditActions(stack.db, requestId)).not.toContain('ERASURE_APPROVED');

    await approveErasure(handle, 'officer-2');
    expect((await handle.result()).status).toBe('COMPLETED');
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
    const approved = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'ERASURE_APPROVED' } });
    expect(approved.actor).toBe('staff:officer-2');
  });

  test('when the second person rejects the attestation, then nothing is erased and the request closes as unverifiable', async () => {
    const { requestId, email, handle } = await stack.start({ type: 'ACCOUNT_CLOSURE', attestation: attested });
    await untilStatus(handle, 'AWAITING_APPROVAL');
    await handle.executeUpdate(approveErasureUpdate, { args: [{ staffId: 'officer-2', approve: false, reason: 'Evidence note does not identify the caller' }] });
    expect((await handle.result()).status).toBe('UNVERIFIABLE');
    expect((await requestRow(stack.db, requestId)).outcome).toBe('ATTESTATION_REJECTED');
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);
  });

  test('when an authorized agent’s attestation is signed with the authorized-agent role, then its deletion needs no approval, whatever its actor id', async () => {
    const { requestId, email, handle } = await stack.start({ type: 'DELETION', attestation: { staffId: 'partner-7', evidenceNote: 'Agent verified the e-mail' }, attestedRole: 'authorized-agent' });
    expect((await handle.result()).status).toBe('COMPLETED');
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
    expect(await auditActions(stack.db, requestId)).not.toContain('ERASURE_APPROVED');
  });

  test('when an attestation signed with a staff role names an actor spelt like an agent’s, then the deletion still waits for a second person', async () => {
    const { email, handle } = await stack.start({ type: 'DELETION', attestation: { staffId: 'drp-agent:IMITATOR', evidenceNote: 'ID card checked in person' }, attestedRole: 'agent' });
    await untilStatus(handle, 'AWAITING_APPROVAL');
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);
    await approveErasure(handle, 'officer-2');
    expect((await handle.result()).status).toBe('COMPLETED');
  });

  test('when staff attest an access request, then no approval is needed', async () => {
    const { handle } = await stack.start({ type: 'ACCESS', attestation: attested });
    expect((await handle.result()).status).toBe('COMPLETED');
  });
});

describe('duplicates never beat verification', () => {
  test('when an unverified request was filed first, then the subject’s verified request stands, the unverified one is closed as superseded and the subject is told which request stands', async () => {
    const unverified = await stack.start({ type: 'ACCESS' });
    await untilStatus(unverified.handle, 'AWAITING_VERIFICATION');
    const verified = await stack.start({ type: 'ACCESS', email: unverified.email, attestation: attested });

    expect((await verified.handle.result()).status).toBe('COMPLETED');
    expect((await requestRow(stack.db, verified.requestId)).duplicateOfId).toBeNull();
    const closed = await unverified.handle.result();
    expect(closed).toMatchObject({ status: 'WITHDRAWN', outcome: 'SUPERSEDED' });
    expect((await requestRow(stack.db, unverified.requestId)).status).toBe('WITHDRAWN');
    const notice = await mailTo(stack.mail, unverified.email, /unconfirmed request was closed/i);
    expect(notice.text).toContain(verified.requestId);
    expect(await auditActions(stack.db, verified.requestId)).toContain('SUPERSEDES_UNVERIFIED');
  });

  test('when a verified request is open first, then a later request verified by its code is the duplicate of it', async () => {
    const first = await stack.start({ type: 'DELETION', attestation: attested });
    await untilStatus(first.handle, 'AWAITING_APPROVAL');
    const later = await stack.start({ type: 'DELETION', email: first.email });
    await untilStatus(later.handle, 'AWAITING_VERIFICATION');
    await later.handle.executeUpdate(verifyIdentityUpdate, { args: [{ code: await mailedCode(stack.mail, first.email) }] });
    expect(await later.handle.result()).toMatchObject({ status: 'DUPLICATE' });
    expect((await requestRow(stack.db, later.requestId)).duplicateOfId).toBe(first.requestId);
    expect((await first.handle.query(statusQuery)).status).toBe('AWAITING_APPROVAL');
    await first.handle.terminate('test done');
  });

  test('when a superseded signal names a request that is not verified, then it is ignored and the request keeps waiting', async () => {
    const a = await stack.start({ type: 'ACCESS' });
    const b = await stack.start({ type: 'ACCESS', email: a.email });
    await untilStatus(a.handle, 'AWAITING_VERIFICATION');
    await untilStatus(b.handle, 'AWAITING_VERIFICATION');
    await forger(a.handle).signal(supersededSignal, { byRequestId: b.requestId });
    await stack.env.sleep('1 minute');
    expect((await a.handle.query(statusQuery)).status).toBe('AWAITING_VERIFICATION');
    await a.handle.terminate('test done');
    await b.handle.terminate('test done');
  });
});
