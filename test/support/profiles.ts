// Controller profiles for tests: the demo's example profile, variants of it, and the
// establishments they name, with no imported holiday arrangement unless a test adds one.
import { type ControllerProfile, type LoadedProfile, parseControllerProfile } from '../../config/controller-profile';
import { establishmentFor } from '../../config/holiday-imports';
import type { Establishment } from '../../policy';
import { readFileSync } from 'node:fs';

/** A folder that holds no imported arrangement, so only the bundled China data counts. */
export const NO_HOLIDAY_IMPORTS = 'test/fixtures/no-holiday-imports';

const EXAMPLE_TEXT = readFileSync('config/controller.example.json', 'utf8');

/** The example profile's JSON, parsed afresh (safe to change). */
export function exampleProfileJson(): ControllerProfile & { $schema?: string } {
  return JSON.parse(EXAMPLE_TEXT) as ControllerProfile;
}

/** The example profile, validated. */
export const demoProfile: LoadedProfile = parseControllerProfile(EXAMPLE_TEXT, 'config/controller.example.json');

/** A validated variant of the example profile. */
export function profileWith(change: (p: ControllerProfile) => void): LoadedProfile {
  const json = exampleProfileJson();
  change(json);
  return parseControllerProfile(JSON.stringify(json), 'test profile');
}

/** The demo's establishment for a regime. */
export function demoEstablishment(regime: string, holidayDir = NO_HOLIDAY_IMPORTS): Establishment {
  return establishmentFor(demoProfile.profile, regime, holidayDir);
}
