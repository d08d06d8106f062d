// The request workflow: one access, correction or deletion request from intake to a
// lawful reply before its deadline. It reads top to bottom as the procedure; each step
// lives in steps/, every side effect is an activity, every decision is audited.
import { allHandlersFinished, condition, patched, setHandler } from '@temporalio/workflow';
import { sendToRecipient } from './portability-transfer';
import type { RequestStatus } from '../domain/status';
import type { OpenedRequest } from '../activities/open-request';
import { acts, folded, oneWrite, replyActs } from './acts';
import { awaitApproval, installApprovalHandler, needsApproval } from './approval';
import { type DsrStatus, type DsrWorkflowInput, statusQuery } from './messages';
import { replanWith } from './replan-with';
import { RequestRun, RequestWithdrawn } from './request-run';
import { assessRequest, installAssessmentHandlers } from './steps/assessment';
import { installDeadlineHandlers, watchDeadline } from './steps/deadline-watch';
import { fulfilEverywhere, installFulfilmentHandlers } from './steps/fulfilment';
import { awaitErasureWindow } from './steps/erasure-window';
import { establishIdentity, installIdentityHandlers, staffWordRequired } from './steps/identity';
import { installWithdrawHandler } from './withdrawal';
import { installClosureHandler, settleClosureTerms } from './steps/account-closure';

/** Versions the transfer of a portability package to the recipient the subject named, sent
 *  before the reply so the reply can say whether the recipient acknowledged it. */
export const PORTABILITY_TRANSFER_PATCH = 'portability-recipient-transfer';

/** Lets updates still at work (an extension notice being mailed) finish before the run ends,
 *  so none is cut off half done (versioned: runs already past their end replay as they ran). */
async function handlersFinished(): Promise<void> {
  if (patched('race-handlers-finished')) await condition(allHandlersFinished);
}

export async function dsrRequestWorkflow(input: DsrWorkflowInput): Promise<DsrStatus> {
  const run = new RequestRun(input);
  const { requestId } = run;
  // Each step owns its messages, but all listen from the start, before the first await: an
  // update that comes early is judged by its validator against the state it finds (refused,
  // as it always was), never held back until its step is reached.
  setHandler(statusQuery, () => run.snapshot());
  installIdentityHandlers(run);
  installApprovalHandler(run);
  installAssessmentHandlers(run);
  installFulfilmentHandlers(run);
  installDeadlineHandlers(run);
  installWithdrawHandler(run);
  installClosureHandler(run);

  // Asked once, where runs first asked for the read model's path (after the handlers: an update
  // sent with the start is accepted before), so every run records its choice at the same point.
  const fold = run.foldSteps(folded());
  // One local activity opens the request where runs from before the read model took two; on the
  // folded steps it also proves and records the start's attestation.
  const intake: OpenedRequest = fold
    ? await acts.openRequest(input, { attestation: true })
    : oneWrite()
      ? await acts.openRequest(input)
      : await acts.registerRequest(input).then(() => acts.planIntake({ requestId }));
  run.setPlan(intake.plan);
  const watching = watchDeadline(run);

  const close = async (status: RequestStatus, outcome: string, reason: string) => {
    run.setOutcome(outcome);
    if (!oneWrite()) await acts.recordOutcome({ requestId, outcome });
    await run.moveTo(status, 'system', reason, { outcome });
    await watching;
    await handlersFinished();
    return run.snapshot();
  };

  try {
    if (intake.acknowledge) await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'acknowledgement' } });

    if (!(await establishIdentity(run, intake.verificationWindowMs, intake.verificationNotRequired, intake.attestation))) {
      run.commit('CLOSING');
      if (run.supersededBy) {
        // The subject verified another request of the same kind: that one stands, and they are told which.
        await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'superseded', standingRequestId: run.supersededBy } });
        return await close('WITHDRAWN', 'SUPERSEDED', 'superseded by a verified request of the same subject and kind');
      }
      if (staffWordRequired(run)) {
        // A guardian's word alone, unchecked by staff: refused before any wait, the reason told in both languages.
        await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'guardian-not-attested' } });
        return await close('REFUSED', 'GUARDIAN_NOT_ATTESTED', 'a guardian’s request needs a staff attestation of guardianship');
      }
      await acts.sendUnverifiableNotice({ requestId });
      return await close('UNVERIFIABLE', 'UNVERIFIABLE', 'identity not verified within the window');
    }
    const verifiedAt = new Date().toISOString();
    // On the folded steps the clock starts and the request is assessed in one step, unless a
    // second person must approve first: then the assessment waits for the approval, as before.
    const assessed = fold && !needsApproval(run) ? (await replanWith(run, () => acts.startClockAndAssess({ requestId, verifiedAt }))).assessment : undefined;
    if (!assessed) await run.replan(() => acts.startClock({ requestId, verifiedAt }));

    // Four eyes: an erasure on one member of staff's word alone waits for a second person.
    if (needsApproval(run) && !(await awaitApproval(run))) {
      run.commit('CLOSING');
      await acts.sendUnverifiableNotice({ requestId });
      return await close('UNVERIFIABLE', 'ATTESTATION_REJECTED', 'the attested identity was not approved by a second person');
    }

    const assessment = await assessRequest(run, intake.feeResponseWindowMs, assessed);
    if (!assessment.proceed) return await close(assessment.close, assessment.outcome, 'closed after assessment');

    // An account closure's cooling-off period, where the regime has one, replaces the erasure window.
    const closure = await settleClosureTerms(run);
    if (!closure.proceed) return await close(closure.close, closure.outcome, closure.reason);
    if (!closure.coolingOffDone) await awaitErasureWindow(run);
    run.commit('FULFILMENT');
    // On the folded steps, planning the fulfilment records the move.
    if (!fold) await run.moveTo('IN_FULFILMENT', 'system', 'fulfilment started');
    const outcomes = await fulfilEverywhere(run, assessment.excluded);
    // Only runs whose subject named a recipient ask the patch, so every other history replays as it ran.
    if (input.portabilityRecipient && patched(PORTABILITY_TRANSFER_PATCH)) await sendToRecipient(requestId, input.portabilityRecipient, outcomes);
    const reply = { requestId, outcomes, excluded: assessment.excluded, grounds: run.decision?.grounds ?? [] };
    const outcome = assessment.excluded.length > 0 ? 'FULFILLED_IN_PART' : 'FULFILLED';
    if (!fold) {
      await replyActs.sendFinalReply(reply);
      return await close('COMPLETED', outcome, 'reply sent');
    }
    // The reply records the close with its own audit event, once it is sent; the workflow's
    // status and outcome follow when it has, as the database's did.
    const completed = run.transition('COMPLETED', 'system', 'reply sent', { outcome });
    await replyActs.sendFinalReply({ ...reply, close: completed });
    run.setOutcome(outcome);
    await run.moved(completed);
    await watching;
    await handlersFinished();
    return run.snapshot();
  } catch (err) {
    if (!(err instanceof RequestWithdrawn)) throw err;
    await acts.notifySubject({ requestId, seq: 1, notice: { kind: 'withdrawn' } });
    run.setOutcome('WITHDRAWN');
    if (!oneWrite()) await acts.recordOutcome({ requestId, outcome: 'WITHDRAWN' });
    await run.moveTo('WITHDRAWN', run.withdrawn!.actor, run.withdrawn!.reason ?? 'withdrawn', { outcome: 'WITHDRAWN' });
    await watching;
    await handlersFinished();
    return run.snapshot();
  }
}
