// The regimes a request can be answered under, by key. The policy data (policy/regimes/)
// holds each one's rules; the key lives here, at the bottom, because the workflow input and
// the database records carry it and must not reach up into policy/ to name it.
export const REGIME_KEYS = ['CN_PIPL', 'EU_GDPR', 'UK_GDPR', 'US_CA_CCPA', 'BR_LGPD', 'US_VA_VCDPA', 'CA_QC_LAW25'] as const;
export type RegimeKey = (typeof REGIME_KEYS)[number];
