// Retry and timeout policies for activities, named by what they protect.
import type { ActivityOptions } from '@temporalio/workflow';

/** Database writes and mail: short, retried with back-off until they succeed. */
export const defaultActivity: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};
