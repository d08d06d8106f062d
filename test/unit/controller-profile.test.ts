// The controller's profile: the establishment it names moves the deadline (Brussels vs
// Dublin), a bad profile is refused with every problem listed, the digest is stable, and
// no source file outside the example profile names the demo controller.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ProfileError, parseControllerProfile, profileDigest } from '../../config/controller-profile';
import { establishmentFor } from '../../config/holiday-imports';
import { computeDueDate, getRegime, regimeForResidence } from '../../policy';
import { NO_HOLIDAY_IMPORTS, demoProfile, exampleProfileJson, profileWith } from '../support/profiles';

const dublin = profileWith((p) => {
  p.regimes.EU_GDPR!.establishment = { timeZone: 'Europe/Dublin', holidays: { country: 'IE' } };
});
const brussels = profileWith((p) => {
  p.regimes.EU_GDPR!.establishment = { timeZone: 'Europe/Brussels', holidays: { country: 'BE' } };
});

const gdprDue = (profile: typeof dublin, receivedAt: string) =>
  computeDueDate({ regime: getRegime('EU_GDPR'), establishment: establishmentFor(profile.profile, 'EU_GDPR', NO_HOLIDAY_IMPORTS), receivedAt: new Date(receivedAt) });

describe('the establishment comes from the profile', () => {
  test('when a GDPR request is received on 17 Feb 2026, then it is due 17 Mar in Brussels and 18 Mar in Dublin (St Patrick’s Day)', () => {
    const inBrussels = gdprDue(brussels, '2026-02-17T10:00:00Z');
    const inDublin = gdprDue(dublin, '2026-02-17T10:00:00Z');
    expect(inBrussels.dueDate).toBe('2026-03-17');
    expect(inDublin.dueDate).toBe('2026-03-18');
    expect(inDublin.basis).toContain('St. Patrick’s Day');
    expect(inDublin.basis).toContain('Europe/Dublin');
    expect(inBrussels.dueAt.toISOString()).toBe('2026-03-17T22:59:59.999Z');
    expect(inDublin.dueAt.toISOString()).toBe('2026-03-18T23:59:59.999Z');
  });
  test('when the two profiles are compared, then their digests differ and each is stable', () => {
    expect(dublin.digest).not.toBe(brussels.digest);
    expect(profileDigest(JSON.parse(JSON.stringify(brussels.profile)))).toBe(brussels.digest);
    expect(brussels.digest).toMatch(/^[0-9a-f]{64}$/);
  });
  test('when the residence list is read, then the portal’s residences and the regime look-up are one list', () => {
    const { residences, defaultRegime } = demoProfile.profile;
    expect(regimeForResidence('IE', residences, defaultRegime)).toBe('EU_GDPR');
    expect(regimeForResidence('us_ca', residences, defaultRegime)).toBe('US_CA_CCPA');
    expect(regimeForResidence('JP', residences, defaultRegime)).toBe('CN_PIPL');
  });
});

describe('a bad profile', () => {
  test('when a profile has several problems, then it is refused with each one listed by its path', () => {
    const bad = exampleProfileJson() as unknown as Record<string, any>;
    delete bad.privacyPolicy;
    bad.languages.prevailing = 'fr';
    bad.regimes.EU_GDPR.establishment.timeZone = 42;
    bad.branding.colour = 'blue';
    bad.extra = true;
    let error: unknown;
    try {
      parseControllerProfile(JSON.stringify(bad), 'bad.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ProfileError);
    const paths = (error as ProfileError).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['', '/languages/prevailing', '/regimes/EU_GDPR/establishment/timeZone', '/branding/colour', '/extra']));
    const message = (error as ProfileError).message;
    expect(message).toContain("must have required property 'privacyPolicy'");
    expect(message).toContain('/extra: is not a known field');
    expect(message).toContain('bad.json');
  });
  test('when the shape is right but the meaning is not, then each problem is listed', () => {
    const bad = exampleProfileJson();
    bad.regimes.EU_GDPR!.establishment = { timeZone: 'Europe/Atlantis', holidays: { country: 'XX' } };
    bad.regimes.BR_LGPD!.fees.cost = { amount: 5, currency: 'BRL' };
    bad.regimes.UK_GDPR!.fees.cost = { amount: 5, currency: 'ZZZ' };
    bad.defaultRegime = 'US_VA_VCDPA';
    delete bad.regimes.US_VA_VCDPA;
    bad.residences.push({ code: 'CN', regime: 'CN_PIPL' });
    expect(() => parseControllerProfile(JSON.stringify(bad), 'bad.json')).toThrow(ProfileError);
    try {
      parseControllerProfile(JSON.stringify(bad), 'bad.json');
    } catch (err) {
      expect((err as ProfileError).problems).toEqual(
        expect.arrayContaining([
          { path: '/defaultRegime', message: 'US_VA_VCDPA is not among the regimes offered' },
          { path: '/regimes/EU_GDPR/establishment/timeZone', message: "'Europe/Atlantis' is not an IANA time zone" },
          { path: '/regimes/EU_GDPR/establishment/holidays', message: "no holiday calendar for 'XX'" },
          expect.objectContaining({ path: '/regimes/BR_LGPD/fees/cost' }),
          { path: '/regimes/UK_GDPR/fees/cost/currency', message: "'ZZZ' is not an ISO 4217 currency" },
          expect.objectContaining({ path: expect.stringMatching(/^\/residences\/\d+\/regime$/), message: 'US_VA_VCDPA is not among the regimes offered' }),
          expect.objectContaining({ path: expect.stringMatching(/^\/residences\/\d+\/code$/), message: 'CN is listed twice' }),
        ]),
      );
    }
  });
  test('when a portability recipient is listed twice, reached over plain http off loopback, or carries its secret in the file, then each is a problem', () => {
    const bad = exampleProfileJson();
    const first = bad.portabilityRecipients![0]!;
    bad.portabilityRecipients = [first, { ...first, url: 'http://import.example.org/portability' }, { ...first, id: 'with-secret', secret: 's3cr3t' } as typeof first];
    try {
      parseControllerProfile(JSON.stringify(bad), 'bad.json');
      throw new Error('the profile was accepted');
    } catch (err) {
      expect((err as ProfileError).problems).toEqual([{ path: '/portabilityRecipients/2/secret', message: 'is not a known field' }]);
    }
    bad.portabilityRecipients = [first, { ...first, url: 'http://import.example.org/portability' }];
    try {
      parseControllerProfile(JSON.stringify(bad), 'bad.json');
      throw new Error('the profile was accepted');
    } catch (err) {
      expect((err as ProfileError).problems).toEqual([
        { path: '/portabilityRecipients/1/id', message: `${first.id} is listed twice` },
        { path: '/portabilityRecipients/1/url', message: 'must be an https URL (plain http only to a loopback host in development or tests)' },
      ]);
    }
  });
  test('when the file is not JSON, then that is the one problem', () => {
    expect(() => parseControllerProfile('{ nope', 'broken.json')).toThrow(/broken\.json is not valid:\n {2}\/: is not JSON/);
  });
});

describe('the controller is named only in its profile', () => {
  test('when the source tree is searched for the demo controller’s names, then only the example profile holds them', () => {
    const { controller, branding, privacyPolicy } = demoProfile.profile;
    const names = [controller.legalName.zh, controller.legalName.en, branding.name.zh, branding.name.en, privacyPolicy.name.zh, privacyPolicy.name.en];
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && f !== 'config/controller.example.json' && !f.startsWith('test/fixtures/histories/') && !/\.(png|jpg|zip|lock)$/.test(f) && f !== 'package-lock.json');
    const offenders = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return names.some((n) => text.includes(n));
    });
    expect(offenders).toEqual([]);
    // The seed's policy is not cited by name in code either (built here so this file does not match itself).
    const seedNames = [['Seed', 'privacy', 'policy'].join(' '), ['Ping', 'An'].join(' '), ['平安', '云'].join('')];
    expect(files.filter((f) => f.endsWith('.ts') && seedNames.some((n) => readFileSync(f, 'utf8').includes(n)))).toEqual([]);
  });
});
