// A map from codes (statuses, types, regimes, channels, audit actions) to the words shown for them.
export type Labels = Readonly<Record<string, string>>;
