// Holiday calendars by key, and the one rule for what a working day is.
import { type CivilDate, dayOfWeek, yearOf } from '../calendar-date';
import { BR_HOLIDAYS } from './br';
import { CA_QC_HOLIDAYS } from './ca-qc';
import { CN_HOLIDAYS } from './cn';
import { EU_HOLIDAYS } from './eu';
import { type HolidayCalendarData, type HolidayCalendarKey, HOLIDAY_CALENDAR_KEYS } from './types';
import { UK_HOLIDAYS } from './uk';
import { US_CA_HOLIDAYS } from './us-ca';
import { US_VA_HOLIDAYS } from './us-va';

export * from './types';

export const HOLIDAY_DATA: Readonly<Record<HolidayCalendarKey, HolidayCalendarData>> = {
  CN: CN_HOLIDAYS,
  EU: EU_HOLIDAYS,
  UK: UK_HOLIDAYS,
  'US-CA': US_CA_HOLIDAYS,
  BR: BR_HOLIDAYS,
  'US-VA': US_VA_HOLIDAYS,
  'CA-QC': CA_QC_HOLIDAYS,
};

/** Questions a deadline calculation asks of a jurisdiction's calendar. */
export interface HolidayCalendar {
  readonly key: HolidayCalendarKey;
  readonly name: string;
  /** True on the calendar's weekend days (Saturday and Sunday everywhere so far). */
  isWeekend(date: CivilDate): boolean;
  /** True on a public holiday or a day of an official break. */
  isHoliday(date: CivilDate): boolean;
  /** The holiday's name, or undefined on an ordinary day. */
  holidayName(date: CivilDate): string | undefined;
  /** True on a weekend day that is officially a working day (China's 调休). */
  isAdjustedWorkingDay(date: CivilDate): boolean;
  /** True when the calendar holds data for that year; outside it only weekends are known. */
  covers(year: number): boolean;
  /** Why a year's data is still a forecast, or undefined when it is the published list. */
  provisionalNote(year: number): string | undefined;
}

function buildCalendar(data: HolidayCalendarData): HolidayCalendar {
  const holidays = new Map<CivilDate, string>();
  const adjusted = new Map<CivilDate, string>();
  for (const year of Object.values(data.years)) {
    for (const h of year.holidays) holidays.set(h.date, h.name);
    for (const a of year.adjustedWorkingDays ?? []) adjusted.set(a.date, a.name);
  }
  return {
    key: data.key,
    name: data.name,
    isWeekend: (date) => data.weekendDays.includes(dayOfWeek(date)),
    isHoliday: (date) => holidays.has(date),
    holidayName: (date) => holidays.get(date),
    isAdjustedWorkingDay: (date) => adjusted.has(date),
    covers: (year) => data.years[year] !== undefined,
    provisionalNote: (year) => data.years[year]?.provisional,
  };
}

const CALENDARS = new Map<string, HolidayCalendar>(
  HOLIDAY_CALENDAR_KEYS.map((key) => [key, buildCalendar(HOLIDAY_DATA[key])]),
);

/** The calendar for a key; throws naming the known keys when there is none. */
export function getHolidayCalendar(key: string): HolidayCalendar {
  const calendar = CALENDARS.get(key);
  if (!calendar) {
    throw new Error(`Unknown holiday calendar '${key}'. Known calendars: ${HOLIDAY_CALENDAR_KEYS.join(', ')}.`);
  }
  return calendar;
}

/**
 * True when offices are open: an adjusted working weekend day counts as working;
 * otherwise weekends and holidays do not. Outside the years a calendar covers only
 * weekends are known, so a due date computed there says so in its basis.
 */
export function isWorkingDay(calendar: HolidayCalendar, date: CivilDate): boolean {
  if (calendar.isAdjustedWorkingDay(date)) return true;
  return !calendar.isWeekend(date) && !calendar.isHoliday(date);
}

/** Why a day is not a working day ('Saturday', a holiday's name), or undefined if it is one. */
export function nonWorkingReason(calendar: HolidayCalendar, date: CivilDate): string | undefined {
  if (isWorkingDay(calendar, date)) return undefined;
  return calendar.holidayName(date) ?? WEEKDAY_NAMES[dayOfWeek(date)];
}

/** Years in a range that the calendar has no data for. */
export function uncoveredYears(calendar: HolidayCalendar, from: CivilDate, to: CivilDate): number[] {
  const missing: number[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year++) if (!calendar.covers(year)) missing.push(year);
  return missing;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
