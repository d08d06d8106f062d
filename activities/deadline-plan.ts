// Turns a regime's due date into the workflow's deadline plan: the due instant, staff
// reminders, escalation, and the last moment for a reply before the deadline.
import {
  addCalendarDays,
  canExtend,
  type DueDate,
  type DueDateInput,
  extensionNoticeDeadline,
  localHourToInstant,
  type RegimePolicy,
  reminderInstants,
} from '../policy';
import type { DeadlinePlan } from '../domain/deadline-plan';

/** The day before the due day, at the regime's working hour: if the request is still open
 *  then, the subject gets a partial reply, so no deadline passes in silence. */
const DEADLINE_REPLY_DAYS_BEFORE = 1;

/** Builds the plan for a computed due date; `dueInput` is what produced it (for the extension notice date). */
export function buildDeadlinePlan(regime: RegimePolicy, due: DueDate, dueInput: DueDateInput): DeadlinePlan {
  const schedule = reminderInstants(due.dueAt, regime, dueInput.establishment);
  const replyAt = localHourToInstant(addCalendarDays(due.dueDate, -DEADLINE_REPLY_DAYS_BEFORE), regime.reminders.atLocalHour, dueInput.establishment.timeZone);
  const alerts: DeadlinePlan['alerts'] = [
    ...schedule.reminders.map((r) => ({ at: r.at.toISOString(), kind: 'reminder' as const, daysBefore: r.daysBefore })),
    { at: schedule.escalateAt.toISOString(), kind: 'escalation', daysBefore: regime.reminders.escalateAtRiskDaysBefore },
    { at: replyAt.toISOString(), kind: 'deadline-reply', daysBefore: DEADLINE_REPLY_DAYS_BEFORE },
  ];
  alerts.sort((a, b) => a.at.localeCompare(b.at));
  const taken = dueInput.extensions ?? 0;
  const extensionsLeft = canExtend(regime, taken) ? regime.extension!.maxTimes - taken : 0;
  const notice = extensionsLeft > 0 ? extensionNoticeDeadline({ ...dueInput }) : null;
  return {
    dueAt: due.dueAt.toISOString(),
    dueDate: due.dueDate,
    basis: due.basis,
    alerts,
    extensionsLeft,
    extendBy: notice ? notice.dueAt.toISOString() : null,
  };
}
