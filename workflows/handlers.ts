// Every human action on a request, as an update whose validator refuses a call made in
// the wrong state. Handlers record the decision and wake the step that waits for it.
import { condition, patched, setHandler } from '@temporalio/workflow';
import { acts } from './acts';
import * as m from './messages';
import { reject, type RequestRun, type StoreAction } from './request-run';
import { installApprovalHandler } from './approval';
import { installWithdrawHandler } from './withdrawal';
import { DRP_EXTENSION_CALLBACK_PATCH, startDrpStatusCallback } from './drp-callback';
import { proveStaff } from './staff-proof';

/** Resending is limited so a mailbox cannot be flooded through the portal. */
const MAX_CODE_SENDS = 5;
const RESEND_COOLDOWN_MS = 60_000;


function requireText(value: unknown, what: string): void {
  if (typeof value !== 'string' || value.trim().length < 3) reject(`${what} is required (at least 3 characters).`);
}

function requireStatus(run: RequestRun, ...allowed: string[]): void {
  if (run.withdrawn) reject('The request is being withdrawn.');
  if (!allowed.includes(run.status)) reject(`Not possible while the request is ${run.status}.`);
}

/** Refuses a call while another call of the same kind is still under way on this request. */
function requireFree(run: RequestRun, key: string, message: string): void {
  if (run.pending.has(key)) reject(message);
}

const IDENTITY_BUSY = 'Identity is being confirmed by another call right now; reload the request to see the outcome.';
const FEE_BUSY = 'The fee is being answered by another call right now; reload the request to see the outcome.';

export { FULFILMENT_BEGUN } from './withdrawal';

/** The fee is quoted and no answer to it is recorded or under way. */
function requireFeeQuoted(run: RequestRun): void {
  requireStatus(run, 'AWAITING_FEE');
  if (run.fee && run.fee.state !== 'QUOTED') reject(`The fee was already answered (${run.fee.state}).`);
  requireFree(run, 'fee', FEE_BUSY);
}

/** Registers the status query and all update handlers on the run. */
export function installHandlers(run: RequestRun): void {
  const { requestId } = run;
  // Each decision gets a replay-stable key, so a retried activity records it once.
  const audit = (actor: string, action: string, reason?: string, details?: Record<string, unknown>) =>
    acts.recordDecision({ requestId, actor, action, reason, details, eventKey: `${requestId}:decision:${run.nextSeq()}` });

  setHandler(m.statusQuery, () => run.snapshot());

  setHandler(
    m.verifyIdentityUpdate,
    ({ code }) =>
      run.exclusively('identity', async () => {
        const check = await acts.checkVerificationCode({ requestId, code });
        if (check.outcome === 'VERIFIED') run.verified = true;
        return { ...check, status: run.status };
      }),
    {
      validator: ({ code }) => {
        if (run.verified) reject('Identity is already verified.');
        requireStatus(run, 'AWAITING_VERIFICATION');
        requireFree(run, 'identity', IDENTITY_BUSY);
        if (typeof code !== 'string' || !/^\d{6}(\d{2})?$/.test(code)) reject('The code must be the digits from the e-mail.');
      },
    },
  );

  setHandler(
    m.resendCodeUpdate,
    async () => {
      run.codeSends += 1;
      run.lastCodeSentAt = Date.now();
      await acts.sendVerificationCode({ requestId });
      return run.snapshot();
    },
    {
      validator: () => {
        if (run.verified) reject('Identity is already verified.');
        requireStatus(run, 'AWAITING_VERIFICATION');
        if (run.codeSends >= MAX_CODE_SENDS) reject('No more codes can be sent for this request.');
        if (Date.now() - run.lastCodeSentAt < RESEND_COOLDOWN_MS) reject('Please wait a minute before asking for another code.');
      },
    },
  );

  setHandler(
    m.attestIdentityUpdate,
    ({ staffId, evidenceNote, assertion }) =>
      run.exclusively('identity', async () => {
        await proveStaff(run, m.attestIdentityUpdate.name, staffId, assertion);
        await audit(`staff:${staffId}`, 'IDENTITY_ATTESTED', evidenceNote);
        run.attestedBy = staffId;
        run.verified = true;
        return run.snapshot();
      }),
    {
      validator: ({ evidenceNote }) => {
        if (run.verified) reject('Identity is already verified.');
        requireStatus(run, 'AWAITING_VERIFICATION');
        requireFree(run, 'identity', IDENTITY_BUSY);
        requireText(evidenceNote, 'An evidence note');
      },
    },
  );

  setHandler(
    m.answerFeeUpdate,
    ({ accept }) =>
      run.exclusively('fee', async () => {
        await audit('subject', accept ? 'FEE_ACCEPTED' : 'FEE_DECLINED');
        if (run.fee) run.fee = { ...run.fee, state: accept ? 'ACCEPTED' : 'DECLINED' };
        return run.snapshot();
      }),
    { validator: (_answer) => requireFeeQuoted(run) },
  );

  setHandler(
    m.waiveFeeUpdate,
    ({ staffId, reason, assertion }) =>
      run.exclusively('fee', async () => {
        await proveStaff(run, m.waiveFeeUpdate.name, staffId, assertion);
        await audit(`staff:${staffId}`, 'FEE_WAIVED', reason);
        if (run.fee) run.fee = { ...run.fee, state: 'WAIVED' };
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
    m.decideUpdate,
    (decision) =>
      run.exclusively('decision', async () => {
        await proveStaff(run, m.decideUpdate.name, decision.staffId, decision.assertion);
        await audit(`staff:${decision.staffId}`, `DECISION_${decision.decision}`, decision.reason, { grounds: decision.grounds, excluded: decision.excluded ?? [] });
        // The proof has served; the decision is kept without it.
        run.decision = { ...decision, assertion: undefined };
        return run.snapshot();
      }),
    {
      validator: (d) => {
        requireStatus(run, 'AWAITING_DECISION');
        if (run.decision) reject(`A decision was already recorded (${run.decision.decision}).`);
        requireFree(run, 'decision', 'Another decision on this request is being recorded right now; reload the request to see it.');
        requireText(d.reason, 'A reason');
        if (!['PROCEED', 'REFUSE', 'REFUSE_IN_PART', 'CHARGE_FEE'].includes(d.decision)) reject('Decision must be PROCEED, REFUSE, REFUSE_IN_PART or CHARGE_FEE.');
        if (d.decision === 'CHARGE_FEE' && !run.excessiveFee) {
          reject(`The ${run.input.regime} regime allows no fee for a manifestly unfounded or excessive request: proceed, or refuse on one of its grounds.`);
        }
        if ((d.decision === 'REFUSE' || d.decision === 'REFUSE_IN_PART') && !(d.grounds?.length > 0)) reject('A refusal must name at least one legal ground.');
        if (d.decision === 'REFUSE_IN_PART' && !(d.excluded?.length)) reject('A partial refusal must name the excluded categories.');
      },
    },
  );

  setHandler(
    m.extendDeadlineUpdate,
    ({ staffId, reason, assertion }) =>
      run.exclusively('extend', async () => {
        await proveStaff(run, m.extendDeadlineUpdate.name, staffId, assertion);
        const originalDueDate = run.plan!.dueDate;
        // The extension is reserved before the first await and given back if it fails, and
        // its notice is keyed by it: a raced or retried call can neither take nor mail it twice.
        const taken = run.extensions;
        run.extensions = taken + 1;
        let plan: m.DeadlinePlan;
        try {
          plan = await acts.extendDeadline({ requestId, staffId, reason, extensionsSoFar: taken });
        } catch (err) {
          run.extensions = taken;
          throw err;
        }
        run.setPlan(plan);
        await acts.notifySubject({ requestId, seq: taken + 1, notice: { kind: 'extension-notice', originalDueDate, newDueDate: plan.dueDate, reason, citation: plan.basis } });
        // §3.08: the agent hears the new expected_by (versioned: extensions recorded before posted nothing).
        if (run.input.drpStatusCallback && patched(DRP_EXTENSION_CALLBACK_PATCH)) await startDrpStatusCallback(requestId, `x${taken + 1}`);
        return run.snapshot();
      }),
    {
      validator: ({ reason }) => {
        requireText(reason, 'The reasons for the extension');
        if (run.isClosed()) reject('The request is closed.');
        requireFree(run, 'extend', 'Another extension of this request is being recorded right now; reload the request to see it before asking again.');
        requireFree(run, 'plan', 'The deadline is being recomputed right now; try again in a moment.');
        if (!run.plan || run.plan.extensionsLeft <= 0) reject('This regime allows no (further) extension.');
        if (run.plan.extendBy && Date.now() > Date.parse(run.plan.extendBy)) reject('An extension must be notified within the original period, which has passed.');
      },
    },
  );

  const storeAction = (name: 'retry' | 'skip' | 'manual') => ({
    validator: (a: { store: string; justification?: string; note?: string }) => {
      requireStatus(run, 'STUCK');
      if (run.stores[a.store]?.status !== 'FAILED') reject(`Store ${a.store} is not waiting for an action.`);
      if (run.storeActions.has(a.store) || run.pending.has(`store:${a.store}`)) reject(`An action on store ${a.store} is already under way.`);
      if (name === 'skip') requireText(a.justification, 'A justification');
      if (name === 'manual') requireText(a.note, 'A note');
    },
  });
  // The store is reserved while the action is proven, so a second action on it is refused meanwhile.
  const onStore = (update: { name: string }, store: string, staffId: string, assertion: string | undefined, action: StoreAction) =>
    run.exclusively(`store:${store}`, async () => {
      await proveStaff(run, update.name, staffId, assertion);
      run.storeActions.set(store, action);
      return run.snapshot();
    });
  setHandler(m.retryStoreUpdate, ({ staffId, store, assertion }) => onStore(m.retryStoreUpdate, store, staffId, assertion, { kind: 'retry', staffId }), storeAction('retry'));
  setHandler(
    m.skipStoreUpdate,
    ({ staffId, store, justification, assertion }) => onStore(m.skipStoreUpdate, store, staffId, assertion, { kind: 'skip', staffId, note: justification }),
    storeAction('skip'),
  );
  setHandler(
    m.completeStoreUpdate,
    ({ staffId, store, note, assertion }) => onStore(m.completeStoreUpdate, store, staffId, assertion, { kind: 'manual', staffId, note }),
    storeAction('manual'),
  );

  // Answers once the store is settled, so the console shows the task done, not still open.
  setHandler(
    m.completeManualTaskUpdate,
    async ({ assertion, ...completion }) => {
      await run.exclusively(`manual:${completion.store}`, () => proveStaff(run, m.completeManualTaskUpdate.name, completion.staffId, assertion));
      run.manualTasks.set(completion.store, completion);
      await condition(() => run.stores[completion.store]?.status === 'MANUAL' || run.withdrawn !== null);
      return run.snapshot();
    },
    {
      validator: ({ store, note, nothingFound, processed }) => {
        requireStatus(run, 'IN_FULFILMENT', 'STUCK');
        if (!run.manualTasks.has(store) || run.manualTasks.get(store) !== null) reject(`Store ${store} has no open manual task on this request.`);
        requireFree(run, `manual:${store}`, `The manual task for store ${store} is being completed by another call right now.`);
        requireText(note, 'A note');
        if (typeof nothingFound !== 'boolean') reject('Say whether anything was found (nothingFound: true or false).');
        if (processed !== undefined && (!Number.isSafeInteger(processed) || processed < 0)) reject('The number of records must be a whole number, 0 or more.');
        if (nothingFound && (processed ?? 0) > 0) reject('Nothing found and records processed cannot both be true.');
      },
    },
  );

  installWithdrawHandler(run);

  // Only a waiting, unverified request listens; the claim is checked before anything closes.
  setHandler(m.supersededSignal, ({ byRequestId }) => {
    if (!run.verified && run.status === 'AWAITING_VERIFICATION' && typeof byRequestId === 'string') run.supersededBy ??= byRequestId;
  });

  installApprovalHandler(run, audit);
}
