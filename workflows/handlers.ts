// Every human action on a request, as an update whose validator refuses a call made in
// the wrong state. Handlers record the decision and wake the step that waits for it.
import { condition, setHandler } from '@temporalio/workflow';
import { WITHDRAWABLE_STATUSES } from '../domain/status';
import { acts } from './acts';
import * as m from './messages';
import { reject, type RequestRun } from './request-run';

/** Resending is limited so a mailbox cannot be flooded through the portal. */
const MAX_CODE_SENDS = 5;
const RESEND_COOLDOWN_MS = 60_000;


function requireText(value: unknown, what: string): void {
  if (typeof value !== 'string' || value.trim().length < 3) reject(`${what} is required (at least 3 characters).`);
}

function requireStatus(run: RequestRun, ...allowed: string[]): void {
  if (!allowed.includes(run.status)) reject(`Not possible while the request is ${run.status}.`);
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
    async ({ code }) => {
      const check = await acts.checkVerificationCode({ requestId, code });
      if (check.outcome === 'VERIFIED') run.verified = true;
      return { ...check, status: run.status };
    },
    {
      validator: ({ code }) => {
        requireStatus(run, 'AWAITING_VERIFICATION');
        if (typeof code !== 'string' || !/^\d{6}$/.test(code)) reject('The code must be the six digits from the e-mail.');
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
        requireStatus(run, 'AWAITING_VERIFICATION');
        if (run.codeSends >= MAX_CODE_SENDS) reject('No more codes can be sent for this request.');
        if (Date.now() - run.lastCodeSentAt < RESEND_COOLDOWN_MS) reject('Please wait a minute before asking for another code.');
      },
    },
  );

  setHandler(
    m.attestIdentityUpdate,
    async ({ staffId, evidenceNote }) => {
      await audit(`staff:${staffId}`, 'IDENTITY_ATTESTED', evidenceNote);
      run.verified = true;
      return run.snapshot();
    },
    {
      validator: ({ evidenceNote }) => {
        requireStatus(run, 'AWAITING_VERIFICATION');
        requireText(evidenceNote, 'An evidence note');
      },
    },
  );

  setHandler(
    m.answerFeeUpdate,
    async ({ accept }) => {
      await audit('subject', accept ? 'FEE_ACCEPTED' : 'FEE_DECLINED');
      if (run.fee) run.fee = { ...run.fee, state: accept ? 'ACCEPTED' : 'DECLINED' };
      return run.snapshot();
    },
    { validator: (_answer) => requireStatus(run, 'AWAITING_FEE') },
  );

  setHandler(
    m.waiveFeeUpdate,
    async ({ staffId, reason }) => {
      await audit(`staff:${staffId}`, 'FEE_WAIVED', reason);
      if (run.fee) run.fee = { ...run.fee, state: 'WAIVED' };
      return run.snapshot();
    },
    {
      validator: ({ reason }) => {
        requireStatus(run, 'AWAITING_FEE');
        requireText(reason, 'A reason');
      },
    },
  );

  setHandler(
    m.decideUpdate,
    async (decision) => {
      await audit(`staff:${decision.staffId}`, `DECISION_${decision.decision}`, decision.reason, { grounds: decision.grounds, excluded: decision.excluded ?? [] });
      run.decision = decision;
      return run.snapshot();
    },
    {
      validator: (d) => {
        requireStatus(run, 'AWAITING_DECISION');
        requireText(d.reason, 'A reason');
        if (!['PROCEED', 'REFUSE', 'REFUSE_IN_PART'].includes(d.decision)) reject('Decision must be PROCEED, REFUSE or REFUSE_IN_PART.');
        if (d.decision !== 'PROCEED' && !(d.grounds?.length > 0)) reject('A refusal must name at least one legal ground.');
        if (d.decision === 'REFUSE_IN_PART' && !(d.excluded?.length)) reject('A partial refusal must name the excluded categories.');
      },
    },
  );

  setHandler(
    m.extendDeadlineUpdate,
    async ({ staffId, reason }) => {
      const originalDueDate = run.plan!.dueDate;
      const plan = await acts.extendDeadline({ requestId, staffId, reason, extensionsSoFar: run.extensions });
      run.extensions += 1;
      run.setPlan(plan);
      await acts.notifySubject({ requestId, seq: run.extensions, notice: { kind: 'extension-notice', originalDueDate, newDueDate: plan.dueDate, reason, citation: plan.basis } });
      return run.snapshot();
    },
    {
      validator: ({ reason }) => {
        requireText(reason, 'The reasons for the extension');
        if (run.isClosed()) reject('The request is closed.');
        if (!run.plan || run.plan.extensionsLeft <= 0) reject('This regime allows no (further) extension.');
        if (run.plan.extendBy && Date.now() > Date.parse(run.plan.extendBy)) reject('An extension must be notified within the original period, which has passed.');
      },
    },
  );

  const storeAction = (name: 'retry' | 'skip' | 'manual') => ({
    validator: (a: { store: string; justification?: string; note?: string }) => {
      requireStatus(run, 'STUCK');
      if (run.stores[a.store]?.status !== 'FAILED') reject(`Store ${a.store} is not waiting for an action.`);
      if (name === 'skip') requireText(a.justification, 'A justification');
      if (name === 'manual') requireText(a.note, 'A note');
    },
  });
  setHandler(m.retryStoreUpdate, ({ staffId, store }) => (run.storeActions.set(store, { kind: 'retry', staffId }), run.snapshot()), storeAction('retry'));
  setHandler(m.skipStoreUpdate, ({ staffId, store, justification }) => (run.storeActions.set(store, { kind: 'skip', staffId, note: justification }), run.snapshot()), storeAction('skip'));
  setHandler(m.completeStoreUpdate, ({ staffId, store, note }) => (run.storeActions.set(store, { kind: 'manual', staffId, note }), run.snapshot()), storeAction('manual'));

  // Answers once the store is settled, so the console shows the task done, not still open.
  setHandler(
    m.completeManualTaskUpdate,
    async (completion) => {
      run.manualTasks.set(completion.store, completion);
      await condition(() => run.stores[completion.store]?.status === 'MANUAL' || run.withdrawn !== null);
      return run.snapshot();
    },
    {
      validator: ({ store, note, nothingFound, processed }) => {
        requireStatus(run, 'IN_FULFILMENT', 'STUCK');
        if (!run.manualTasks.has(store) || run.manualTasks.get(store) !== null) reject(`Store ${store} has no open manual task on this request.`);
        requireText(note, 'A note');
        if (typeof nothingFound !== 'boolean') reject('Say whether anything was found (nothingFound: true or false).');
        if (processed !== undefined && (!Number.isSafeInteger(processed) || processed < 0)) reject('The number of records must be a whole number, 0 or more.');
        if (nothingFound && (processed ?? 0) > 0) reject('Nothing found and records processed cannot both be true.');
      },
    },
  );

  setHandler(
    m.withdrawUpdate,
    async ({ actor, reason }) => {
      run.withdrawn = { actor, reason };
      return run.snapshot();
    },
    {
      validator: (_withdrawal) => {
        if (!WITHDRAWABLE_STATUSES.includes(run.status)) reject(`The request can no longer be withdrawn (status ${run.status}).`);
      },
    },
  );
}
