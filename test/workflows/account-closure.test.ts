// Account closure as Chinese platforms run it (issue 15, item 3), on the time-skipping server
// with the real stores: blockers asked of the account system refuse it with stated reasons; a
// cooling-off period of the profile's length follows, in which the account system's report of
// a sign-in cancels the closure with nothing erased; after it, the account is erased
// everywhere and certified, within the 15 working days the policy data sets.
import { signStaffAssertion, staffAssertionKey } from '../../crypto/staff-assertion';
import { computeDueDate, getRegime } from '../../policy';
import { ACCOUNT_SYSTEM_ACTOR, cancelClosureBySignInUpdate, statusQuery, verifyIdentityUpdate } from '../../workflows/messages';
import { type AccountSystemSimulator, startAccountSystem } from '../support/account-system-simulator';
import { demoEstablishment, profileWith } from '../support/profiles';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { auditActions, mailedCode, mailTo, refusedWith, requestRow } from './helpers';
import { eventually } from '../support/http';

const COOLING_OFF_DAYS = 15;
let stack: WorkflowStack;
let accounts: AccountSystemSimulator;
let clock: () => Date = () => new Date();
beforeAll(async () => {
  accounts = await startAccountSystem(() => clock());
  const profile = profileWith((p) => {
    p.accountClosure = { coolingOffDays: COOLING_OFF_DAYS };
  });
  stack = await startWorkflowStack([], { profile, activityOverrides: { accountSystem: { url: accounts.url, secret: accounts.secret } } });
  clock = stack.now;
});
afterAll(async () => {
  await stack?.close();
  await accounts?.close();
});

/** A closure request verified by its mailed code; resolves once the cooling-off period is announced. */
async function verifiedClosure(opts: { language?: 'en' } = {}) {
  const started = await stack.start({ type: 'ACCOUNT_CLOSURE' });
  const code = await mailedCode(stack.mail, started.email);
  expect((await started.handle.executeUpdate(verifyIdentityUpdate, { args: [{ code }] })).outcome).toBe('VERIFIED');
  void opts;
  return started;
}

/** What the API sends once it checked the account system's signed sign-in event. */
const signIn = (requestId: string, at: Date) => ({
  signedInAt: at.toISOString(),
  assertion: signStaffAssertion(staffAssertionKey(stack.pepper), { requestId, action: cancelClosureBySignInUpdate.name, staffId: ACCOUNT_SYSTEM_ACTOR, role: ACCOUNT_SYSTEM_ACTOR }, stack.now()),
});

const DAY_MS = 86_400_000;

describe('account closure with a cooling-off period (CN_PIPL)', () => {
  test('when the subject signs in during the cooling-off period, then the closure is cancelled, nothing is erased, and the subject is told in both languages', async () => {
    const { requestId, email, handle } = await verifiedClosure();
    const announced = await mailTo(stack.mail, email, /cooling-off/i);
    expect(announced.subject).toBe('Your account closure is in its cooling-off period / 您的账户注销申请已进入冷静期');
    expect(announced.text).toContain(`The cooling-off period is ${COOLING_OFF_DAYS} days`);
    expect(announced.text).toContain(`注销冷静期为 ${COOLING_OFF_DAYS} 天`);
    expect(announced.text).toContain('We will not ask you for a new face scan or a photo of yourself holding your ID card');
    expect(announced.text).toContain('我们不会要求您为注销再次进行人脸识别或上传手持身份证照片');

    await stack.env.sleep('3 days');
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);
    await handle.executeUpdate(cancelClosureBySignInUpdate, { args: [signIn(requestId, stack.now())] });
    const final = await handle.result();
    expect(final).toMatchObject({ status: 'WITHDRAWN', outcome: 'CANCELLED_BY_SIGN_IN' });

    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);
    await expect(stack.db.deletionCertificate.findUnique({ where: { requestId } })).resolves.toBeNull();
    const actions = await auditActions(stack.db, requestId);
    expect(actions).toEqual(expect.arrayContaining(['CLOSURE_COOLING_OFF_STARTED', 'CLOSURE_CANCELLED_BY_SIGN_IN']));
    expect(actions).not.toContain('STORE_FULFILLED');
    const told = await mailTo(stack.mail, email, /cancelled because you signed in/);
    expect(told.subject).toBe('Your account closure was cancelled because you signed in / 您的账户注销申请已因您登录而撤销');
    expect(told.text).toContain('Nothing was erased and your account remains open.');
    expect(told.text).toContain('我们未删除任何信息，您的账户继续有效。');
  });

  test('when the cooling-off period passes without a sign-in, then the account is erased everywhere, certified, and completed within 15 working days of the request', async () => {
    const { requestId, email, handle } = await verifiedClosure();
    await mailTo(stack.mail, email, /cooling-off/i);
    await stack.env.sleep(`${COOLING_OFF_DAYS - 1} days`);
    expect(await auditActions(stack.db, requestId)).not.toContain('STORE_FULFILLED');
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);
    await stack.env.sleep('2 days');
    const final = await handle.result();
    expect(final.status).toBe('COMPLETED');
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
    const certificate = await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId } });
    expect(certificate.digest).toMatch(/^[0-9a-f]{64}$/);

    // The due date is the policy's: 15 working days from receipt (the CAC draft), cooling-off included.
    const row = await requestRow(stack.db, requestId);
    const policyDue = computeDueDate({ regime: getRegime('CN_PIPL'), establishment: demoEstablishment('CN_PIPL'), receivedAt: row.receivedAt, identityVerifiedAt: row.verifiedAt, requestType: 'ACCOUNT_CLOSURE' });
    expect(row.dueAt?.toISOString()).toBe(new Date(policyDue.dueAt).toISOString());
    expect(policyDue.basis).toContain('移动互联网应用程序账号注销管理规定');
    expect(row.closedAt!.getTime()).toBeLessThanOrEqual(row.dueAt!.getTime());
  });

  test('when the account has an unexpired paid service, then the closure is refused with the stated reason in both languages and nothing is erased', async () => {
    const started = await stack.start({ type: 'ACCOUNT_CLOSURE' });
    accounts.standing.set(started.email, { paidServices: [{ name: 'cloud-server-annual', expiresAt: new Date(stack.now().getTime() + 200 * DAY_MS).toISOString() }], openDisputes: 0 });
    const code = await mailedCode(stack.mail, started.email);
    await started.handle.executeUpdate(verifyIdentityUpdate, { args: [{ code }] });
    const final = await started.handle.result();
    expect(final).toMatchObject({ status: 'REFUSED', outcome: 'REFUSED_CLOSURE_BLOCKED' });
    expect(accounts.checks).toContain(started.email);
    expect(await stack.db.customerAccount.count({ where: { email: started.email } })).toBe(1);
    const refused = await mailTo(stack.mail, started.email, /cannot be closed yet/);
    expect(refused.subject).toBe('Your account cannot be closed yet / 您的账户暂不能注销');
    expect(refused.text).toContain('Your account still has a paid service that has not expired.');
    expect(refused.text).toContain('您的账户仍有未到期的付费服务。');
    expect(refused.text).toContain('移动互联网应用程序账号注销管理规定');
    const events = await stack.db.auditEvent.findMany({ where: { requestId: started.requestId, action: 'CLOSURE_REFUSED' } });
    expect(events[0]?.details).toEqual({ blockers: ['UNEXPIRED_PAID_SERVICE'] });
  });

  test('when the account has only an expired service but an open dispute, then the dispute is the stated reason', async () => {
    const started = await stack.start({ type: 'ACCOUNT_CLOSURE' });
    accounts.standing.set(started.email, { paidServices: [{ name: 'old-plan', expiresAt: new Date(stack.now().getTime() - DAY_MS).toISOString() }], openDisputes: 1 });
    const code = await mailedCode(stack.mail, started.email);
    await started.handle.executeUpdate(verifyIdentityUpdate, { args: [{ code }] });
    expect((await started.handle.result()).outcome).toBe('REFUSED_CLOSURE_BLOCKED');
    const refused = await mailTo(stack.mail, started.email, /cannot be closed yet/);
    expect(refused.text).toContain('A dispute about your account');
    expect(refused.text).not.toContain('paid service that has not expired');
  });

  test('when a sign-in reaches the workflow without the API signature, or outside a cooling-off period, then it is refused and changes nothing', async () => {
    const { requestId, email, handle } = await verifiedClosure();
    await mailTo(stack.mail, email, /cooling-off/i);
    await expect(handle.executeUpdate(cancelClosureBySignInUpdate, { args: [{ signedInAt: stack.now().toISOString() }] })).rejects.toThrow();
    const access = await stack.start({ type: 'ACCESS' });
    await expect(access.handle.executeUpdate(cancelClosureBySignInUpdate, { args: [signIn(access.requestId, stack.now())] })).rejects.toMatchObject(refusedWith(/not an account closure in its cooling-off period/));
    await eventually(async () => ((await handle.query(statusQuery)).status !== 'WITHDRAWN' ? true : null));
    expect(await auditActions(stack.db, requestId)).not.toContain('CLOSURE_CANCELLED_BY_SIGN_IN');
    await stack.env.sleep(`${COOLING_OFF_DAYS + 1} days`);
    expect((await handle.result()).status).toBe('COMPLETED');
  });
});
