// Holidays for any year: rule-based calendars wherever a profile's establishment is, China's
// arrangement imported as data, and a due date in a year without data counted on weekends
// alone and flagged.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importedYears, parseArrangement, stillMissing, storeArrangement } from '../../config/holiday-imports';
import { computeDueDate, establishmentOf, getRegime, holidayCalendarFor, isWorkingDay } from '../../policy';
import { demoEstablishment } from '../support/profiles';

describe('rule-based calendars', () => {
  test.each([
    [{ country: 'BE' }, '2031-07-21'],
    [{ country: 'IE' }, '2031-03-17'],
    [{ country: 'GB', subdivision: 'ENG' }, '2030-12-25'],
    [{ country: 'US', subdivision: 'CA' }, '2030-11-29'],
    [{ country: 'US', subdivision: 'VA' }, '2030-11-28'],
    [{ country: 'BR' }, '2030-11-15'],
    [{ country: 'CA', subdivision: 'QC' }, '2030-06-24'],
    [{ country: 'DE', subdivision: 'BY' }, '2030-01-06'],
  ])('when %o is asked about %s, then it is a holiday, and the year is covered', (region, date) => {
    const calendar = holidayCalendarFor(region);
    expect(calendar.covers(Number(date.slice(0, 4)))).toBe(true);
    expect(calendar.isHoliday(date)).toBe(true);
    expect(isWorkingDay(calendar, date)).toBe(false);
  });
  test('when a year has a checked list, then it wins over the rules (California counts only office closures)', () => {
    const ca = holidayCalendarFor({ country: 'US', subdivision: 'CA' });
    expect(isWorkingDay(ca, '2026-07-03')).toBe(true); // checked list for 2026
    expect(ca.isHoliday('2026-03-31')).toBe(true);
  });
  test('when a GDPR deadline in Brussels runs into 2030, then Belgian holidays are skipped without a warning', () => {
    // 1 month from 1 Oct 2030 is 1 Nov 2030, All Saints' Day (a Friday): the period ends Monday 4 Nov.
    const due = computeDueDate({ regime: getRegime('EU_GDPR'), establishment: demoEstablishment('EU_GDPR'), receivedAt: new Date('2030-10-01T10:00:00Z') });
    expect(due.dueDate).toBe('2030-11-04');
    expect(due.missingHolidayData).toEqual([]);
  });
});

describe('China: arrangements as data', () => {
  const received = new Date('2027-12-20T02:00:00Z');
  const pipl = getRegime('CN_PIPL');
  const arrangement2028 = {
    source: 'test arrangement',
    holidays: ['2028-01-01', '2028-01-19', '2028-01-20'],
    workingDays: [{ date: '2028-01-23', name: 'Working Sunday' }],
  };

  test('when the due date needs 2028 and no arrangement is imported, then only weekends count and the gap is reported', () => {
    // 30 days from 20 Dec 2027 is 19 Jan 2028, a Wednesday: only weekends are known.
    const due = computeDueDate({ regime: pipl, establishment: demoEstablishment('CN_PIPL'), receivedAt: received, identityVerifiedAt: received });
    expect(due.dueDate).toBe('2028-01-19');
    expect(due.missingHolidayData).toEqual(['CN 2028']);
    expect(due.basis).toContain('no CN holiday data for 2028, so only weekends were skipped');
  });

  test('when the 2028 arrangement is imported, then its holidays count and the warning goes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsr-holidays-'));
    const input = path.join(dir, 'cn-2028.json');
    writeFileSync(input, JSON.stringify(arrangement2028));
    const file = storeArrangement(dir, parseArrangement(readFileSync(input, 'utf8'), input));
    expect(file).toBe(path.join(dir, 'cn', '2028.json'));
    expect(stillMissing('missing: CN 2028', dir)).toEqual([]);
    const due = computeDueDate({ regime: pipl, establishment: demoEstablishment('CN_PIPL', dir), receivedAt: received, identityVerifiedAt: received });
    expect(due.dueDate).toBe('2028-01-21');
    expect(due.missingHolidayData).toEqual([]);
    // The adjusted working Sunday counts as a working day.
    expect(isWorkingDay(establishmentOf({ timeZone: 'Asia/Shanghai', holidays: { country: 'CN' } }, importedYears(dir)).calendar, '2028-01-23')).toBe(true);
  });

  test('when the bundled years are read, then 2026 and 2027 stay as they were and 2028 is still missing without an import', () => {
    expect(stillMissing('missing: CN 2028', path.join(tmpdir(), 'no-such-holiday-dir'))).toEqual(['CN 2028']);
    const cn = holidayCalendarFor({ country: 'CN' });
    expect(cn.covers(2026) && cn.covers(2027)).toBe(true);
    expect(cn.isAdjustedWorkingDay('2026-02-28')).toBe(true);
  });

  test('when a CSV arrangement is read, then holidays and working days are told apart; a bad one is refused', () => {
    const parsed = parseArrangement('date,kind,name\n2029-01-01,holiday,元旦\n2029-02-10,workday\n', 'cn-2029.csv');
    expect(parsed).toMatchObject({ year: 2029, holidays: [{ date: '2029-01-01', name: '元旦' }], adjustedWorkingDays: [{ date: '2029-02-10' }] });
    expect(() => parseArrangement('2029-01-02,workday\n2029-01-01,holiday\n', 'x.csv')).toThrow('must be a Saturday or Sunday');
    expect(() => parseArrangement('2029-01-01,holiday\n2030-01-01,holiday\n', 'x.csv')).toThrow('one year');
    expect(() => parseArrangement('2029-02-30,holiday\n', 'x.csv')).toThrow(RangeError);
  });
});

test('when 2025 is read, then the State Council arrangement is bundled with its working weekends', () => {
  const cn = holidayCalendarFor({ country: 'CN' });
  expect(cn.covers(2025)).toBe(true);
  expect(cn.isHoliday('2025-10-08')).toBe(true);
  expect(isWorkingDay(cn, '2025-09-28')).toBe(true);
  expect(isWorkingDay(cn, '2025-02-04')).toBe(false);
});
