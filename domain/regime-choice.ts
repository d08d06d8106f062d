// Placeholder until policy/regimes lands: the regimes the engine knows by key.
export const DEFAULT_REGIME = 'CN_PIPL';
const KNOWN = ['CN_PIPL', 'EU_GDPR', 'UK_GDPR', 'US_CA_CCPA', 'BR_LGPD', 'US_VA_VCDPA', 'CA_QC_LAW25'];

/** True for a regime key the policy data defines. */
export function isKnownRegime(key: string): boolean {
  return KNOWN.includes(key);
}
