// The switch that runs the suite as if on another day (DSR_TEST_NOW) reads dates and instants
// and refuses anything else, so a typo cannot silently run the suite on today's date.
import { clockFrom, parseTestNow } from '../support/test-clock';

test('a date is read as noon UTC, the same local day from California to Shanghai', () => {
  expect(parseTestNow('2027-01-31')?.toISOString()).toBe('2027-01-31T12:00:00.000Z');
  expect(parseTestNow('2026-12-24T23:30:00+08:00')?.toISOString()).toBe('2026-12-24T15:30:00.000Z');
});

test('unset or empty means the real clock; anything unreadable stops the run', () => {
  expect(parseTestNow(undefined)).toBeUndefined();
  expect(parseTestNow(' ')).toBeUndefined();
  expect(() => parseTestNow('31/01/2027')).toThrow(/DSR_TEST_NOW must be a date/);
});

test('a clock started at a date runs on from it as real time passes', async () => {
  const clock = clockFrom(new Date('2027-10-03T12:00:00Z'));
  const first = clock().getTime();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const later = clock().getTime();
  expect(first - Date.parse('2027-10-03T12:00:00Z')).toBeLessThan(1_000);
  expect(later).toBeGreaterThan(first);
});
