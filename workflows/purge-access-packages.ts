// Deletes expired access packages once a day, for as long as the engine runs. One instance
// per namespace (a fixed workflow id); a month of days per run, then a fresh history.
import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { defaultActivity } from './activity-options';

/** The one purge workflow's id: starting it again while it runs is refused, so starts are idempotent. */
export const PURGE_ACCESS_PACKAGES_WORKFLOW_ID = 'access-package-purge';
/** Days between purges: retention is counted in days, so a package outlives its term by a day at most. */
const INTERVAL = '1 day';
/** Runs per history before continuing as new, to keep the history short. */
const RUNS_PER_HISTORY = 30;

const { purgeExpiredAccessPackages } = proxyActivities<Pick<ReturnType<typeof createActivities>, 'purgeExpiredAccessPackages'>>({
  ...defaultActivity,
  // A backlog of files may take longer than one mail does.
  startToCloseTimeout: '10 minutes',
});

/** Purges now, then once a day. */
export async function purgeAccessPackagesWorkflow(): Promise<void> {
  for (let run = 0; run < RUNS_PER_HISTORY; run++) {
    await purgeExpiredAccessPackages();
    await sleep(INTERVAL);
  }
  await continueAsNew<typeof purgeAccessPackagesWorkflow>();
}
