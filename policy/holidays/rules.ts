// Public holidays computed by rule for any year, from date-holidays (rule-based calendars
// per country and subdivision, e.g. Easter-based days, "first Monday in May", substitutes).
// Deterministic: the answer depends only on the package's rules, never on the clock.
import Holidays from 'date-holidays';
import { type CivilDate, addCalendarDays, yearOf } from '../calendar-date';
import type { Holiday } from './types';

/** Where a holiday calendar applies: an ISO 3166-1 country and, optionally, its subdivision code. */
export interface HolidayRegion {
  country: string;
  subdivision?: string;
}

/** 'BE', 'GB-ENG', 'US-CA': the key a region's calendar is known by in data and warnings. */
export function regionKey(region: HolidayRegion): string {
  return region.subdivision ? `${region.country}-${region.subdivision}` : region.country;
}

const engines = new Map<string, Holidays>();

function engineFor(region: HolidayRegion): Holidays {
  const key = regionKey(region);
  let engine = engines.get(key);
  if (!engine) {
    if (!hasHolidayRules(region)) throw new RangeError(`No rule-based holiday calendar for '${key}'.`);
    // Only public holidays close offices; bank, school and observance days do not.
    engine = region.subdivision ? new Holidays(region.country, region.subdivision, { types: ['public'] }) : new Holidays(region.country, { types: ['public'] });
    engines.set(key, engine);
  }
  return engine;
}

/** True when date-holidays has rules for the country (and subdivision, when named). */
export function hasHolidayRules(region: HolidayRegion): boolean {
  const probe = new Holidays();
  const countries = probe.getCountries() ?? {};
  if (!(region.country in countries)) return false;
  if (!region.subdivision) return true;
  return region.subdivision in (probe.getStates(region.country) ?? {});
}

/** The region's public holidays in a year, one entry per day off. */
export function ruleBasedHolidays(region: HolidayRegion, year: number): Holiday[] {
  const days = new Map<CivilDate, string>();
  for (const h of engineFor(region).getHolidays(year) ?? []) {
    if (h.type !== 'public') continue;
    // `date` is the local start ('YYYY-MM-DD hh:mm:ss'); a few holidays last several days.
    const first = h.date.slice(0, 10);
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    for (let i = 0; i < length; i++) {
      const date = addCalendarDays(first, i);
      if (yearOf(date) === year && !days.has(date)) days.set(date, h.name);
    }
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name }));
}
