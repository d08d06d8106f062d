// Calendar, time-zone and working-day arithmetic under the deadlines: every expected
// date was worked out by hand from a calendar.
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  dayOfWeek,
  endOfLocalDay,
  getHolidayCalendar,
  localDateOf,
  nextWorkingDay,
  onOrNextWorkingDay,
  parseCivilDate,
} from '../../policy';

const at = (iso: string) => new Date(iso);

describe('calendar dates', () => {
  test('when adding one month to Jan 31, then the date clamps to Feb 28', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
  test('when adding one month to Jan 31 of leap year 2028, then it is Feb 29', () => {
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
  test('when adding one month to Mar 31, then it is Apr 30', () => {
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
  });
  test('when adding months across a year end or several at once, then the same date is kept where it exists', () => {
    expect(addCalendarMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addCalendarMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-05-15', 0)).toBe('2026-05-15');
  });
  test('when adding days across month, leap-day and year ends, then the calendar is followed', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  test('when asked the weekday, then 2026-01-01 is a Thursday and 2026-10-10 a Saturday', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4);
    expect(dayOfWeek('2026-10-10')).toBe(6);
  });
  test('when a date does not exist or a count is fractional, then it is rejected', () => {
    expect(() => parseCivilDate('2026-02-30')).toThrow("'2026-02-30' is not a date in the calendar.");
    expect(() => parseCivilDate('30/01/2026')).toThrow("Expected a date as 'YYYY-MM-DD'");
    expect(() => addCalendarMonths('2026-01-31', 1.5)).toThrow('whole number');
  });
});

describe('time zones', () => {
  test('when a request arrives late in the evening UTC, then in Shanghai it is already the next day', () => {
    expect(localDateOf(at('2026-03-10T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-11');
    expect(localDateOf(at('2026-03-10T17:30:00Z'), 'Europe/London')).toBe('2026-03-10');
  });
  test('when a request arrives early morning UTC, then in Los Angeles it is still the previous day', () => {
    expect(localDateOf(at('2026-03-03T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-02');
  });
  test('when a day ends, then its last instant is 23:59:59.999 local, daylight saving included', () => {
    expect(endOfLocalDay('2026-04-10', 'Asia/Shanghai').toISOString()).toBe('2026-04-10T15:59:59.999Z');
    expect(endOfLocalDay('2026-03-08', 'America/Los_Angeles').toISOString()).toBe('2026-03-09T06:59:59.999Z');
    expect(endOfLocalDay('2026-03-29', 'Europe/Brussels').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfLocalDay('2026-10-25', 'Europe/London').toISOString()).toBe('2026-10-25T23:59:59.999Z');
  });
  test('when the zone or the instant is invalid, then a clear error is thrown', () => {
    expect(() => localDateOf(at('2026-03-10T00:00:00Z'), 'Mars/Olympus')).toThrow("Unknown IANA time zone 'Mars/Olympus'.");
    expect(() => localDateOf(new Date('not a date'), 'Asia/Shanghai')).toThrow('not a valid date-time');
  });
});

describe('working days', () => {
  const cn = getHolidayCalendar('CN');
  const uk = getHolidayCalendar('UK');
  test('when counting 15 working days across Golden Week, then the adjusted working Saturday Oct 10 counts', () => {
    // Sep 29, 30, Oct 8, 9, 10 (Sat, working), 12-16, 19-23.
    expect(addWorkingDays('2026-09-28', 15, cn)).toBe('2026-10-23');
  });
  test('when the next day is an adjusted working Sunday, then it is the next working day', () => {
    expect(nextWorkingDay('2026-09-18', cn)).toBe('2026-09-20');
  });
  test('when the next days are the National Day break, then the next working day is Oct 8', () => {
    expect(nextWorkingDay('2026-09-30', cn)).toBe('2026-10-08');
    expect(onOrNextWorkingDay('2026-10-10', cn)).toBe('2026-10-10');
  });
  test('when Christmas, a weekend and a substitute Boxing Day follow, then all are skipped', () => {
    expect(nextWorkingDay('2026-12-24', uk)).toBe('2026-12-29');
  });
  test('when adding zero working days, then the date is unchanged; a negative count is rejected', () => {
    expect(addWorkingDays('2026-10-03', 0, cn)).toBe('2026-10-03');
    expect(() => addWorkingDays('2026-10-03', -1, cn)).toThrow('whole number >= 0');
  });
});
