// What anyone holding a request id may see: status and dates, never personal data.
import { WorkflowNotFoundError } from '@temporalio/common';
import { statusQuery, workflowIdFor } from '../../workflows/messages';
import { notFound } from '../app-error';
import type { ServerDeps } from '../deps';

export interface RequestStatusView {
  requestId: string;
  type: string;
  regime: string;
  status: string;
  receivedAt: string | null;
  dueAt: string | null;
  closedAt: string | null;
}

/** The request's recorded status; falls back to the workflow in the instant before intake lands. */
export async function requestStatus(deps: ServerDeps, requestId: string): Promise<RequestStatusView> {
  const row = await deps.db.dsrRequest.findUnique({ where: { id: requestId } });
  if (row) {
    return {
      requestId,
      type: row.type,
      regime: row.regime,
      status: row.status,
      receivedAt: row.receivedAt.toISOString(),
      dueAt: row.dueAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
    };
  }
  try {
    const live = await deps.temporal.workflow.getHandle(workflowIdFor(requestId)).query(statusQuery);
    return { requestId, type: live.type, regime: live.regime, status: live.status, receivedAt: null, dueAt: null, closedAt: null };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw notFound('The request');
    throw err;
  }
}
