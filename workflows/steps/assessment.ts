// Step 2: is this request a duplicate, excessive, subject to an exemption, or beyond the
// free quota? Each answer that needs a person waits for that person's decision: compliance's
// decision, the subject's answer to a fee, staff's waiver are this step's messages.
import { getExternalWorkflowHandle, patched, setHandler } from '@temporalio/workflow';
import type { RequestStatus } from '../../domain/status';
import type { Assessment } from '../../activities/assessment';
import { acts } from '../acts';
import { answerFeeUpdate, decideUpdate, type DecisionInput, supersededSignal, waiveFeeUpdate, workflowIdFor } from '../messages';
import { reject, requireFree, requireStatus, requireText } from '../refusals';
import type { RequestRun } from '../request-run';
import { proveStaff } from '../staff-proof';

const FEE_BUSY = 'The fee is being answered by another call right now; reload the request to see the outcome.';

/** The fee is quoted and no answer to it is recorded or under way. */
function requireFeeQuoted(run: RequestRun): void {
  requireStatus(run, 'AWAITING_FEE');
  if (run.fee && run.fee.state !== 'QUOTED') reject('ALREADY_DONE', `The fee was already answered (${run.fee.state}).`);
  requireFree(run, 'fee', FEE_BUSY);
}

/** Registers the messages that the decision and fee waits below listen for. */
export function installAssessmentHandlers(run: RequestRun): void {
  setHandler(
    answerFeeUpdate,
    ({ accept }) =>
      run.exclusively('fee', async () => {
        await run.audit('subject', accept ? 'FEE_ACCEPTED' : 'FEE_DECLINED');
        run.answerFee(accept ? 'ACCEPTED' : 'DECLINED');
        return run.snapshot();
      }),
    { validator: (_answer) => requireFeeQuoted(run) },
  );

  setHandler(
    waiveFeeUpdate,
    ({ staffId, reason, assertion }) =>
      run.exclusively('fee', async () => {
        await proveStaff(run, waiveFeeUpdate.name, staffId, assertion);
        await run.audit(`staff:${staffId}`, 'FEE_WAIVED', reason);
        run.answerFee('WAIVED');
        return run.snapshot();
      }),
    {
      validator: ({ reason }) => {
        requireFeeQuoted(run);
        requireText(reason, 'A reason');
      },
    },
  );

  setHandler(
    decideUpdate,
    (decision) =>
      run.exclusively('decision', async () => {
        await proveStaff(run, decideUpdate.name, decision.staffId, decision.assertion);
        await run.audit(`staff:${decision.staffId}`, `DECISION_${decision.decision}`, decision.reason, { grounds: decision.grounds, excluded: decision.excluded ?? [] });
        // The proof has served; the decision is kept without it.
        run.recordDecision({ ...decision, assertion: undefined });
        return run.snapshot();
      }),
    {
      validator: (d) => {
        requireStatus(run, 'AWAITING_DECISION');
        if (run.decision) reject('ALREADY_DONE', `A decision was already recorded (${run.decision.decision}).`);
        requireFree(run, 'decision', 'Another decision on this request is being recorded right now; reload the request to see it.');
        requireText(d.reason, 'A reason');
        if (!['PROCEED', 'REFUSE', 'REFUSE_IN_PART', 'CHARGE_FEE'].includes(d.decision)) reject('INVALID_INPUT', 'Decision must be PROCEED, REFUSE, REFUSE_IN_PART or CHARGE_FEE.');
        if (d.decision === 'CHARGE_FEE' && !run.excessiveFee) {
          reject('NOT_ALLOWED', `The ${run.input.regime} regime allows no fee for a manifestly unfounded or excessive request: proceed, or refuse on one of its grounds.`);
        }
        if ((d.decision === 'REFUSE' || d.decision === 'REFUSE_IN_PART') && !(d.grounds?.length > 0)) reject('INVALID_INPUT', 'A refusal must name at least one legal ground.');
        if (d.decision === 'REFUSE_IN_PART' && !(d.excluded?.length)) reject('INVALID_INPUT', 'A partial refusal must name the excluded categories.');
      },
    },
  );
}

export type AssessmentResult =
  | { proceed: true; excluded: NonNullable<DecisionInput['excluded']> }
  | { proceed: false; close: RequestStatus; outcome: string };

/** Runs the assessment and every wait it implies; tells the workflow how to go on. `made` is
 *  the assessment when the clock's start made it (runs taking the folded steps). */
export async function assessRequest(run: RequestRun, feeWindowMs: number, made?: Assessment): Promise<AssessmentResult> {
  const { requestId } = run;
  const a = made ?? (await acts.assessRequest({ requestId }));
  run.offerExcessiveFee(a.excessiveFee ?? null);
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
    await run.waitFor(() => run.decision !== null);
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
    run.quoteFee(fee);
    const why = excessiveFee ? 'compliance charges the fee for a manifestly unfounded or excessive request' : `beyond the free quota (${a.earlierInWindow} earlier requests in the window)`;
    await run.moveTo('AWAITING_FEE', 'system', why, { fee: run.fee });
    const quotedAt = new Date().toISOString();
    await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'fee-quote', amount: fee.amount, currency: fee.currency, excessive: excessiveFee, respondWithinMs: feeWindowMs } });
    const respondBy = new Date(Date.now() + feeWindowMs).toISOString().slice(0, 10);
    const answered = await run.waitFor(() => run.fee?.state !== 'QUOTED', feeWindowMs);
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
