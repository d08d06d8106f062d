// All regimes by key, and the look-ups the workflow and the API use.
import { REGIME_KEYS, type RegimeKey, type RegimePolicy } from '../regime-policy';
import { BR_LGPD } from './br-lgpd';
import { CA_QC_LAW25 } from './ca-qc-law25';
import { CN_PIPL } from './cn-pipl';
import { EU_GDPR } from './eu-gdpr';
import { UK_GDPR } from './uk-gdpr';
import { US_CA_CCPA } from './us-ca-ccpa';
import { US_VA_VCDPA } from './us-va-vcdpa';

export { CONTROLLER_POLICY, citeControllerPolicy } from './common';
export { normaliseResidence, regimeForResidence, type ResidenceRule } from './residence';

export const REGIMES: Readonly<Record<RegimeKey, RegimePolicy>> = {
  CN_PIPL,
  EU_GDPR,
  UK_GDPR,
  US_CA_CCPA,
  BR_LGPD,
  US_VA_VCDPA,
  CA_QC_LAW25,
};

/** True when a string names a known regime. */
export function isRegimeKey(key: string): key is RegimeKey {
  return (REGIME_KEYS as readonly string[]).includes(key);
}

/** The policy for a regime key; throws naming the known keys when there is none. */
export function getRegime(key: string): RegimePolicy {
  if (!isRegimeKey(key)) {
    throw new Error(`Unknown regime '${key}'. Known regimes: ${REGIME_KEYS.join(', ')}.`);
  }
  return REGIMES[key];
}
