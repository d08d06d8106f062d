// DRP 1.0 §2.03: each status change of a request an agent filed with a status_callback is
// posted to it. A child workflow per change, abandoned by its parent, so an agent that is
// down neither holds the request up nor loses the news when the request closes.
import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { createActivities } from '../activities';

type Activities = ReturnType<typeof createActivities>;

/** The patch under which an extension of a DRP request's deadline is posted to its agent. */
export const DRP_EXTENSION_CALLBACK_PATCH = 'drp-extension-callback';

/** An agent's endpoint may be down for a while: retried with back-off for up to three days. */
const callbackActivity = {
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '3 days',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 hour' },
} as const;

const { postDrpStatusCallback } = proxyActivities<Pick<Activities, 'postDrpStatusCallback'>>(callbackActivity);

/** Posts the request's current DRP status to its agent. */
export async function drpStatusCallbackWorkflow(input: { requestId: string }): Promise<void> {
  await postDrpStatusCallback(input);
}

/** Starts the post for one change of the request, named by `change` (`t<n>` for the n-th status
 *  change, `x<n>` for the n-th extension of its deadline); the request goes on at once. */
export async function startDrpStatusCallback(requestId: string, change: string): Promise<void> {
  await startChild(drpStatusCallbackWorkflow, {
    workflowId: `drp-callback-${requestId}-${change}`,
    args: [{ requestId }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}
