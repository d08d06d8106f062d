// Setting and moving a request's due date: at intake, when the clock starts on identity
// verification, and on an extension. Each change is an audited event.
import { collectedByMistake, minorOf } from '../domain/minor';
import { ApplicationFailure } from '@temporalio/activity';
import { citerFor } from '../config/controller-profile';
import { canExtend, computeDueDate, type DueDateInput, getRegime, verificationNotRequired, waitingWindowMs } from '../policy';
import type { DeadlinePlan } from '../domain/deadline-plan';
import { appendAudit, readRequest, readRequestFields, recordVerifiedOnce, updateRequest } from '../db/records';
import { buildDeadlinePlan } from './deadline-plan';
import type { ActivityDeps } from './deps';
import { profileAccess } from './profile-access';

export interface IntakeResult {
  plan: DeadlinePlan;
  acknowledge: boolean;
  verificationWindowMs: number;
  feeResponseWindowMs: number;
  /** Set when the law forbids requiring verification (a CCPA opt-out of sale or sharing,
   *  policy/opt-out-verification.ts): the workflow asks for no code and audits the citation. */
  verificationNotRequired?: { citation: string };
}

/** The warning a request carries while its due date was counted without some year's holidays. */
export function holidayWarningOf(missing: readonly string[]): string | null {
  return missing.length > 0 ? `missing: ${missing.join(', ')}` : null;
}

export function deadlineActivities({ db, profile, holidayDataDir, purposes }: ActivityDeps) {
  const profiles = profileAccess(db, profile, holidayDataDir);

  /** The due-date input of a request, with the establishment of the profile it was received under. */
  async function dueInputFor(requestId: string, extensions: number): Promise<DueDateInput & { cite: (c: string) => string }> {
    const row = await readRequest(db, requestId);
    return {
      regime: getRegime(row.regime),
      establishment: await profiles.establishmentOf(row),
      cite: citerFor(await profiles.profileOf(row)),
      receivedAt: row.receivedAt,
      identityVerifiedAt: row.verifiedAt,
      requestType: row.type,
      childDataCollectedByMistake: collectedByMistake(minorOf(row.details)),
      extensions,
      pauses: (row.details?.pauses ?? []).map((p) => ({ from: new Date(p.from), to: new Date(p.to) })),
    };
  }

  async function setDue(requestId: string, input: DueDateInput & { cite: (c: string) => string }, actor: string, action: string, reason?: string, eventKey?: string): Promise<DeadlinePlan> {
    const computed = computeDueDate(input);
    const due = { ...computed, basis: input.cite(computed.basis) };
    const plan = buildDeadlinePlan(input.regime, due, input);
    const holidayWarning = holidayWarningOf(due.missingHolidayData);
    await db.$transaction(async (tx) => {
      const before = await readRequestFields(tx, requestId, { holidayWarning: true });
      await updateRequest(tx, requestId, { dueAt: due.dueAt, extensions: input.extensions ?? 0, holidayWarning });
      await appendAudit(tx, { requestId, actor, action, reason, details: { dueDate: due.dueDate, basis: due.basis, provisional: due.provisional }, eventKey });
      // The warning is audited when it appears and when it goes, with the years and nothing personal.
      if (holidayWarning !== before.holidayWarning) {
        await appendAudit(tx, {
          requestId,
          actor: 'system',
          action: holidayWarning ? 'HOLIDAY_DATA_MISSING' : 'HOLIDAY_DATA_COMPLETE',
          reason: holidayWarning ? `due date counted on weekends alone for ${due.missingHolidayData.join(', ')}` : 'due date counted with holiday data for every year',
          details: { missing: due.missingHolidayData, dueDate: due.dueDate },
          eventKey: eventKey ? `${eventKey}:holidays` : undefined,
        });
      }
    });
    return plan;
  }

  return {
    /** The deadline plan and waiting windows for a newly registered request. */
    async planIntake({ requestId }: { requestId: string }): Promise<IntakeResult> {
      const input = await dueInputFor(requestId, 0);
      const plan = await setDue(requestId, input, 'system', 'DUE_DATE_SET', 'computed at intake', `${requestId}:due:intake`);
      const { regime } = input;
      const row = await readRequestFields(db, requestId, { type: true, details: true });
      const waiver = verificationNotRequired(regime, row.type, row.details?.manage, purposes ?? []);
      return {
        plan,
        ...(waiver && { verificationNotRequired: waiver }),
        acknowledge: regime.acknowledgement !== null,
        verificationWindowMs: waitingWindowMs(regime.verificationWindow),
        feeResponseWindowMs: regime.feeResponseWindow ? waitingWindowMs(regime.feeResponseWindow) : waitingWindowMs(regime.verificationWindow),
      };
    },

    /** Recomputes the due date once identity is verified (PIPL counts from then), keeping
     *  the extensions already granted: a request extended while it waited keeps its extension. */
    async startClock({ requestId, verifiedAt }: { requestId: string; verifiedAt: string }): Promise<DeadlinePlan> {
      await recordVerifiedOnce(db, requestId, new Date(verifiedAt));
      const { extensions } = await readRequestFields(db, requestId, { extensions: true });
      const input = await dueInputFor(requestId, extensions);
      return setDue(requestId, input, 'system', 'DUE_DATE_SET', 'identity verified', `${requestId}:due:verified`);
    },

    /** Records a span the request waited on the subject (a fee) and recomputes the due date;
     *  the regime decides whether the span stops the clock (UK GDPR art 12A) or not. */
    async pauseClock(a: { requestId: string; from: string; to: string; reason: 'fee' }): Promise<DeadlinePlan> {
      // A wait on the subject is kept in the request's details (no personal data).
      const row = await readRequestFields(db, a.requestId, { details: true, extensions: true });
      const pauses = [...(row.details?.pauses ?? [])];
      // A retried call must not count the same wait twice.
      if (!pauses.some((p) => p.from === a.from)) pauses.push({ from: a.from, to: a.to, reason: a.reason });
      await updateRequest(db, a.requestId, { details: { ...row.details, pauses } });
      const input = await dueInputFor(a.requestId, row.extensions);
      return setDue(a.requestId, input, 'system', 'CLOCK_PAUSED', `waited for the subject (${a.reason}) from ${a.from} to ${a.to}`, `${a.requestId}:pause:${a.from}`);
    },

    /** Extends the deadline as the regime allows; refuses (non-retryably) what it does not. */
    async extendDeadline(a: { requestId: string; staffId: string; reason: string; extensionsSoFar: number }): Promise<DeadlinePlan> {
      const input = await dueInputFor(a.requestId, a.extensionsSoFar + 1);
      if (!canExtend(input.regime, a.extensionsSoFar)) {
        throw ApplicationFailure.nonRetryable(`${input.regime.name} allows no further extension.`, 'ExtensionNotAllowed');
      }
      return setDue(a.requestId, input, `staff:${a.staffId}`, 'DEADLINE_EXTENDED', a.reason, `${a.requestId}:due:ext${a.extensionsSoFar + 1}`);
    },
  };
}
