// Which regime protects a subject, from where they live. Codes are ISO 3166-1 alpha-2
// countries ('DE') or ISO 3166-2 subdivisions ('US-CA', 'CA-QC').
import type { RegimeKey } from '../regime-policy';

/** The seed controller's own regime, used wherever no other regime claims a subject. */
export const DEFAULT_REGIME: RegimeKey = 'CN_PIPL';

// The 27 member states ('EL' is the EU's own code for Greece) plus the EEA states,
// where the GDPR applies through the EEA Agreement.
const GDPR_COUNTRIES = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'EL', 'HU', 'IE', 'IT', 'LV', 'LT',
  'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
]);

const BY_SUBDIVISION: Readonly<Record<string, RegimeKey>> = {
  'US-CA': 'US_CA_CCPA',
  'US-VA': 'US_VA_VCDPA',
  'CA-QC': 'CA_QC_LAW25',
};

const BY_COUNTRY: Readonly<Record<string, RegimeKey>> = {
  CN: 'CN_PIPL',
  GB: 'UK_GDPR',
  // 'UK' is not ISO but people type it.
  UK: 'UK_GDPR',
  BR: 'BR_LGPD',
};

/**
 * The regime for a residence code: an exact subdivision first ('US-CA'), then the
 * country ('FR-75' counts as 'FR'); anything unknown falls back to the seed's PIPL.
 */
export function regimeForResidence(code: string | null | undefined): RegimeKey {
  const normalised = (code ?? '').trim().toUpperCase().replace(/_/g, '-');
  const bySubdivision = BY_SUBDIVISION[normalised];
  if (bySubdivision) return bySubdivision;
  const country = normalised.split('-')[0] ?? '';
  if (GDPR_COUNTRIES.has(country)) return 'EU_GDPR';
  return BY_COUNTRY[country] ?? DEFAULT_REGIME;
}
