// Step 2: is this request a duplicate, excessive, subject to an exemption, or beyond the
// free quota? Each answer that needs a person waits for that person's decision.
import { condition, getExternalWorkflowHandle, patched } from '@temporalio/workflow';
import type { RequestStatus } from '../../domain/status';
import { acts } from '../acts';
import { type DecisionInput, supersededSignal, workflowIdFor } from '../messages';
import type { RequestRun } from '../request-run';

export type AssessmentResult =
  | { proceed: true; excluded: NonNullable<DecisionInput['excluded']> }
  | { proceed: false; close: RequestStatus; outcome: string };

/** Runs the assessment and every wait it implies; tells the workflow how to go on. */
export async function assessRequest(run: RequestRun, feeWindowMs: number): Promise<AssessmentResult> {
  const { requestId } = run;
  const a = await acts.assessRequest({ requestId });
  run.excessiveFee = a.excessiveFee ?? null;
  // Unverified requests of the same subject and kind are superseded by this verified one, never
  // the other way round (versioned: runs assessed before superseding replay without it).
  if (a.supersedes && a.supersedes.length > 0 && patched('authz-supersede')) {
    await acts.recordDecision({ requestId, actor: 'system', action: 'SUPERSEDES_UNVERIFIED', details: { requestIds: a.supersedes }, eventKey: `${requestId}:supersedes` });
    for (const id of a.supersedes) {
      // A request that closed meanwhile cannot be signalled, and needs nothing more.
      await getExternalWorkflowHandle(workflowIdFor(id)).signal(supersededSignal, { byRequestId: requestId }).catch(() => undefined);
    }
  }

  if (a.duplicateOf) {
    run.commit('CLOSING');
    await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'duplicate', originalRequestId: a.duplicateOf } });
    return { proceed: false, close: 'DUPLICATE', outcome: 'DUPLICATE_OF_OPEN_REQUEST' };
  }

  let excluded: NonNullable<DecisionInput['excluded']> = [];
  let fee = a.fee;
  let excessiveFee = false;
  if (a.excessive || a.exemptionGrounds.length > 0) {
    await run.moveTo('AWAITING_DECISION', 'system', a.excessive ? 'possibly excessive request' : 'exemption signal on record');
    const signal = a.excessive ? `${a.earlierInWindow} earlier requests in the fee window` : a.exemptionGrounds.map((g) => g.code).join(', ');
    await acts.alertStaff({ requestId, seq: 1, alert: { kind: 'decision-needed', decision: a.excessive ? 'EXCESSIVE' : 'EXEMPTION', signal } });
    await condition(() => run.decision !== null || run.withdrawn !== null);
    run.checkpoint();
    const decision = run.decision!;
    if (decision.decision === 'REFUSE') {
      run.commit('CLOSING');
      await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'refusal', grounds: decision.grounds, excluded: [] } });
      return { proceed: false, close: 'REFUSED', outcome: a.excessive ? 'REFUSED_EXCESSIVE' : 'REFUSED_EXEMPT' };
    }
    excluded = decision.excluded ?? [];
    // Compliance found the request manifestly unfounded or excessive and charges the
    // regime's fee for it (the validator refused this where the regime allows none).
    if (decision.decision === 'CHARGE_FEE' && a.excessiveFee) {
      fee = a.excessiveFee;
      excessiveFee = true;
    }
  }

  if (fee) {
    run.fee = { amount: fee.amount, currency: fee.currency, state: 'QUOTED' };
    const why = excessiveFee ? 'compliance charges the fee for a manifestly unfounded or excessive request' : `beyond the free quota (${a.earlierInWindow} earlier requests in the window)`;
    await run.moveTo('AWAITING_FEE', 'system', why, { fee: run.fee });
    const quotedAt = new Date().toISOString();
    await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'fee-quote', amount: fee.amount, currency: fee.currency, excessive: excessiveFee, respondWithinMs: feeWindowMs } });
    const respondBy = new Date(Date.now() + feeWindowMs).toISOString().slice(0, 10);
    const answered = await condition(() => run.fee?.state !== 'QUOTED' || run.withdrawn !== null, feeWindowMs);
    run.checkpoint();
    if (!answered) {
      run.commit('CLOSING');
      await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'closed-no-fee-answer', respondBy } });
      return { proceed: false, close: 'WITHDRAWN', outcome: 'FEE_UNANSWERED' };
    }
    if (run.fee?.state === 'DECLINED') {
      run.commit('CLOSING');
      // Histories recorded before this notice existed close without it.
      if (patched('fee-declined-notice')) await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'fee-declined', amount: run.fee.amount, currency: run.fee.currency } });
      return { proceed: false, close: 'WITHDRAWN', outcome: 'FEE_DECLINED' };
    }
    // The wait for an accepted fee is recorded so that regimes whose clock stops for it
    // (UK GDPR art 12A) move the deadline; a waived fee was never owed, so nothing pauses.
    if (run.fee?.state === 'ACCEPTED' && patched('fee-wait-pause')) {
      const paidAt = new Date().toISOString();
      await run.replan(() => acts.pauseClock({ requestId, from: quotedAt, to: paidAt, reason: 'fee' }));
    }
  }
  return { proceed: true, excluded };
}
