// Minors (issue 15 item 4) on the time-skipping server: a guardian's request stands on a staff
// attestation and is refused without one; a child's data collected by mistake is deleted on
// compliance's own motion, by the expedited clock of the policy data, without a fee, with four
// eyes, and certified as such in both languages.
import { computeDueDate, getRegime } from '../../policy';
import { GUARDIAN_NEEDS_ATTESTATION, MISTAKEN_CHILD_DATA_STATEMENT } from '../../domain/minor';
import type { CertificateBody } from '../../domain/deletion-certificate';
import type { RequestType } from '../../domain/request-kinds';
import { demoEstablishment } from '../support/profiles';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { approveErasure, auditActions, mailTo, requestRow, seedEarlierRequests } from './helpers';
import { eventually } from '../support/http';

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack([]);
});
afterAll(async () => stack?.close());

test('when a guardian files for a child under 14 and staff attested the guardianship, then the deletion completes after a second person approves', async () => {
  const { requestId, email, handle } = await stack.start({
    type: 'DELETION',
    minor: { ageBand: 'UNDER_14', filedBy: 'GUARDIAN' },
    attestation: { staffId: 'agent-guardian', evidenceNote: 'Household register (户口簿) shows the caller is the child’s mother' },
  });
  await approveErasure(handle);
  expect((await handle.result()).status).toBe('COMPLETED');
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
  expect((await requestRow(stack.db, requestId)).details).toMatchObject({ minor: { ageBand: 'UNDER_14', filedBy: 'GUARDIAN' } });
  const actions = await auditActions(stack.db, requestId);
  expect(actions).toEqual(expect.arrayContaining(['IDENTITY_ATTESTED', 'ERASURE_APPROVED', 'DELETION_CERTIFICATE_ISSUED']));
  // A guardian's request is the subject's: no own-motion statement on its certificate.
  const certificate = await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId } });
  expect((certificate.body as unknown as CertificateBody).openedOnOwnMotion).toBeUndefined();
});

test('when a guardian files without a staff attestation, then the request is refused at once, the reason told in both languages, nothing erased', async () => {
  const { requestId, email, handle } = await stack.start({ type: 'DELETION', minor: { ageBand: '14_TO_17', filedBy: 'GUARDIAN' } });
  const result = await handle.result();
  expect(result.status).toBe('REFUSED');
  expect(result.outcome).toBe('GUARDIAN_NOT_ATTESTED');
  const letter = await mailTo(stack.mail, email, /guardianship not checked/);
  expect(letter.text).toContain(GUARDIAN_NEEDS_ATTESTATION.zh);
  expect(letter.text).toContain(GUARDIAN_NEEDS_ATTESTATION.en);
  // Never asked for a mailed code: a guardian's word is not checked by a code to the child's address.
  expect(stack.mail.messages().some((m) => m.to.includes(email) && /verification code/i.test(m.subject))).toBe(false);
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);
  expect(await auditActions(stack.db, requestId)).not.toContain('STORE_FULFILLED');
});

test('when compliance opens the deletion of a child’s data collected by mistake, then it is due by the policy’s expedited clock, free, approved by a second person, and certified as such in both languages', async () => {
  const { requestId, email, handle } = await stack.start({
    type: 'DELETION',
    channel: 'OWN_MOTION',
    minor: { ageBand: 'UNDER_14', filedBy: 'COMPLIANCE' },
    attestation: { staffId: 'compliance-officer', evidenceNote: 'Sign-up form shows a birth year making the user 12; records tied by account id' },
  });
  // Past the free requests of the year: a subject's request would be quoted a fee; this one is not.
  // The workflow's first write makes the subject; seeded before the approval, so before the assessment.
  const subjectId = await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.subjectId ?? null, 30_000);
  await seedEarlierRequests(stack.db, subjectId, 3, 'ACCESS', stack.now());
  await approveErasure(handle);
  expect((await handle.result()).status).toBe('COMPLETED');
  const row = await requestRow(stack.db, requestId);
  const regime = getRegime('CN_PIPL');
  const due = (mistaken: boolean) =>
    computeDueDate({ regime, establishment: demoEstablishment('CN_PIPL'), receivedAt: row.receivedAt, identityVerifiedAt: row.verifiedAt, requestType: row.type as RequestType, childDataCollectedByMistake: mistaken }).dueAt;
  expect(row.dueAt).toEqual(due(true));
  expect(due(true).getTime()).toBeLessThan(due(false).getTime());
  expect(regime.childDataDeletion?.citation).toMatch(/PIPL art 31.*the controller's figure/);
  const assessed = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'ASSESSED' } });
  expect(assessed.details).toMatchObject({ fee: null, excessive: false, excessiveFee: null });
  expect(await auditActions(stack.db, requestId)).not.toContain('FEE_QUOTED');
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
  const certificate = await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId } });
  expect((certificate.body as unknown as CertificateBody).openedOnOwnMotion).toEqual({ by: 'COMPLIANCE', reason: 'CHILD_DATA_COLLECTED_BY_MISTAKE', statement: MISTAKEN_CHILD_DATA_STATEMENT });
  const letter = await mailTo(stack.mail, email, /has been deleted/);
  expect(letter.text).toContain(MISTAKEN_CHILD_DATA_STATEMENT.zh);
  expect(letter.text).toContain(MISTAKEN_CHILD_DATA_STATEMENT.en);
});
