// When staff are reminded of a due date and when an open request escalates as at
// risk, and how long the engine waits on the subject: all read from the regime.
import { addCalendarDays } from './calendar-date';
import type { Establishment } from './establishment';
import type { RegimePolicy, WaitingWindow } from './regime-policy';
import { localDateOf, localHourToInstant } from './time-zone';

const DAY_MS = 86_400_000;

export interface Reminder {
  daysBefore: number;
  at: Date;
}

export interface ReminderSchedule {
  /** Earliest first. */
  reminders: Reminder[];
  escalateAt: Date;
}

/**
 * Reminder and escalation instants for a due date: N calendar days before the due day,
 * at the regime's local working hour, so staff see them at the start of a day in the
 * controller's zone. Instants already past are the caller's to skip.
 */
export function reminderInstants(dueAt: Date, regime: RegimePolicy, { timeZone }: Pick<Establishment, 'timeZone'>): ReminderSchedule {
  const { reminders } = regime;
  const dueDate = localDateOf(dueAt, timeZone);
  const at = (daysBefore: number) => localHourToInstant(addCalendarDays(dueDate, -daysBefore), reminders.atLocalHour, timeZone);
  return {
    reminders: [...reminders.daysBefore].sort((a, b) => b - a).map((daysBefore) => ({ daysBefore, at: at(daysBefore) })),
    escalateAt: at(reminders.escalateAtRiskDaysBefore),
  };
}

/** A waiting window as milliseconds, for a workflow timer (e.g. `condition(fn, ms)`). */
export function waitingWindowMs(window: WaitingWindow): number {
  return window.days * DAY_MS;
}
