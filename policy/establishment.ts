// Where the controller acts under a regime: the establishment's time zone (whose day is the
// day of receipt) and its holiday calendar. Chosen by the controller, so it comes from the
// controller's profile and is passed into every deadline function: policy code reads no
// global state, and the same input always gives the same date.
import { type HolidayCalendar, type HolidayRegion, type HolidayYear, holidayCalendarFor } from './holidays';

/** An establishment as the profile names it. */
export interface EstablishmentSpec {
  /** IANA time zone, e.g. 'Europe/Brussels'. */
  timeZone: string;
  holidays: HolidayRegion;
}

/** An establishment ready for the arithmetic: its zone and its resolved calendar. */
export interface Establishment {
  timeZone: string;
  calendar: HolidayCalendar;
}

/** Resolves a profile's establishment; `importedYears` are China-style arrangements imported by the deployer. */
export function establishmentOf(spec: EstablishmentSpec, importedYears?: Readonly<Record<number, HolidayYear>>): Establishment {
  return { timeZone: spec.timeZone, calendar: holidayCalendarFor(spec.holidays, importedYears) };
}
