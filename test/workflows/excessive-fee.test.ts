// Compliance may find a request manifestly unfounded or excessive and charge the regime's fee
// for it (GDPR art 12(5)): the fee is quoted to the subject and the fee path follows; a regime
// that allows no such fee (Brazil's LGPD) refuses the decision with its reason.
import { recordExemptionSignal } from '../../legal/exemptions';
import { answerFeeUpdate, decideUpdate, statusQuery } from '../../workflows/messages';
import { eventually } from '../support/http';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { auditActions, mailTo, requestRow, subjectIdOf } from './helpers';
import type { RegimeKey } from '../../domain/regime-key';

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack();
});
afterAll(async () => stack?.close());

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };

/** A request of a subject on whom compliance has recorded `ground`, waiting for its decision. */
async function awaitingDecision(regime: RegimeKey, ground: string) {
  const first = await stack.start({ regime, attestation: attested });
  await first.handle.result();
  await recordExemptionSignal(stack.db, { subjectId: await subjectIdOf(stack.db, first.requestId), ground, createdBy: 'staff:officer-1' });
  const started = await stack.start({ regime, email: first.email, attestation: attested });
  await eventually(async () => ((await started.handle.query(statusQuery)).status === 'AWAITING_DECISION' ? true : null), 60_000);
  return started;
}

test('when compliance charges the GDPR fee for a manifestly excessive request, then the subject is quoted it and the request waits for the answer', async () => {
  const { requestId, email, handle } = await awaitingDecision('EU_GDPR', 'MANIFESTLY_UNFOUNDED_OR_EXCESSIVE');
  const after = await handle.executeUpdate(decideUpdate, {
    args: [{ staffId: 'officer-1', decision: 'CHARGE_FEE', grounds: [], reason: 'Fourth identical request this month, each answered in full' }],
  });
  expect(after.status).toBe('AWAITING_DECISION');
  await eventually(async () => ((await handle.query(statusQuery)).status === 'AWAITING_FEE' ? true : null));
  expect((await handle.query(statusQuery)).fee).toEqual({ amount: 10, currency: 'EUR', state: 'QUOTED' });
  expect((await requestRow(stack.db, requestId)).status).toBe('AWAITING_FEE');

  const quote = await mailTo(stack.mail, email, /fee applies/i);
  expect(quote.text).toContain('manifestly excessive');
  expect(quote.text).toMatch(/EUR\s?10|10(\.00)?\s?EUR|€\s?10/);
  expect(quote.text).toContain('GDPR arts 12(5)');

  await handle.executeUpdate(answerFeeUpdate, { args: [{ accept: true }] });
  expect((await handle.result()).status).toBe('COMPLETED');
  expect(await auditActions(stack.db, requestId)).toEqual(expect.arrayContaining(['DECISION_CHARGE_FEE', 'FEE_ACCEPTED']));
});

test('when compliance tries to charge a fee under the LGPD, then the decision is refused with the reason and the request still waits for one', async () => {
  const { requestId, handle } = await awaitingDecision('BR_LGPD', 'FACTUAL_OR_LEGAL_IMPEDIMENT');
  const refusal = await handle
    .executeUpdate(decideUpdate, { args: [{ staffId: 'officer-1', decision: 'CHARGE_FEE', grounds: [], reason: 'Many requests in a short time' }] })
    .catch((err: { cause?: { message?: string } }) => err.cause?.message);
  expect(refusal).toMatch(/BR_LGPD regime allows no fee for a manifestly unfounded or excessive request/);
  expect((await handle.query(statusQuery)).status).toBe('AWAITING_DECISION');
  expect(await auditActions(stack.db, requestId)).not.toContain('DECISION_CHARGE_FEE');

  await handle.executeUpdate(decideUpdate, { args: [{ staffId: 'officer-1', decision: 'PROCEED', grounds: [], reason: 'Answered as usual, as the LGPD requires' }] });
  expect((await handle.result()).status).toBe('COMPLETED');
});
