// Retry and timeout policies for activities, named by what they protect.
import type { ActivityOptions } from '@temporalio/workflow';

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
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 3 },
};
