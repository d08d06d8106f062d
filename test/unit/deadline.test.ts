// Due dates per regime, extension notices and acknowledgements: every
// expected date below was worked out by hand from a calendar.
import {
  PolicyViolationError,
  acknowledgementDue,
  appealDecisionDue,
  computeDueDate,
  extensionNoticeDeadline,
  getRegime,
} from '../../policy';
import { demoEstablishment } from '../support/profiles';

const at = (iso: string) => new Date(iso);
const due = (key: string, receivedAt: string, extra: Omit<Parameters<typeof computeDueDate>[0], 'regime' | 'receivedAt' | 'establishment'> = {}) =>
  computeDueDate({ regime: getRegime(key), establishment: demoEstablishment(key), receivedAt: at(receivedAt), ...extra });

describe('China PIPL due dates', () => {
  test('when identity is verified on Mar 2 in Shanghai, then the reply is due 30 days later on Apr 1', () => {
    const result = due('CN_PIPL', '2026-03-02T01:00:00Z', { identityVerifiedAt: at('2026-03-02T02:00:00Z') });
    expect(result.dueDate).toBe('2026-04-01');
    expect(result.dueAt.toISOString()).toBe('2026-04-01T15:59:59.999Z');
    expect(result.provisional).toBe(false);
    expect(result.basis).toContain('GB/T 35273-2020 §8.7');
  });
  test('when verification is late evening UTC, then the Shanghai day (next day) starts the clock', () => {
    const result = due('CN_PIPL', '2026-03-10T17:00:00Z', { identityVerifiedAt: at('2026-03-10T17:30:00Z') });
    expect(result.clockStartedOn).toBe('2026-03-11');
    expect(result.dueDate).toBe('2026-04-10');
  });
  test('when 30 days end on National Day, then the deadline moves past Golden Week to Oct 8', () => {
    const result = due('CN_PIPL', '2026-09-01T02:00:00Z', { identityVerifiedAt: at('2026-09-01T02:00:00Z') });
    expect(result.dueDate).toBe('2026-10-08');
    expect(result.basis).toContain('National Day');
    expect(result.basis).toContain('Civil Code art 201');
  });
  test('when 30 days end on an adjusted working Saturday, then it is not moved', () => {
    expect(due('CN_PIPL', '2026-09-10T02:00:00Z', { identityVerifiedAt: at('2026-09-10T02:00:00Z') }).dueDate).toBe('2026-10-10');
  });
  test('when 30 days end on an ordinary Saturday, then it moves to Monday', () => {
    expect(due('CN_PIPL', '2026-03-12T02:00:00Z', { identityVerifiedAt: at('2026-03-12T02:00:00Z') }).dueDate).toBe('2026-04-13');
  });
  test('when identity is not yet verified, then the date is provisional, counted from receipt', () => {
    const result = due('CN_PIPL', '2026-03-02T02:00:00Z');
    expect(result.dueDate).toBe('2026-04-01');
    expect(result.provisional).toBe(true);
    expect(result.basis).toContain('provisional');
  });
  test('when an account closure is verified on Sep 28, then 15 working days end on Oct 23', () => {
    const result = due('CN_PIPL', '2026-09-28T02:00:00Z', { identityVerifiedAt: at('2026-09-28T02:00:00Z'), requestType: 'ACCOUNT_CLOSURE' });
    expect(result.dueDate).toBe('2026-10-23');
    expect(result.basis).toContain('15 working days');
  });
  test('when an access request is verified on Sep 28, then the 30 calendar days apply', () => {
    expect(due('CN_PIPL', '2026-09-28T02:00:00Z', { identityVerifiedAt: at('2026-09-28T02:00:00Z'), requestType: 'ACCESS' }).dueDate).toBe('2026-10-28');
  });
  test('when an extension is asked for, then it is refused: PIPL has none', () => {
    expect(() => due('CN_PIPL', '2026-03-02T02:00:00Z', { extensions: 1 })).toThrow(PolicyViolationError);
    expect(() => due('CN_PIPL', '2026-03-02T02:00:00Z', { extensions: 1 })).toThrow('CN_PIPL allows no extension');
  });
  test('when the due date reaches 2027, then the basis warns the holiday data is provisional', () => {
    expect(due('CN_PIPL', '2026-12-20T02:00:00Z', { identityVerifiedAt: at('2026-12-20T02:00:00Z') }).basis).toContain('CN 2027 holidays provisional');
  });
});

describe('EU GDPR due dates', () => {
  test('when received on Mar 10 in Brussels, then due Apr 10 at 23:59:59.999 CEST', () => {
    const result = due('EU_GDPR', '2026-03-10T10:00:00Z');
    expect(result.dueDate).toBe('2026-04-10');
    expect(result.dueAt.toISOString()).toBe('2026-04-10T21:59:59.999Z');
    expect(result.basis).toContain('GDPR art 12(3)');
  });
  test('when received just after midnight Brussels time, then the Brussels day counts', () => {
    expect(due('EU_GDPR', '2026-03-09T23:30:00Z').clockStartedOn).toBe('2026-03-10');
  });
  test('when received on Mar 31, then one month clamps to Apr 30', () => {
    expect(due('EU_GDPR', '2026-03-31T10:00:00Z').dueDate).toBe('2026-04-30');
  });
  test('when received on Jan 31, then Feb 28 is a Saturday and the period ends Monday Mar 2', () => {
    expect(due('EU_GDPR', '2026-01-31T10:00:00Z').dueDate).toBe('2026-03-02');
  });
  test('when received on Jan 31 2028, then the leap day Feb 29 is due, counted with 2028 holidays by rule', () => {
    const result = due('EU_GDPR', '2028-01-31T10:00:00Z');
    expect(result.dueDate).toBe('2028-02-29');
    // Issue 12: Belgium's holidays now come from rules for any year, so 2028 is no longer a gap.
    expect(result.missingHolidayData).toEqual([]);
    expect(result.basis).not.toContain('holiday data for 2028');
  });
  test('when one month ends on Christmas Day, then it moves past the weekend to Dec 28', () => {
    const result = due('EU_GDPR', '2026-11-25T10:00:00Z');
    expect(result.dueDate).toBe('2026-12-28');
    expect(result.basis).toContain('Christmas Day');
    expect(result.basis).toContain('1182/71');
  });
  test('when one month ends on Belgian National Day, then it moves to Jul 22', () => {
    expect(due('EU_GDPR', '2026-06-21T10:00:00Z').dueDate).toBe('2026-07-22');
  });
  test('when one month ends on a Saturday, then it moves to Monday', () => {
    expect(due('EU_GDPR', '2026-02-07T10:00:00Z').dueDate).toBe('2026-03-09');
  });
  test('when extended once, then two more months run from the start: Mar 10 to Jun 10, Jan 31 to Apr 30', () => {
    expect(due('EU_GDPR', '2026-03-10T10:00:00Z', { extensions: 1 }).dueDate).toBe('2026-06-10');
    expect(due('EU_GDPR', '2026-01-31T10:00:00Z', { extensions: 1 }).dueDate).toBe('2026-04-30');
  });
  test('when extended twice, then it is refused', () => {
    expect(() => due('EU_GDPR', '2026-03-10T10:00:00Z', { extensions: 2 })).toThrow('EU_GDPR allows at most 1 extension(s)');
  });
  test('when the subject kept us waiting, then the GDPR date does not move', () => {
    const result = due('EU_GDPR', '2026-03-10T10:00:00Z', {
      pauses: [{ from: at('2026-03-12T09:00:00Z'), to: at('2026-03-19T15:00:00Z') }],
      pausedDays: 3,
    });
    expect(result.dueDate).toBe('2026-04-10');
    expect(result.pausedDays).toBe(0);
    expect(result.basis).toContain('not deducted');
  });
});

describe('UK GDPR due dates', () => {
  const verifiedOnReceipt = { identityVerifiedAt: at('2026-03-10T10:00:00Z') };
  test('when received and verified on Mar 10 in London, then due Apr 10 at 23:59:59.999 BST', () => {
    const result = due('UK_GDPR', '2026-03-10T10:00:00Z', verifiedOnReceipt);
    expect(result.dueDate).toBe('2026-04-10');
    expect(result.dueAt.toISOString()).toBe('2026-04-10T22:59:59.999Z');
  });
  test('when identity is confirmed on Mar 15, then the month runs from then', () => {
    expect(due('UK_GDPR', '2026-03-10T10:00:00Z', { identityVerifiedAt: at('2026-03-15T10:00:00Z') }).dueDate).toBe('2026-04-15');
  });
  test('when clarification was awaited Mar 12-19, then those 8 days do not count and Sat Apr 18 rolls to Apr 20', () => {
    const result = due('UK_GDPR', '2026-03-10T10:00:00Z', {
      ...verifiedOnReceipt,
      pauses: [{ from: at('2026-03-12T09:00:00Z'), to: at('2026-03-19T15:00:00Z') }],
    });
    expect(result.pausedDays).toBe(8);
    expect(result.dueDate).toBe('2026-04-20');
    expect(result.basis).toContain('art 12A');
  });
  test('when two waits overlap, then shared days count once', () => {
    const result = due('UK_GDPR', '2026-03-10T10:00:00Z', {
      ...verifiedOnReceipt,
      pauses: [
        { from: at('2026-03-14T09:00:00Z'), to: at('2026-03-19T09:00:00Z') },
        { from: at('2026-03-12T09:00:00Z'), to: at('2026-03-15T09:00:00Z') },
      ],
    });
    expect(result.pausedDays).toBe(8);
  });
  test('when the caller counted 5 paused days, then the date moves 5 days', () => {
    expect(due('UK_GDPR', '2026-03-10T10:00:00Z', { ...verifiedOnReceipt, pausedDays: 5 }).dueDate).toBe('2026-04-15');
  });
  test('when one month ends on Good Friday, then Easter Monday is skipped too', () => {
    expect(due('UK_GDPR', '2026-03-03T10:00:00Z', { identityVerifiedAt: at('2026-03-03T10:00:00Z') }).dueDate).toBe('2026-04-07');
  });
  test('when one month ends on Christmas 2027, a Saturday, then both substitute days are skipped', () => {
    expect(due('UK_GDPR', '2027-11-25T10:00:00Z', { identityVerifiedAt: at('2027-11-25T10:00:00Z') }).dueDate).toBe('2027-12-29');
  });
  test('when extended once, then due three months from the start', () => {
    expect(due('UK_GDPR', '2026-03-10T10:00:00Z', { ...verifiedOnReceipt, extensions: 1 }).dueDate).toBe('2026-06-10');
  });
  test('when a pause ends before it starts, then it is rejected', () => {
    expect(() => due('UK_GDPR', '2026-03-10T10:00:00Z', { pauses: [{ from: at('2026-03-19T00:00:00Z'), to: at('2026-03-12T00:00:00Z') }] })).toThrow(
      'cannot end before it starts',
    );
  });
});

describe('California CCPA due dates', () => {
  test('when received on Mar 2 in Los Angeles, then due 45 days later on Apr 16, end of day PDT', () => {
    const result = due('US_CA_CCPA', '2026-03-02T18:00:00Z');
    expect(result.dueDate).toBe('2026-04-16');
    expect(result.dueAt.toISOString()).toBe('2026-04-17T06:59:59.999Z');
  });
  test('when received 07:30 UTC on Mar 3, then it is Mar 2 in California and still due Apr 16', () => {
    expect(due('US_CA_CCPA', '2026-03-03T07:30:00Z').dueDate).toBe('2026-04-16');
  });
  test('when 45 days end on a Saturday, then the date is not moved', () => {
    expect(due('US_CA_CCPA', '2026-03-04T18:00:00Z').dueDate).toBe('2026-04-18');
  });
  test('when extended once, then 90 days in all: May 31', () => {
    expect(due('US_CA_CCPA', '2026-03-02T18:00:00Z', { extensions: 1 }).dueDate).toBe('2026-05-31');
  });
  test('when extended twice, then it is refused', () => {
    expect(() => due('US_CA_CCPA', '2026-03-02T18:00:00Z', { extensions: 2 })).toThrow('US_CA_CCPA allows at most 1 extension(s)');
  });
  test('when verification took 10 days, then the date does not move', () => {
    expect(due('US_CA_CCPA', '2026-03-02T18:00:00Z', { pausedDays: 10 }).dueDate).toBe('2026-04-16');
  });
  test('when received on Mar 25, then receipt must be confirmed within 10 business days, skipping Cesar Chavez Day: Apr 9', () => {
    const ack = acknowledgementDue(getRegime('US_CA_CCPA'), demoEstablishment('US_CA_CCPA'), at('2026-03-25T17:00:00Z'));
    expect(ack?.dueDate).toBe('2026-04-09');
    expect(ack?.dueAt.toISOString()).toBe('2026-04-10T06:59:59.999Z');
    expect(ack?.basis).toContain('§7021(a)');
  });
  test('when received on Mar 2, then the acknowledgement is due on Mar 16', () => {
    expect(acknowledgementDue(getRegime('US_CA_CCPA'), demoEstablishment('US_CA_CCPA'), at('2026-03-02T18:00:00Z'))?.dueDate).toBe('2026-03-16');
  });
});

describe('other regimes', () => {
  test('when an LGPD request arrives Apr 10, then the 15 days end on Saturday Apr 25, unmoved', () => {
    const result = due('BR_LGPD', '2026-04-10T13:00:00Z');
    expect(result.dueDate).toBe('2026-04-25');
    expect(result.dueAt.toISOString()).toBe('2026-04-26T02:59:59.999Z');
  });
  test('when a VCDPA request arrives Jun 1, then due Jul 16, or Aug 30 once extended', () => {
    const result = due('US_VA_VCDPA', '2026-06-01T14:00:00Z');
    expect(result.dueDate).toBe('2026-07-16');
    expect(result.dueAt.toISOString()).toBe('2026-07-17T03:59:59.999Z');
    expect(due('US_VA_VCDPA', '2026-06-01T14:00:00Z', { extensions: 1 }).dueDate).toBe('2026-08-30');
  });
  test('when a Quebec request arrives Jun 1, then due Jul 1 even though it is Canada Day', () => {
    const result = due('CA_QC_LAW25', '2026-06-01T14:00:00Z');
    expect(result.dueDate).toBe('2026-07-01');
    expect(result.dueAt.toISOString()).toBe('2026-07-02T03:59:59.999Z');
  });
  test.each(['BR_LGPD', 'CA_QC_LAW25', 'CN_PIPL'])('when %s is asked for an extension, then it is refused', (key) => {
    expect(() => due(key, '2026-06-01T14:00:00Z', { extensions: 1 })).toThrow(`${key} allows no extension`);
  });
  test('when a Virginia appeal arrives Aug 3, then it must be decided by Oct 2', () => {
    expect(appealDecisionDue(getRegime('US_VA_VCDPA'), demoEstablishment('US_VA_VCDPA'), at('2026-08-03T14:00:00Z'))?.dueDate).toBe('2026-10-02');
    expect(appealDecisionDue(getRegime('EU_GDPR'), demoEstablishment('EU_GDPR'), at('2026-08-03T14:00:00Z'))).toBeNull();
  });
  test('when a regime has no acknowledgement duty, then none is computed', () => {
    expect(acknowledgementDue(getRegime('EU_GDPR'), demoEstablishment('EU_GDPR'), at('2026-03-10T10:00:00Z'))).toBeNull();
  });
  test('when the extension count is negative or fractional, then it is rejected', () => {
    expect(() => due('EU_GDPR', '2026-03-10T10:00:00Z', { extensions: -1 })).toThrow('whole number >= 0');
    expect(() => due('EU_GDPR', '2026-03-10T10:00:00Z', { extensions: 0.5 })).toThrow('whole number >= 0');
  });
});

describe('extension notices', () => {
  test('when the GDPR deadline may be extended, then notice is due by the end of the first month', () => {
    const notice = extensionNoticeDeadline({ regime: getRegime('EU_GDPR'), establishment: demoEstablishment('EU_GDPR'), receivedAt: at('2026-03-10T10:00:00Z') });
    expect(notice?.dueDate).toBe('2026-04-10');
    expect(notice?.basis).toContain('Extension notice');
  });
  test('when the CCPA deadline may be extended, then notice is due within the first 45 days', () => {
    expect(extensionNoticeDeadline({ regime: getRegime('US_CA_CCPA'), establishment: demoEstablishment('US_CA_CCPA'), receivedAt: at('2026-03-02T18:00:00Z') })?.dueDate).toBe('2026-04-16');
  });
  test('when the UK clock was paused, then the notice period is paused too', () => {
    const notice = extensionNoticeDeadline({
      regime: getRegime('UK_GDPR'),
      establishment: demoEstablishment('UK_GDPR'),
      receivedAt: at('2026-03-10T10:00:00Z'),
      identityVerifiedAt: at('2026-03-10T10:00:00Z'),
      pausedDays: 8,
    });
    expect(notice?.dueDate).toBe('2026-04-20');
  });
  test('when the regime has no extension, then asking for the notice date throws', () => {
    expect(() => extensionNoticeDeadline({ regime: getRegime('BR_LGPD'), establishment: demoEstablishment('BR_LGPD'), receivedAt: at('2026-04-10T13:00:00Z') })).toThrow('BR_LGPD allows no extension');
  });
});
