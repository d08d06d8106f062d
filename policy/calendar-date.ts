// Civil (wall-calendar) dates as 'YYYY-MM-DD' strings. Deadlines are days in the
// controller's calendar, not instants, so they are kept apart from time zones here;
// strings survive Temporal payloads, JSON and the database unchanged.
// Pure arithmetic only: safe to call from workflow code.

/** A calendar date 'YYYY-MM-DD' (proleptic Gregorian), with no time and no zone. */
export type CivilDate = string;

export interface CivilDateParts {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True in a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined) throw new RangeError(`Month must be 1-12, got ${month}.`);
  return days;
}

/** Splits a date into its parts, rejecting anything that is not a real 'YYYY-MM-DD' date. */
export function parseCivilDate(date: CivilDate): CivilDateParts {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Expected a date as 'YYYY-MM-DD', got '${date}'.`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`'${date}' is not a date in the calendar.`);
  }
  return { year, month, day };
}

/** Builds a date from its parts, checking that it exists. */
export function civilDate(year: number, month: number, day: number): CivilDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  parseCivilDate(text);
  return text;
}

/** Days since 1970-01-01 (negative before), the basis of all day arithmetic. */
export function toDayNumber(date: CivilDate): number {
  const { year, month, day } = parseCivilDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The date a given number of days after 1970-01-01. */
export function fromDayNumber(dayNumber: number): CivilDate {
  requireInteger(dayNumber, 'day number');
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week: 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The year of a date. */
export function yearOf(date: CivilDate): number {
  return parseCivilDate(date).year;
}

/** Adds (or with a negative n, subtracts) whole calendar days. */
export function addCalendarDays(date: CivilDate, n: number): CivilDate {
  requireInteger(n, 'number of days');
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Adds calendar months the way EU Regulation 1182/71 art 3(2)(c) reads "a period of
 * months": the same date n months later, or, where that month is too short, its last
 * day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
 */
export function addCalendarMonths(date: CivilDate, n: number): CivilDate {
  requireInteger(n, 'number of months');
  const { year, month, day } = parseCivilDate(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return civilDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** The later of two dates. */
export function laterOf(a: CivilDate, b: CivilDate): CivilDate {
  return toDayNumber(a) >= toDayNumber(b) ? a : b;
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`The ${what} must be a whole number, got ${n}.`);
}
