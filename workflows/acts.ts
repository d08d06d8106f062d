// The activity proxies the request workflow calls, with their retry policies.
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { assertionActivity, databaseStep, defaultActivity, planActivity, replyActivity, storeActivity, transferActivity } from './activity-options';

type Activities = ReturnType<typeof createActivities>;

/** Versions the read model's single writes (issue 17): the short database steps below run as
 *  local activities, a request opens in one step, and a close writes its outcome with its
 *  status. Runs recorded before it replay with the activities they scheduled. */
export const READ_MODEL_PATCH = 'read-model-one-write';

/** True once this run takes the read model's path (marks the run the first time it is asked). */
export const oneWrite = (): boolean => patched(READ_MODEL_PATCH);

/** Short database work in the order the procedure needs it: a status change with its audit
 *  event, a decision, the deadline plan, the assessment, a store task's state. Each is one
 *  idempotent transaction (event keys, upserts) that touches no mail server and no data store,
 *  so it fits a local activity's retry semantics: it runs in the worker that holds the
 *  workflow task, without a round trip through the server, and is simply run again if that
 *  worker dies. Mail and store work stay ordinary activities (heartbeats, their own queues). */
const DATABASE_STEPS = new Set<string>([
  'openRequest',
  'registerRequest',
  'planIntake',
  'recordTransition',
  'recordOutcome',
  'recordDecision',
  'startClock',
  'pauseClock',
  'extendDeadline',
  'assessRequest',
  'confirmSupersession',
  'markStoreFailed',
  'markStoreRetrying',
  'settleStoreByHand',
  'openManualTasks',
  'completeManualTask',
]);

const remote = proxyActivities<Activities>(defaultActivity);
const local = proxyLocalActivities<Activities>(databaseStep);

/** The request's activities: a database step runs locally once the run is on the read model's
 *  path (asked at each call, so a run recorded before replays its scheduled activities). */
export const acts: Activities = new Proxy(remote, {
  get: (target, name: string) => (DATABASE_STEPS.has(name) && oneWrite() ? local : target)[name as keyof Activities],
});
export const storeActs = proxyActivities<Pick<Activities, 'fulfilStore'>>(storeActivity);
export const planActs = proxyActivities<Pick<Activities, 'planFulfilment'>>(planActivity);
export const replyActs = proxyActivities<Pick<Activities, 'sendFinalReply'>>(replyActivity);
export const transferActs = proxyActivities<Pick<Activities, 'sendPackageToRecipient'>>(transferActivity);
export const assertionActs = proxyLocalActivities<Pick<Activities, 'verifyStaffAssertion'>>(assertionActivity);
