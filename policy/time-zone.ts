// The one place that turns instants into the controller's local calendar and back.
// It uses Intl.DateTimeFormat with an explicit IANA zone: the answer depends only on
// the ICU time-zone data bundled with Node, never on the machine's own zone, so it is
// deterministic enough for Temporal workflow code (replays run on the same workers).
import { type CivilDate, addCalendarDays, civilDate, toDayNumber } from './calendar-date';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building a formatter is slow; one per zone is kept for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown IANA time zone '${timeZone}'.`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    // Some ICU versions print midnight as 24 even with h23.
    hour: (parts.hour ?? NaN) % 24,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

/** Offset of the zone from UTC at an instant, in ms (e.g. +8 h for Asia/Shanghai). */
function offsetAt(instantMs: number, timeZone: string): number {
  const wall = wallClockAt(instantMs, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

function requireValidInstant(instant: Date, what: string): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`The ${what} is not a valid date-time.`);
  return ms;
}

/** The controller's calendar day on which an instant falls (e.g. the day of receipt). */
export function localDateOf(instant: Date, timeZone: string): CivilDate {
  const wall = wallClockAt(requireValidInstant(instant, 'instant'), timeZone);
  return civilDate(wall.year, wall.month, wall.day);
}

/** The instant at which the local clock in a zone shows a given time of a given day. */
export function localTimeToInstant(date: CivilDate, msIntoDay: number, timeZone: string): Date {
  const wallAsUtc = toDayNumber(date) * DAY_MS + msIntoDay;
  // Two passes settle the offset on either side of a daylight-saving change.
  const firstGuess = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  return new Date(wallAsUtc - offsetAt(firstGuess, timeZone));
}

/** The instant a local hour (0-23) begins on a given day in a zone. */
export function localHourToInstant(date: CivilDate, hour: number, timeZone: string): Date {
  return localTimeToInstant(date, hour * HOUR_MS, timeZone);
}

/** The last millisecond of a local day (23:59:59.999 there), as an instant. */
export function endOfLocalDay(date: CivilDate, timeZone: string): Date {
  const nextMidnight = localTimeToInstant(addCalendarDays(date, 1), 0, timeZone);
  return new Date(nextMidnight.getTime() - 1);
}
