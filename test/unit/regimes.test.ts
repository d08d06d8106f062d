// Regime policies: every regime present, cited, internally consistent, and reachable
// from a subject's residence.
import { REQUEST_TYPES } from '../../domain/request-kinds';
import {
  REGIMES,
  REGIME_KEYS,
  type RegimePolicy,
  computeDueDate,
  daysBetween,
  getRegime,
  localDateOf,
  regimeForResidence as regimeUnder,
} from '../../policy';
import { demoEstablishment, demoProfile } from '../support/profiles';

// The residence → regime mapping and the establishments are the controller's: the demo profile's.
const DEFAULT_REGIME = demoProfile.profile.defaultRegime;
const regimeForResidence = (code: string | null | undefined) => regimeUnder(code, demoProfile.profile.residences, DEFAULT_REGIME);
const zoneOf = (regime: RegimePolicy) => demoEstablishment(regime.key).timeZone;

const all: RegimePolicy[] = REGIME_KEYS.map((key) => REGIMES[key]);
const codes = (key: string) => getRegime(key).refusalGrounds.map((g) => g.code);

/** Every (path, value) pair whose key ends in "citation", anywhere in a policy. */
function citations(value: unknown, path = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(/citation$/i.test(k) ? ([[`${path}.${k}`, v]] as Array<[string, unknown]>) : []),
    ...citations(v, `${path}.${k}`),
  ]);
}

describe('the regime table', () => {
  test('when the table is read, then it holds the seven regimes, each under its own key', () => {
    expect(Object.keys(REGIMES).sort()).toEqual([...REGIME_KEYS].sort());
    for (const key of REGIME_KEYS) expect(REGIMES[key].key).toBe(key);
  });
  test('when a known key is asked for, then its policy is returned', () => {
    expect(getRegime('EU_GDPR').name).toBe('EU GDPR');
  });
  test('when an unknown key is asked for, then the error names the known ones', () => {
    expect(() => getRegime('XX')).toThrow(
      "Unknown regime 'XX'. Known regimes: CN_PIPL, EU_GDPR, UK_GDPR, US_CA_CCPA, BR_LGPD, US_VA_VCDPA, CA_QC_LAW25.",
    );
  });
  test('when no regime applies, then the default is the seed’s own, China PIPL', () => {
    expect(DEFAULT_REGIME).toBe('CN_PIPL');
  });
});

describe('citations', () => {
  test.each(all.map((r) => [r.key, r] as const))('when %s is walked, then every citation field is filled', (_key, regime) => {
    const found = citations(regime);
    expect(found.length).toBeGreaterThan(5);
    for (const [path, value] of found) {
      expect([path, typeof value]).toEqual([path, 'string']);
      expect([path, (value as string).trim().length > 3]).toEqual([path, true]);
    }
  });

  test.each(all.map((r) => [r.key, r] as const))('when the refusal grounds of %s are walked, then each is cited, described and scoped', (_key, regime) => {
    expect(regime.refusalGrounds.length).toBeGreaterThan(0);
    for (const list of [regime.refusalGrounds, regime.handlingNotes]) {
      for (const ground of list) {
        expect([ground.code, ground.citation.trim().length > 3]).toEqual([ground.code, true]);
        expect([ground.code, ground.description.trim().length > 10]).toEqual([ground.code, true]);
        expect(ground.appliesTo.length).toBeGreaterThan(0);
        for (const type of ground.appliesTo) expect(REQUEST_TYPES).toContain(type);
      }
      const listed = list.map((g) => g.code);
      expect(new Set(listed).size).toBe(listed.length);
    }
  });

  test('when the complaint texts are read, then each cites its articles; China’s is also in Chinese, Québec’s in French', () => {
    expect(getRegime('EU_GDPR').complaintRights.citation).toContain('77');
    expect(getRegime('EU_GDPR').complaintRights.citation).toContain('79');
    expect(getRegime('CN_PIPL').complaintRights.citation).toContain('50');
    expect(getRegime('CN_PIPL').complaintRights.text.zh).toContain('人民法院');
    expect(getRegime('CA_QC_LAW25').complaintRights.text.fr).toContain("Commission d'accès à l'information");
    for (const regime of all) expect(regime.complaintRights.text.en.length).toBeGreaterThan(50);
  });
});

describe('the law as encoded', () => {
  test('when each regime’s clock is read, then amounts, units and start events match the statutes', () => {
    const summary = Object.fromEntries(all.map((r) => [r.key, [r.deadline.amount, r.deadline.unit, r.deadline.clockStarts]]));
    expect(summary).toEqual({
      CN_PIPL: [30, 'calendarDays', 'identityVerified'],
      EU_GDPR: [1, 'calendarMonths', 'receipt'],
      UK_GDPR: [1, 'calendarMonths', 'identityVerified'],
      US_CA_CCPA: [45, 'calendarDays', 'receipt'],
      BR_LGPD: [15, 'calendarDays', 'receipt'],
      US_VA_VCDPA: [45, 'calendarDays', 'receipt'],
      CA_QC_LAW25: [30, 'calendarDays', 'receipt'],
    });
  });
  test('when extensions are read, then GDPR and UK allow 2 months once, CCPA and VCDPA 45 days once, the others none', () => {
    const ext = (key: string) => {
      const e = getRegime(key).extension;
      return e && [e.amount, e.unit, e.maxTimes, e.noticeWithinOriginalPeriod];
    };
    expect(ext('EU_GDPR')).toEqual([2, 'calendarMonths', 1, true]);
    expect(ext('UK_GDPR')).toEqual([2, 'calendarMonths', 1, true]);
    expect(ext('US_CA_CCPA')).toEqual([45, 'calendarDays', 1, true]);
    expect(ext('US_VA_VCDPA')).toEqual([45, 'calendarDays', 1, true]);
    for (const key of ['CN_PIPL', 'BR_LGPD', 'CA_QC_LAW25']) expect(ext(key)).toBeNull();
  });
  test('when pauses are read, then only the UK clock stops while waiting on the subject', () => {
    expect(all.filter((r) => r.pausesWhileAwaitingSubject).map((r) => r.key)).toEqual(['UK_GDPR']);
  });
  test('when roll-forward is read, then it applies where the counting rule says so: China, EU, UK', () => {
    expect(all.filter((r) => r.deadline.rollForwardToWorkingDay).map((r) => r.key)).toEqual(['CN_PIPL', 'EU_GDPR', 'UK_GDPR']);
  });
  test('when the other clocks are read, then CCPA acknowledges in 10 business days and Virginia decides appeals in 60 days', () => {
    expect(getRegime('US_CA_CCPA').acknowledgement).toMatchObject({ amount: 10, unit: 'workingDays' });
    expect(getRegime('US_VA_VCDPA').appeal).toMatchObject({ amount: 60, unit: 'calendarDays' });
    expect(all.filter((r) => r.acknowledgement).map((r) => r.key)).toEqual(['US_CA_CCPA']);
  });
  test('when fees are read, then CCPA access and VCDPA requests are free twice in 12 months and LGPD allows no fee', () => {
    expect(getRegime('US_CA_CCPA').fees).toMatchObject({ freeRequestsPerWindow: 2, window: { amount: 12, unit: 'calendarMonths' }, countedRequestTypes: ['ACCESS', 'PORTABILITY'] });
    expect(getRegime('US_VA_VCDPA').fees.freeRequestsPerWindow).toBe(2);
    expect(getRegime('BR_LGPD').fees.costFeeAllowed).toBe(false);
    for (const regime of all) expect(regime.feeResponseWindow === null).toBe(!regime.fees.costFeeAllowed);
  });
  test('when China’s grounds are read, then the seed’s six no-response grounds and art 47 are all there', () => {
    expect(codes('CN_PIPL')).toEqual(
      expect.arrayContaining([
        'NATIONAL_SECURITY_DEFENCE',
        'PUBLIC_SECURITY_HEALTH_INTEREST',
        'CRIMINAL_PROCEEDINGS',
        'MALICE_OR_ABUSE_OF_RIGHTS',
        'SERIOUS_HARM_TO_OTHERS',
        'OTHER_LEGAL_REQUIREMENT',
        'RETENTION_REQUIRED_BY_LAW',
        'DELETION_TECHNICALLY_INFEASIBLE',
      ]),
    );
    expect(getRegime('CN_PIPL').handlingNotes.map((n) => n.code)).toContain('CHILD_DATA_COLLECTED_BY_MISTAKE');
  });
  test.each(['EU_GDPR', 'UK_GDPR'])('when %s erasure grounds are read, then art 17(3)(a) to (e) are each cited', (key) => {
    const cited = getRegime(key).refusalGrounds.map((g) => g.citation);
    for (const letter of ['a', 'b', 'c', 'd', 'e']) expect(cited.some((c) => c.endsWith(`art 17(3)(${letter})`))).toBe(true);
  });
  test('when CCPA deletion exceptions are read, then §1798.105(d)(1) to (8) are each cited', () => {
    const cited = getRegime('US_CA_CCPA').refusalGrounds.map((g) => g.citation);
    for (let n = 1; n <= 8; n++) expect(cited).toContain(`Cal. Civ. Code §1798.105(d)(${n})`);
  });
});

describe('consistency with the clock', () => {
  test.each(all.map((r) => [r.key, r] as const))('when %s is set up, then its zone and calendar exist', (_key, regime) => {
    expect(() => localDateOf(new Date('2026-06-01T00:00:00Z'), zoneOf(regime))).not.toThrow();
    expect(demoEstablishment(regime.key).calendar.covers(2026)).toBe(true);
  });
  test('when zones are read, then each is the controller’s place for the regime', () => {
    expect(Object.fromEntries(all.map((r) => [r.key, zoneOf(r)]))).toEqual({
      CN_PIPL: 'Asia/Shanghai',
      EU_GDPR: 'Europe/Brussels',
      UK_GDPR: 'Europe/London',
      US_CA_CCPA: 'America/Los_Angeles',
      BR_LGPD: 'America/Sao_Paulo',
      US_VA_VCDPA: 'America/New_York',
      CA_QC_LAW25: 'America/Toronto',
    });
  });
  test.each(all.map((r) => [r.key, r] as const))('when %s reminds staff, then 7 and 2 days before, escalating at 2', (_key, regime) => {
    expect(regime.reminders.daysBefore).toEqual([7, 2]);
    expect(regime.reminders.escalateAtRiskDaysBefore).toBe(2);
  });
  test.each(all.filter((r) => r.deadline.clockStarts === 'receipt').map((r) => [r.key, r] as const))(
    'when %s runs from receipt, then verification closes before the shortest possible deadline',
    (_key, regime) => {
      // February 2026 gives the shortest month; rolling forward only lengthens it.
      const receivedAt = new Date('2026-02-01T12:00:00Z');
      const shortest = computeDueDate({ regime, establishment: demoEstablishment(regime.key), receivedAt });
      const days = daysBetween(localDateOf(receivedAt, zoneOf(regime)), shortest.dueDate);
      expect(regime.verificationWindow.days).toBeLessThan(days);
      if (regime.feeResponseWindow) expect(regime.feeResponseWindow.days).toBeLessThan(days);
    },
  );
});

describe('regime for a residence', () => {
  const EU27 = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
  test.each(EU27)('when the subject lives in %s, then the EU GDPR applies', (code) => {
    expect(regimeForResidence(code)).toBe('EU_GDPR');
  });
  test.each([
    ['CN', 'CN_PIPL'],
    ['GB', 'UK_GDPR'],
    ['gb', 'UK_GDPR'],
    ['GB-SCT', 'UK_GDPR'],
    ['US-CA', 'US_CA_CCPA'],
    ['us_ca', 'US_CA_CCPA'],
    ['US-VA', 'US_VA_VCDPA'],
    ['BR', 'BR_LGPD'],
    ['CA-QC', 'CA_QC_LAW25'],
    ['FR-75', 'EU_GDPR'],
    ['EL', 'EU_GDPR'],
    ['NO', 'EU_GDPR'],
    [' de ', 'EU_GDPR'],
  ])('when the residence code is %p, then the regime is %s', (code, expected) => {
    expect(regimeForResidence(code)).toBe(expected);
  });
  test.each(['US', 'US-TX', 'CA', 'CA-ON', 'JP', 'HK', '', null, undefined])('when the residence is %p, then the seed’s PIPL applies', (code) => {
    expect(regimeForResidence(code)).toBe('CN_PIPL');
  });
});
