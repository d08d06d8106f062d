// When a request is due under its regime: the due date, the extension notice date, the
// acknowledgement and appeal dates. Pure and deterministic (no clock, no I/O), so the
// workflow can call it; every result carries a readable basis citing the law.
import type { RequestType } from '../domain/request-kinds';
import { type CivilDate, addCalendarDays, addCalendarMonths, toDayNumber, yearOf } from './calendar-date';
import type { Establishment } from './establishment';
import { type HolidayCalendar, nonWorkingReason, uncoveredYears } from './holidays';
import type { CitedPeriod, DeadlinePolicy, Period, RegimePolicy } from './regime-policy';
import { endOfLocalDay, localDateOf } from './time-zone';
import { addWorkingDays, onOrNextWorkingDay } from './working-days';

export { addCalendarDays, addCalendarMonths, type CivilDate } from './calendar-date';
export { localDateOf } from './time-zone';
export { addWorkingDays, nextWorkingDay, onOrNextWorkingDay } from './working-days';

/** A span during which the request waited on the subject (clarification, fee). */
export interface PauseInterval {
  from: Date;
  to: Date;
}

export interface DueDateInput {
  regime: RegimePolicy;
  /** The controller's establishment for the regime (from its profile): whose day and holidays count. */
  establishment: Establishment;
  receivedAt: Date;
  /** When identity was confirmed; absent while the request still waits for it. */
  identityVerifiedAt?: Date | null;
  /** Picks a shorter clock where the regime has one for the type (China's app rules). */
  requestType?: RequestType;
  /** A deletion compliance opened for a child's data collected by mistake: the regime's expedited clock, if it has one. */
  childDataCollectedByMistake?: boolean;
  /** Whole days the clock was stopped, if the caller counted them itself. */
  pausedDays?: number;
  /** Waits on the subject; each counts every local day it touches, as UK art 12A reads. */
  pauses?: readonly PauseInterval[];
  /** How many extensions have been taken (each notified to the subject). */
  extensions?: number;
}

export interface DueDate {
  /** The last day to reply, in the controller's calendar. */
  dueDate: CivilDate;
  /** The end of that day (23:59:59.999 in the regime's zone), as an instant. */
  dueAt: Date;
  /** How the date was reached, citing the articles relied on. */
  basis: string;
  /** The controller's day from which the period runs. */
  clockStartedOn: CivilDate;
  /** True while the clock waits for identity: the date assumes verification on receipt. */
  provisional: boolean;
  /** Days by which waiting on the subject moved the date (0 where the regime forbids it). */
  pausedDays: number;
  /** Calendar years the count crossed without holiday data, e.g. ['CN 2028']: only weekends were skipped there. */
  missingHolidayData: string[];
}

/** A business refusal the caller should report, not retry (e.g. an extension the law does not allow). */
export class PolicyViolationError extends Error {
  override readonly name = 'PolicyViolationError';
}

const START_LABEL = { receipt: 'receipt', identityVerified: 'identity verification' } as const;
const UNIT_LABEL = { calendarDays: 'calendar day', workingDays: 'working day', calendarMonths: 'calendar month' } as const;

/** "1 calendar month", "45 calendar days", "15 working days". */
export function describePeriod(period: Period): string {
  return `${period.amount} ${UNIT_LABEL[period.unit]}${period.amount === 1 ? '' : 's'}`;
}

/** Adds a period in its own unit; working days use the calendar and skip the start day. */
export function addPeriod(date: CivilDate, period: Period, calendar: HolidayCalendar): CivilDate {
  switch (period.unit) {
    case 'calendarDays':
      return addCalendarDays(date, period.amount);
    case 'calendarMonths':
      return addCalendarMonths(date, period.amount);
    case 'workingDays':
      return addWorkingDays(date, period.amount, calendar);
  }
}

/** The deadline that governs a request type under a regime. */
export function deadlineFor(regime: RegimePolicy, requestType?: RequestType, childDataCollectedByMistake = false): DeadlinePolicy {
  if (childDataCollectedByMistake && requestType === 'DELETION' && regime.childDataDeletion) return regime.childDataDeletion;
  return (requestType && regime.deadlineOverrides?.[requestType]) || regime.deadline;
}

/** True when the regime allows one more extension after `alreadyTaken`. */
export function canExtend(regime: RegimePolicy, alreadyTaken: number): boolean {
  return regime.extension !== null && alreadyTaken < regime.extension.maxTimes;
}

/** The due date of a request: its period from the right start, extended, paused and rolled as its regime allows. */
export function computeDueDate(input: DueDateInput): DueDate {
  const { regime } = input;
  const { calendar, timeZone } = input.establishment;
  const deadline = deadlineFor(regime, input.requestType, input.childDataCollectedByMistake);
  const extensions = checkedExtensions(regime, input.extensions ?? 0);
  const provisional = deadline.clockStarts === 'identityVerified' && !input.identityVerifiedAt;
  const clockStartedOn = localDateOf(clockStartInstant(deadline, input), timeZone);
  const notes = [`${describePeriod(deadline)} from ${START_LABEL[deadline.clockStarts]} on ${clockStartedOn} (${deadline.citation})`];

  let end: CivilDate;
  if (extensions > 0 && regime.extension) {
    const ext = regime.extension;
    // Same unit: count the whole span from the start, as the ICO reads "three months
    // from the start date", so Jan 31 + 1 + 2 months is Apr 30, not Apr 28.
    end =
      ext.unit === deadline.unit
        ? addPeriod(clockStartedOn, { amount: deadline.amount + extensions * ext.amount, unit: ext.unit }, calendar)
        : addPeriod(addPeriod(clockStartedOn, deadline, calendar), { amount: extensions * ext.amount, unit: ext.unit }, calendar);
    notes.push(`extended ${extensions === 1 ? 'once' : `${extensions} times`} by ${describePeriod(ext)} (${ext.citation})`);
  } else {
    end = addPeriod(clockStartedOn, deadline, calendar);
  }

  const waited = pausedDaysOf(input, timeZone);
  const pausedDays = regime.pausesWhileAwaitingSubject ? waited : 0;
  if (pausedDays > 0) {
    end = addCalendarDays(end, pausedDays);
    notes.push(`clock stopped for ${days(pausedDays)} while waiting for the subject (${regime.pauseCitation})`);
  } else if (waited > 0) {
    notes.push(`${days(waited)} waiting for the subject not deducted, as the clock does not stop (${regime.pauseCitation})`);
  }

  let dueDate = end;
  if (deadline.rollForwardToWorkingDay) {
    dueDate = onOrNextWorkingDay(end, calendar);
    if (dueDate !== end) notes.push(`${end} is not a working day (${nonWorkingReason(calendar, end)}), so the period ends on ${dueDate}`);
  }
  notes.push(`counting: ${deadline.countingCitation}`);
  if (provisional) notes.push('provisional: the clock starts when identity is verified; until then this assumes verification on the day of receipt');
  const calendarUsed = usesCalendar(deadline, regime, extensions);
  if (calendarUsed) notes.push(...calendarWarnings(calendar, clockStartedOn, dueDate));

  return {
    dueDate,
    dueAt: endOfLocalDay(dueDate, timeZone),
    basis: `${regime.name}: due ${dueDate}, end of day ${timeZone}. ${notes.join('; ')}.`,
    clockStartedOn,
    provisional,
    pausedDays,
    missingHolidayData: calendarUsed ? missingData(calendar, clockStartedOn, dueDate) : [],
  };
}

/**
 * The last day to tell the subject of an extension, with reasons: the end of the
 * original period. Throws where the regime allows no extension; null where the
 * regime requires no advance notice.
 */
export function extensionNoticeDeadline(input: Omit<DueDateInput, 'extensions'>): DueDate | null {
  const { regime } = input;
  if (!regime.extension) throw noExtension(regime);
  if (!regime.extension.noticeWithinOriginalPeriod) return null;
  const original = computeDueDate({ ...input, extensions: 0 });
  return { ...original, basis: `Extension notice due within the original period (${regime.extension.citation}). ${original.basis}` };
}

/** When receipt must be confirmed (e.g. CCPA: 10 business days), or null where no such duty exists. */
export function acknowledgementDue(regime: RegimePolicy, establishment: Establishment, receivedAt: Date): DueDate | null {
  return regime.acknowledgement ? clockDue(regime, establishment, regime.acknowledgement, receivedAt, 'acknowledge receipt', 'receipt') : null;
}

/** When an appeal against a refusal must be decided (e.g. Virginia: 60 days), or null where none is provided. */
export function appealDecisionDue(regime: RegimePolicy, establishment: Establishment, appealReceivedAt: Date): DueDate | null {
  return regime.appeal ? clockDue(regime, establishment, regime.appeal, appealReceivedAt, 'decide the appeal', 'receipt of the appeal') : null;
}

function clockDue(regime: RegimePolicy, { calendar, timeZone }: Establishment, period: CitedPeriod, from: Date, duty: string, fromLabel: string): DueDate {
  const start = localDateOf(from, timeZone);
  const dueDate = addPeriod(start, period, calendar);
  const warnings = period.unit === 'workingDays' ? calendarWarnings(calendar, start, dueDate) : [];
  const notes = [`${describePeriod(period)} from ${fromLabel} on ${start} (${period.citation})`, ...warnings];
  return {
    dueDate,
    dueAt: endOfLocalDay(dueDate, timeZone),
    basis: `${regime.name}: ${duty} by ${dueDate}, end of day ${timeZone}. ${notes.join('; ')}.`,
    clockStartedOn: start,
    provisional: false,
    pausedDays: 0,
    missingHolidayData: period.unit === 'workingDays' ? missingData(calendar, start, dueDate) : [],
  };
}

function clockStartInstant(deadline: DeadlinePolicy, input: DueDateInput): Date {
  const verified = input.identityVerifiedAt;
  // "The latest of" receipt and verification: a verification stamped before receipt
  // (clock skew between systems) must not start the clock early.
  if (deadline.clockStarts === 'identityVerified' && verified && verified.getTime() > input.receivedAt.getTime()) return verified;
  return input.receivedAt;
}

function checkedExtensions(regime: RegimePolicy, extensions: number): number {
  if (!Number.isInteger(extensions) || extensions < 0) throw new RangeError(`Extensions must be a whole number >= 0, got ${extensions}.`);
  if (extensions === 0) return 0;
  if (!regime.extension) throw noExtension(regime);
  if (extensions > regime.extension.maxTimes) {
    throw new PolicyViolationError(
      `${regime.key} allows at most ${regime.extension.maxTimes} extension(s) of ${describePeriod(regime.extension)} (${regime.extension.citation}); ${extensions} requested.`,
    );
  }
  return extensions;
}

function noExtension(regime: RegimePolicy): PolicyViolationError {
  return new PolicyViolationError(`${regime.key} allows no extension of the deadline (${regime.deadline.citation}).`);
}

/** Local days the request waited on the subject: caller's count plus the union of intervals. */
function pausedDaysOf(input: DueDateInput, timeZone: string): number {
  const counted = input.pausedDays ?? 0;
  if (!Number.isInteger(counted) || counted < 0) throw new RangeError(`pausedDays must be a whole number >= 0, got ${counted}.`);
  const spans = (input.pauses ?? []).map(({ from, to }) => {
    if (to.getTime() < from.getTime()) throw new RangeError('A pause cannot end before it starts.');
    return [toDayNumber(localDateOf(from, timeZone)), toDayNumber(localDateOf(to, timeZone))] as const;
  });
  spans.sort((a, b) => a[0] - b[0]);
  // Overlapping pauses (a fee asked for while clarification is pending) count once.
  let total = 0;
  let coveredUpTo = -Infinity;
  for (const [first, last] of spans) {
    const start = Math.max(first, coveredUpTo + 1);
    if (last >= start) total += last - start + 1;
    coveredUpTo = Math.max(coveredUpTo, last);
  }
  return counted + total;
}

function usesCalendar(deadline: DeadlinePolicy, regime: RegimePolicy, extensions: number): boolean {
  return deadline.rollForwardToWorkingDay || deadline.unit === 'workingDays' || (extensions > 0 && regime.extension?.unit === 'workingDays');
}

function calendarWarnings(calendar: HolidayCalendar, from: CivilDate, to: CivilDate): string[] {
  const warnings = uncoveredYears(calendar, from, to).map(
    (year) => `no ${calendar.key} holiday data for ${year}, so only weekends were skipped`,
  );
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    const note = calendar.provisionalNote(year);
    if (note) warnings.push(`${calendar.key} ${year} holidays provisional: ${note}`);
  }
  return warnings;
}

/** 'CN 2028' for each year of the count that the calendar has no data for. */
function missingData(calendar: HolidayCalendar, from: CivilDate, to: CivilDate): string[] {
  return uncoveredYears(calendar, from, to).map((year) => `${calendar.key} ${year}`);
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}
