// Holiday calendars: known days, China's adjusted working weekends, and checks that
// the data itself is consistent (real dates, right weekdays, Easter-based days right).
import {
  HOLIDAY_CALENDAR_KEYS,
  HOLIDAY_DATA,
  addCalendarDays,
  civilDate,
  dayOfWeek,
  getHolidayCalendar,
  isWorkingDay,
  nonWorkingReason,
  parseCivilDate,
} from '../../policy';

const calendar = getHolidayCalendar;

/** Easter Sunday by the anonymous Gregorian algorithm, to check the Easter-based data. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return civilDate(year, month, day);
}

describe('China', () => {
  const cn = calendar('CN');
  test('when it is National Day 2026, then it is a holiday and not a working day', () => {
    expect(cn.isHoliday('2026-10-01')).toBe(true);
    expect(isWorkingDay(cn, '2026-10-07')).toBe(false);
    expect(nonWorkingReason(cn, '2026-10-01')).toBe('National Day 国庆节');
  });
  test('when it is an adjusted working weekend day, then it is a working day', () => {
    for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(cn.isAdjustedWorkingDay(date)).toBe(true);
      expect(isWorkingDay(cn, date)).toBe(true);
    }
  });
  test('when it is an ordinary Sunday or a Spring Festival weekday, then it is not a working day', () => {
    expect(isWorkingDay(cn, '2026-10-11')).toBe(false);
    expect(isWorkingDay(cn, '2026-02-17')).toBe(false);
    expect(isWorkingDay(cn, '2026-10-09')).toBe(true);
  });
  test('when the 2026 arrangement is counted, then it has 33 days off and 6 working weekend days', () => {
    expect(HOLIDAY_DATA.CN.years[2026]?.holidays).toHaveLength(33);
    expect(HOLIDAY_DATA.CN.years[2026]?.adjustedWorkingDays).toHaveLength(6);
  });
  test('when 2027 is looked up, then it is marked provisional and 2026 is not', () => {
    expect(cn.provisionalNote(2027)).toContain('until the State Council publishes');
    expect(cn.provisionalNote(2026)).toBeUndefined();
  });
  test('when the 2027 forecast is read, then it holds the statutory days and their weekday substitutes', () => {
    expect(cn.isHoliday('2027-02-06')).toBe(true); // Spring Festival, a Saturday
    expect(cn.isHoliday('2027-02-09')).toBe(true); // substitute for it
    expect(cn.isHoliday('2027-10-05')).toBe(true);
    expect(cn.isHoliday('2027-10-06')).toBe(false);
  });
});

describe('other jurisdictions', () => {
  test('when it is Christmas or Belgian National Day, then Brussels is closed; Iris Day is a working day', () => {
    const eu = calendar('EU');
    expect(eu.isHoliday('2026-12-25')).toBe(true);
    expect(eu.isHoliday('2026-07-21')).toBe(true);
    expect(isWorkingDay(eu, '2026-05-08')).toBe(true);
    expect(nonWorkingReason(eu, '2026-03-07')).toBe('Saturday');
    expect(nonWorkingReason(eu, '2026-03-09')).toBeUndefined();
  });
  test('when a UK bank holiday falls on a weekend, then the substitute weekday is a holiday', () => {
    const uk = calendar('UK');
    expect(uk.isHoliday('2026-12-28')).toBe(true);
    expect(uk.isHoliday('2027-12-27')).toBe(true);
    expect(uk.isHoliday('2027-12-28')).toBe(true);
  });
  test('when it is Cesar Chavez Day, then California is closed; July 3 2026 is a working day there', () => {
    const ca = calendar('US-CA');
    expect(isWorkingDay(ca, '2026-03-31')).toBe(false);
    expect(isWorkingDay(ca, '2026-07-03')).toBe(true);
  });
  test('when July 4 2026 is a Saturday, then Virginia keeps Friday July 3; and New Year 2028 on Dec 31 2027', () => {
    const va = calendar('US-VA');
    expect(isWorkingDay(va, '2026-07-03')).toBe(false);
    expect(isWorkingDay(va, '2027-12-31')).toBe(false);
  });
  test('when it is Consciência Negra, then Brazil is closed; Good Friday is municipal and left out', () => {
    const br = calendar('BR');
    expect(br.isHoliday('2026-11-20')).toBe(true);
    expect(isWorkingDay(br, '2026-04-03')).toBe(true);
  });
  test('when it is the Fête nationale or Patriots’ Day, then Québec is closed', () => {
    const qc = calendar('CA-QC');
    expect(qc.isHoliday('2026-06-24')).toBe(true);
    expect(qc.isHoliday('2026-05-18')).toBe(true);
    expect(qc.isHoliday('2027-05-24')).toBe(true);
  });
  test('when an unknown calendar is asked for, then the error names the known ones', () => {
    expect(() => calendar('XX')).toThrow("Unknown holiday calendar 'XX'. Known calendars: CN, EU, UK, US-CA, BR, US-VA, CA-QC.");
  });
});

describe('data consistency', () => {
  const entries = HOLIDAY_CALENDAR_KEYS.flatMap((key) =>
    Object.entries(HOLIDAY_DATA[key].years).map(([year, data]) => ({ key, year: Number(year), data })),
  );

  test.each(entries)('when $key $year is read, then every date is real, in its year, and listed once', ({ year, data }) => {
    const dates = [...data.holidays, ...(data.adjustedWorkingDays ?? [])].map((h) => h.date);
    for (const date of dates) expect(parseCivilDate(date).year).toBe(year);
    expect(new Set(dates).size).toBe(dates.length);
    for (const h of data.holidays) expect(h.name.length).toBeGreaterThan(0);
  });

  test.each(HOLIDAY_CALENDAR_KEYS)('when calendar %s is read, then it covers 2026 and 2027 and not 2028', (key) => {
    expect(calendar(key).covers(2026)).toBe(true);
    expect(calendar(key).covers(2027)).toBe(true);
    expect(calendar(key).covers(2028)).toBe(false);
  });

  test('when an adjusted working day is listed, then it is a Saturday or Sunday', () => {
    for (const year of Object.values(HOLIDAY_DATA.CN.years)) {
      for (const day of year.adjustedWorkingDays ?? []) expect([0, 6]).toContain(dayOfWeek(day.date));
    }
  });

  test('when a day is listed as observed or substitute, then it is a weekday', () => {
    for (const key of HOLIDAY_CALENDAR_KEYS) {
      for (const year of Object.values(HOLIDAY_DATA[key].years)) {
        for (const h of year.holidays.filter((x) => /observed|substitute/.test(x.name))) {
          expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(h.date));
        }
      }
    }
  });

  test.each([2026, 2027])('when Easter %i is computed, then the Easter-based holidays match it', (year) => {
    const easter = easterSunday(year);
    const eu = calendar('EU');
    const uk = calendar('UK');
    const qc = calendar('CA-QC');
    expect(eu.holidayName(addCalendarDays(easter, 1))).toBe('Easter Monday');
    expect(eu.holidayName(addCalendarDays(easter, 39))).toBe('Ascension Day');
    expect(eu.holidayName(addCalendarDays(easter, 50))).toBe('Whit Monday');
    expect(uk.holidayName(addCalendarDays(easter, -2))).toBe('Good Friday');
    expect(uk.holidayName(addCalendarDays(easter, 1))).toBe('Easter Monday');
    expect(qc.isHoliday(addCalendarDays(easter, -2))).toBe(true);
    expect(qc.isHoliday(addCalendarDays(easter, 1))).toBe(true);
  });

  test('when the Easter algorithm is checked against known dates, then it agrees', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });
});
