// How long the engine keeps its own records of people it no longer acts for. PIPL art 19
// (and GDPR art 5(1)(e)): personal information is kept for the shortest period the purpose
// needs. The defaults below are product defaults; the controller's profile
// (retention.strangersDays, retention.challengesDays, retention.closedRequestsDays) overrides them.

export interface RetentionPeriods {
  /** Days a subject who never verified any request is kept after their last request closed
   *  (or after the record was made, when it has no request): long enough to answer a late
   *  question about a refused request, no longer, as nothing ties the record to a real person. */
  strangersDays: number;
  /** Days a verification challenge (a code hash) is kept after it was made: its code expires
   *  within minutes; a week covers an investigation of a guessing attempt. */
  challengesDays: number;
  /** Days a closed request, its tasks and its audit trail are kept after closing: the period
   *  the controller must be able to prove how it answered (its profile says; 3 years by default). */
  closedRequestsDays: number;
}

export const RETENTION_DEFAULTS: RetentionPeriods = { strangersDays: 30, challengesDays: 7, closedRequestsDays: 1095 };

/** Staff sessions are purged once expired or revoked: a dead session proves nothing further. */
export const SESSIONS_KEPT_AFTER_EXPIRY_DAYS = 0;

/** The periods in force: the profile's where it sets them, the defaults elsewhere. */
export function retentionPeriods(profile?: Partial<RetentionPeriods>): RetentionPeriods {
  return {
    strangersDays: profile?.strangersDays ?? RETENTION_DEFAULTS.strangersDays,
    challengesDays: profile?.challengesDays ?? RETENTION_DEFAULTS.challengesDays,
    closedRequestsDays: profile?.closedRequestsDays ?? RETENTION_DEFAULTS.closedRequestsDays,
  };
}
