// Staff reminders and escalation read from the regime, at the controller's local hour.
import { endOfLocalDay, getRegime, reminderInstants, waitingWindowMs } from '../../policy';
import { demoEstablishment } from '../support/profiles';

const at = (iso: string) => new Date(iso);

describe('reminders', () => {
  test('when a GDPR reply is due Apr 10, then staff are reminded 7 and 2 days before at 09:00 Brussels', () => {
    const schedule = reminderInstants(at('2026-04-10T21:59:59.999Z'), getRegime('EU_GDPR'), demoEstablishment('EU_GDPR'));
    expect(schedule.reminders.map((r) => [r.daysBefore, r.at.toISOString()])).toEqual([
      [7, '2026-04-03T07:00:00.000Z'],
      [2, '2026-04-08T07:00:00.000Z'],
    ]);
    expect(schedule.escalateAt.toISOString()).toBe('2026-04-08T07:00:00.000Z');
  });
  test('when the reminders straddle the change to summer time, then each is at 09:00 local', () => {
    const dueAt = endOfLocalDay('2026-04-01', 'Europe/Brussels');
    const [week, twoDays] = reminderInstants(dueAt, getRegime('EU_GDPR'), demoEstablishment('EU_GDPR')).reminders;
    expect(week?.at.toISOString()).toBe('2026-03-25T08:00:00.000Z');
    expect(twoDays?.at.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
  test('when a PIPL reply is due Oct 8, then reminders fall on Oct 1 and Oct 6 at 09:00 Shanghai', () => {
    const schedule = reminderInstants(at('2026-10-08T15:59:59.999Z'), getRegime('CN_PIPL'), demoEstablishment('CN_PIPL'));
    expect(schedule.reminders.map((r) => r.at.toISOString())).toEqual(['2026-10-01T01:00:00.000Z', '2026-10-06T01:00:00.000Z']);
  });
  test('when a verification window is 30 days, then the timer is 30 days of milliseconds', () => {
    expect(waitingWindowMs(getRegime('CN_PIPL').verificationWindow)).toBe(2_592_000_000);
  });
});
