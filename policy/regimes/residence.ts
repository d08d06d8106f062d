// Which regime protects a subject, from where they live. Codes are ISO 3166-1 alpha-2
// countries ('DE') or ISO 3166-2 subdivisions ('US-CA', 'CA-QC'). Which residences map to
// which regime is the controller's (the regimes it offers), so the mapping comes from its
// profile and is passed in.
import type { RegimeKey } from '../regime-policy';

/** One line of the profile's residence → regime mapping. */
export interface ResidenceRule {
  code: string;
  regime: RegimeKey;
}

/** Upper case with hyphens: 'us_ca' → 'US-CA'. */
export function normaliseResidence(code: string | null | undefined): string {
  return (code ?? '').trim().toUpperCase().replace(/_/g, '-');
}

/**
 * The regime for a residence code: an exact subdivision first ('US-CA'), then the
 * country ('FR-75' counts as 'FR'); anything unknown falls back to `fallback`.
 */
export function regimeForResidence(code: string | null | undefined, rules: readonly ResidenceRule[], fallback: RegimeKey): RegimeKey {
  const normalised = normaliseResidence(code);
  const country = normalised.split('-')[0] ?? '';
  return rules.find((r) => r.code === normalised)?.regime ?? rules.find((r) => r.code === country)?.regime ?? fallback;
}
