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

/** Versions the folded steps (issue 17: an automatic access request in at most 5 activity
 *  executions, where it took 10): opening proves and records the start's attestation, the clock
 *  starts and the request is assessed in one step, the move to IN_FULFILMENT and the manual
 *  tasks ride on planning the fulfilment, the close rides on the final reply, and search
 *  attributes are upserted only when they change. Each activity is a round trip (and, remote,
 *  a task on the server) whose cost dwarfed the work it did; the folded writes keep each
 *  step's transaction and event keys, so retries and the audit trail are as before. Runs
 *  recorded before it replay the separate steps (the dsrRequestWorkflow asks at its start). */
export const FOLDED_PATCH = 'automatic-steps-folded';

/** True once this run takes the folded steps (only runs on the read model's path may). */
export const folded = (): boolean => oneWrite() && patched(FOLDED_PATCH);

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
  'startClockAndAssess',
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
export const planActs = proxyActivities<Pick<Activities, 'planFulfilment' | 'beginFulfilment'>>(planActivity);
export const replyActs = proxyActivities<Pick<Activities, 'sendFinalReply'>>(replyActivity);
export const transferActs = proxyActivities<Pick<Activities, 'sendPackageToRecipient'>>(transferActivity);
export const assertionActs = proxyLocalActivities<Pick<Activities, 'verifyStaffAssertion'>>(assertionActivity);
