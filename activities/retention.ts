// The scheduled retention purge's activities (workflows/retention-purge.ts): one per kind of
// record, each over the periods of the controller's profile (policy/retention.ts).
import { activeProfile } from '../config/controller-profile';
import { retentionPeriods } from '../policy';
import { purgeChallenges, purgeClosedRequests, purgeSessions, purgeStrangers } from '../retention/purge';
import type { ActivityDeps } from './deps';

export function retentionActivities(deps: ActivityDeps) {
  const periods = () => retentionPeriods((deps.profile ?? activeProfile()).profile.retention);
  return {
    /** Subjects who never verified, past retention.strangersDays. */
    async purgeStrangerSubjects(): Promise<{ purged: number }> {
      return { purged: await purgeStrangers(deps.db, deps.clock(), periods()) };
    },
    /** Verification challenges, past retention.challengesDays. */
    async purgeVerificationChallenges(): Promise<{ purged: number }> {
      return { purged: await purgeChallenges(deps.db, deps.clock(), periods()) };
    },
    /** Staff sessions, at expiry. */
    async purgeExpiredSessions(): Promise<{ purged: number }> {
      return { purged: await purgeSessions(deps.db, deps.clock()) };
    },
    /** Closed requests with their audit trail, DRP request and processor calls, past retention.closedRequestsDays;
     *  then DRP refusals and processor calls outside any workflow, past the same period. */
    async purgeClosedRequests(): Promise<{ requests: number; subjects: number }> {
      return purgeClosedRequests(deps.db, deps.clock(), periods());
    },
  };
}
