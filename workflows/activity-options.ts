// Retry and timeout policies for activities, named by what they protect.
import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

/** Database writes and mail: short, retried with back-off until they succeed, because
 *  losing an audit event or a reply is never acceptable. */
export const defaultActivity: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/** Work against one data store: bounded retries, after which the store is marked failed
 *  and the request waits for compliance (retry, skip with justification, or manual). */
export const storeActivity: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  // The activity heartbeats every few seconds while a store works: a dead worker is noticed
  // in 30 seconds rather than 5 minutes. Timeouts are not commands, so replay is unaffected.
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 3 },
};

/** Planning searches every store: retried like a database write, and heartbeating like the
 *  store work, so a worker that dies while a store answers is noticed soon. */
export const planActivity: ActivityOptions = {
  ...defaultActivity,
  heartbeatTimeout: '30 seconds',
};

/** The closing reply: an access reply builds the subject's package first, which for a large
 *  subject takes minutes; it heartbeats while it works, so a dead worker is still noticed soon.
 *  Only timeouts differ from defaultActivity, which running histories do not record as commands. */
export const replyActivity: ActivityOptions = {
  ...defaultActivity,
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
};

/** One attempt at sending a portability package to the recipient the subject named: it builds
 *  the package first (minutes at most for what a subject provided). A recipient that is down is
 *  not an activity failure: the workflow paces those attempts (domain/portability-transfer.ts);
 *  only the engine's own troubles (the database) are retried here, without end, as for every
 *  database write. */
export const transferActivity: ActivityOptions = {
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/** The check of a staff assertion: pure computation in the worker, so local, quick, and
 *  retried only on a crash; a refusal is its result, not an error. */
export const assertionActivity: LocalActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' },
};

/** Short database steps run as local activities (workflows/acts.ts says which and why):
 *  retried like defaultActivity, without end, since losing an audit event is never
 *  acceptable; past a minute's back-off the SDK waits on a timer between attempts. */
export const databaseStep: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};
