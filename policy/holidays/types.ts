// The shape of a holiday calendar kept as data, one file per jurisdiction, so that a
// compliance officer can add next year's dates without touching any logic.
import { type CivilDate, addCalendarDays, daysBetween } from '../calendar-date';

export const HOLIDAY_CALENDAR_KEYS = ['CN', 'EU', 'UK', 'US-CA', 'BR', 'US-VA', 'CA-QC'] as const;
export type HolidayCalendarKey = (typeof HOLIDAY_CALENDAR_KEYS)[number];

export interface Holiday {
  date: CivilDate;
  name: string;
}

export interface HolidayYear {
  /** Days off: public holidays, observed substitutes and, for China, whole break days. */
  holidays: readonly Holiday[];
  /** Saturdays or Sundays that are working days (China's 调休 make-up days). */
  adjustedWorkingDays?: readonly Holiday[];
  /** Set while the year's data is a forecast rather than the published list. */
  provisional?: string;
}

export interface HolidayCalendarData {
  key: HolidayCalendarKey;
  name: string;
  /** Where the list comes from, for the reader who must check it. */
  source: string;
  /** Days of the week that are not working days: 0 = Sunday ... 6 = Saturday. */
  weekendDays: readonly number[];
  years: Readonly<Record<number, HolidayYear>>;
}

/** Every day from `first` to `last` inclusive, each named `name` (for multi-day breaks). */
export function holidayRange(first: CivilDate, last: CivilDate, name: string): Holiday[] {
  const length = daysBetween(first, last) + 1;
  if (length < 1) throw new RangeError(`Holiday range ${first}..${last} is empty.`);
  return Array.from({ length }, (_, i) => ({ date: addCalendarDays(first, i), name }));
}
