// A profile's fee and policy name reach the subject: the fee-quote mail quotes the amount
// the controller's profile sets and cites its privacy policy by the profile's name; the
// request records the profile's digest at intake.
import { statusQuery } from '../../workflows/messages';
import { eventually } from '../support/http';
import { profileWith } from '../support/profiles';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { mailTo, requestRow, seedEarlierRequests, subjectIdOf } from '../workflows/helpers';

const profile = profileWith((p) => {
  p.regimes.CN_PIPL!.fees.cost = { amount: 88, currency: 'CNY' };
  p.privacyPolicy.name = { zh: '测试隐私政策', en: 'Test Controller Privacy Notice' };
});

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack([], { profile });
});
afterAll(async () => stack?.close());

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };

test('when a fee is quoted under a profile, then the mail carries its amount and cites its policy by name', async () => {
  const first = await stack.start({ attestation: attested });
  await first.handle.result();
  await seedEarlierRequests(stack.db, await subjectIdOf(stack.db, first.requestId), 1, 'ACCESS', stack.now());
  const { requestId, handle } = await stack.start({ email: first.email, attestation: attested });
  await eventually(async () => ((await handle.query(statusQuery)).status === 'AWAITING_FEE' ? true : null));
  const quote = await mailTo(stack.mail, first.email, /fee|费用/i);
  expect(quote.text).toContain('CNY 88.00');
  expect(quote.text).toContain('测试隐私政策 (Test Controller Privacy Notice)');
  expect(quote.text).not.toContain('{controller privacy policy}');
  const row = await requestRow(stack.db, requestId);
  expect(row.profileDigest).toBe(profile.digest);
  expect(await stack.db.controllerProfileVersion.count({ where: { digest: profile.digest } })).toBe(1);
  const assessed = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'ASSESSED' } });
  expect((assessed.details as { fee: { amount: number } }).fee.amount).toBe(88);
});
