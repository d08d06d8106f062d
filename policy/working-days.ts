// Working-day arithmetic over a jurisdiction's holiday calendar.
import { type CivilDate, addCalendarDays } from './calendar-date';
import { type HolidayCalendar, isWorkingDay } from './holidays';

// No real calendar has a year without working days; this only stops a corrupt one
// from looping for ever.
const MAX_DAYS_SCANNED = 3660;

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: CivilDate, calendar: HolidayCalendar): CivilDate {
  return addWorkingDays(date, 1, calendar);
}

/** `date` itself when it is a working day, otherwise the next working day after it. */
export function onOrNextWorkingDay(date: CivilDate, calendar: HolidayCalendar): CivilDate {
  return isWorkingDay(calendar, date) ? date : nextWorkingDay(date, calendar);
}

/**
 * The n-th working day after `date`, not counting `date` itself (so "10 business days
 * after receipt" starts counting the day after receipt). China's adjusted working
 * weekends count; weekends and holidays do not.
 */
export function addWorkingDays(date: CivilDate, n: number, calendar: HolidayCalendar): CivilDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`The number of working days must be a whole number >= 0, got ${n}.`);
  let current = date;
  let counted = 0;
  for (let scanned = 0; counted < n; scanned++) {
    if (scanned > MAX_DAYS_SCANNED) throw new Error(`Calendar ${calendar.key} has no working days after ${date}.`);
    current = addCalendarDays(current, 1);
    if (isWorkingDay(calendar, current)) counted++;
  }
  return current;
}
