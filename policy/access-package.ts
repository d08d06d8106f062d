// How long an access reply's download package stays reachable and how long its encrypted
// file is kept. No regime in the seed sets a download window, so one product default
// applies to all, with the reasoning that keeps it lawful.

export interface AccessPackagePolicy {
  /** Days the mailed download link works, counted from when the package is made. */
  linkValidDays: number;
  /** Days the encrypted file is kept before the purge deletes it; at least the link's days. */
  retentionDays: number;
  citation: string;
}

export const ACCESS_PACKAGE_POLICY: AccessPackagePolicy = {
  linkValidDays: 30,
  retentionDays: 30,
  citation:
    'Product default: no regime sets a download window. 30 days gives the subject a month to fetch the copy; ' +
    'keeping it no longer follows storage limitation (GDPR art 5(1)(e), PIPL art 19: no longer than the purpose needs).',
};

/** The policy in force: the controller's retention period when its profile sets one (the link
 *  works and the file is kept that many days), else the product default; one for every regime
 *  until a regime's law asks for its own. */
export function accessPackagePolicy(profileDays?: number): AccessPackagePolicy {
  if (profileDays === undefined) return ACCESS_PACKAGE_POLICY;
  return {
    linkValidDays: profileDays,
    retentionDays: profileDays,
    citation: `The controller's profile keeps access packages ${profileDays} days (retention.accessPackagesDays); storage limitation: GDPR art 5(1)(e), PIPL art 19.`,
  };
}
