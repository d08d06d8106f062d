// The one rule by which declared SQL stores match telephone numbers: both sides are brought to
// E.164 (`+` country code and number, digits only), so "+55 (12) 3923-5555", "0055 12 3923 5555"
// and "+551239235555" are one number. A number written without a country code (no leading `+`
// or `00`) is in the store's default country, its trunk prefix 0 dropped.

/** At most 15 digits after the +, by E.164; fewer than 7 is not a telephone number. */
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/** The number in E.164, or null when it is not a telephone number. */
export function normalisePhone(raw: string, defaultCountryCode: string): string | null {
  const kept = raw.trim().replace(/[^0-9+]/g, '');
  let digits: string;
  if (kept.startsWith('+')) digits = kept.slice(1);
  else if (kept.startsWith('00')) digits = kept.slice(2);
  else digits = defaultCountryCode + kept.replace(/^0/, '');
  if (!/^[1-9][0-9]*$/.test(digits) || digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
  return `+${digits}`;
}

/** Every way a stored number (after removing all but digits and `+`) can be written so that it
 *  normalises to `e164`: the database is asked for these exact spellings, so the comparison
 *  runs there (set-based) and agrees with normalisePhone. */
export function phoneSpellings(e164: string, defaultCountryCode: string): string[] {
  const international = e164.slice(1);
  const spellings = [`+${international}`, `00${international}`];
  if (international.startsWith(defaultCountryCode)) {
    const national = international.slice(defaultCountryCode.length);
    // normalisePhone drops one leading 0 of a national number, so both spellings reach it.
    if (!national.startsWith('0')) spellings.push(national, `0${national}`);
  }
  return spellings;
}
