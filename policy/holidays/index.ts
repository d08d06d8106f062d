// Holiday calendars by key, and the one rule for what a working day is.
import { type CivilDate, dayOfWeek, yearOf } from '../calendar-date';
import { BR_HOLIDAYS } from './br';
import { CA_QC_HOLIDAYS } from './ca-qc';
import { CN_HOLIDAYS } from './cn';
import { EU_HOLIDAYS } from './eu';
import { type HolidayRegion, hasHolidayRules, regionKey, ruleBasedHolidays } from './rules';
import { type HolidayCalendarData, type HolidayCalendarKey, type HolidayYear, HOLIDAY_CALENDAR_KEYS } from './types';
import { UK_HOLIDAYS } from './uk';
import { US_CA_HOLIDAYS } from './us-ca';
import { US_VA_HOLIDAYS } from './us-va';

export * from './types';
export { type HolidayRegion, hasHolidayRules, regionKey } from './rules';

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
  /** The data's key ('EU') or the region's ('BE', 'GB-ENG', 'CN'), as warnings name it. */
  readonly key: string;
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
  return yearlyCalendar(data.key, data.name, data.weekendDays, (year) => data.years[year]);
}

/** A calendar over a source of years; a year the source has no data for has weekends only. */
function yearlyCalendar(key: string, name: string, weekendDays: readonly number[], yearData: (year: number) => HolidayYear | undefined): HolidayCalendar {
  const byYear = new Map<number, { holidays: Map<CivilDate, string>; adjusted: Map<CivilDate, string> } | null>();
  const indexOf = (year: number) => {
    if (!byYear.has(year)) {
      const data = yearData(year);
      byYear.set(
        year,
        data ? { holidays: new Map(data.holidays.map((h) => [h.date, h.name])), adjusted: new Map((data.adjustedWorkingDays ?? []).map((a) => [a.date, a.name])) } : null,
      );
    }
    return byYear.get(year) ?? null;
  };
  return {
    key,
    name,
    isWeekend: (date) => weekendDays.includes(dayOfWeek(date)),
    isHoliday: (date) => indexOf(yearOf(date))?.holidays.has(date) ?? false,
    holidayName: (date) => indexOf(yearOf(date))?.holidays.get(date),
    isAdjustedWorkingDay: (date) => indexOf(yearOf(date))?.adjusted.has(date) ?? false,
    covers: (year) => yearData(year) !== undefined,
    provisionalNote: (year) => yearData(year)?.provisional,
  };
}

// Checked lists kept in this repository, by the region they describe; they take precedence
// over the rules for the years they hold (e.g. California counts only the days its offices close).
const CURATED_BY_REGION: Readonly<Record<string, HolidayCalendarData>> = {
  CN: CN_HOLIDAYS,
  BE: EU_HOLIDAYS,
  'GB-ENG': UK_HOLIDAYS,
  'US-CA': US_CA_HOLIDAYS,
  'US-VA': US_VA_HOLIDAYS,
  BR: BR_HOLIDAYS,
  'CA-QC': CA_QC_HOLIDAYS,
};

/** Regions whose working days no rule computes: only published arrangements (China's 调休) count. */
export const ARRANGEMENT_REGIONS: readonly string[] = ['CN'];

/** True when a profile may name the region: it has rules, or is kept as imported arrangements. */
export function isKnownHolidayRegion(region: HolidayRegion): boolean {
  return ARRANGEMENT_REGIONS.includes(regionKey(region)) || hasHolidayRules(region);
}

/**
 * The holiday calendar of an establishment's region, for any year: the checked list where
 * this repository holds one for the year, the rules of date-holidays otherwise. China has no
 * rule: its years are the bundled arrangements plus `importedYears` (which win), and a year
 * with neither is weekends only (the deadline says so). Pure: the caller passes the imports in.
 */
export function holidayCalendarFor(region: HolidayRegion, importedYears: Readonly<Record<number, HolidayYear>> = {}): HolidayCalendar {
  const key = regionKey(region);
  const curated = CURATED_BY_REGION[key];
  if (ARRANGEMENT_REGIONS.includes(key)) {
    const years = { ...(curated?.years ?? {}), ...importedYears };
    return yearlyCalendar(key, curated?.name ?? key, curated?.weekendDays ?? [0, 6], (year) => years[year]);
  }
  const ruled = new Map<number, HolidayYear>();
  const yearData = (year: number): HolidayYear => {
    const checked = curated?.years[year];
    if (checked) return checked;
    if (!ruled.has(year)) ruled.set(year, { holidays: ruleBasedHolidays(region, year) });
    return ruled.get(year)!;
  };
  return yearlyCalendar(key, curated ? `${curated.name}; other years by rule (date-holidays)` : `${key} public holidays (date-holidays)`, curated?.weekendDays ?? [0, 6], yearData);
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
