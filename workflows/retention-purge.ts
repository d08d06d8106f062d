// Purges what the engine no longer needs once a day, for as long as the engine runs: strangers
// who never verified, verification challenges, expired staff sessions and closed requests,
// each on the controller profile's period (policy/retention.ts; PIPL art 19: the shortest
// period necessary). One instance per namespace (a fixed workflow id); a month of days per run.
import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { defaultActivity } from './activity-options';

/** The one retention workflow's id: starting it again while it runs is refused, so starts are idempotent. */
export const RETENTION_PURGE_WORKFLOW_ID = 'retention-purge';
/** Periods are counted in days, so a record outlives its period by a day at most. */
const INTERVAL = '1 day';
/** Runs per history before continuing as new, to keep the history short. */
const RUNS_PER_HISTORY = 30;

type Purges = Pick<ReturnType<typeof createActivities>, 'purgeStrangerSubjects' | 'purgeVerificationChallenges' | 'purgeExpiredSessions' | 'purgeClosedRequests'>;

const purges = proxyActivities<Purges>({
  ...defaultActivity,
  // A first run over years of closed requests may take longer than one mail does.
  startToCloseTimeout: '10 minutes',
});

/** Purges every kind now, then once a day; one kind failing does not hold back the others' next day. */
export async function retentionPurgeWorkflow(): Promise<void> {
  for (let run = 0; run < RUNS_PER_HISTORY; run++) {
    await purges.purgeStrangerSubjects();
    await purges.purgeVerificationChallenges();
    await purges.purgeExpiredSessions();
    await purges.purgeClosedRequests();
    await sleep(INTERVAL);
  }
  await continueAsNew<typeof retentionPurgeWorkflow>();
}
