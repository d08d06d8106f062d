// What the holder of a request's status link may see: where the procedure stands, its
// dates and any fee, never personal data. While the request is open the workflow knows
// best (what it waits for, the current due date); once closed the database row is the
// record, as the workflow's history may already be gone.
import { WorkflowNotFoundError } from '@temporalio/common';
import type { RequestType } from '../../domain/request-kinds';
import { isClosed, type RequestStatus } from '../../domain/status';
import type { DsrRequest as DsrRow } from '../../generated/prisma/client';
import { statusQuery, workflowIdFor, type DsrStatus } from '../../workflows/messages';
import { notFound } from '../app-error';
import type { ServerDeps } from '../deps';
import type { StatusView } from '../schemas';

const FEE_ANSWERS: Record<string, NonNullable<StatusView['fee']>['state']> = {
  FEE_ACCEPTED: 'ACCEPTED',
  FEE_DECLINED: 'DECLINED',
  FEE_WAIVED: 'WAIVED',
};

/** The request's status view: from the live workflow while open, from the database once closed. */
export async function requestStatus(deps: ServerDeps, requestId: string): Promise<StatusView> {
  const row = await deps.db.dsrRequest.findUnique({ where: { id: requestId } });
  if (row && isClosed(row.status as RequestStatus)) return recordedView(row, await feeOnRecord(deps, row));
  try {
    const live = await deps.temporal.workflow.getHandle(workflowIdFor(requestId)).query(statusQuery);
    return liveView(live, row);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    // An open row without its workflow was ended outside the procedure; show what is recorded.
    if (row) return recordedView(row, await feeOnRecord(deps, row));
    throw notFound('The request');
  }
}

/** The status view right after an update, from the workflow state the update returned. */
export async function statusAfterUpdate(deps: ServerDeps, live: DsrStatus): Promise<StatusView> {
  return liveView(live, await deps.db.dsrRequest.findUnique({ where: { id: live.requestId } }));
}

function liveView(live: DsrStatus, row: DsrRow | null): StatusView {
  return {
    requestId: live.requestId,
    status: live.status,
    type: live.type,
    regime: live.regime,
    // The row lands with the workflow's first activity; an instant before, the dates are unknown.
    receivedAt: row?.receivedAt.toISOString() ?? null,
    dueAt: live.dueAt ?? row?.dueAt?.toISOString() ?? null,
    closedAt: row?.closedAt?.toISOString() ?? null,
    awaiting: live.awaiting,
    extensions: live.extensions,
    fee: live.fee,
  };
}

function recordedView(row: DsrRow, fee: StatusView['fee']): StatusView {
  return {
    requestId: row.id,
    status: row.status as RequestStatus,
    type: row.type as RequestType,
    regime: row.regime,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    awaiting: null,
    extensions: row.extensions,
    fee,
  };
}

/** The fee as the audit trail records it: quoted at assessment, then answered or waived. */
async function feeOnRecord(deps: ServerDeps, row: DsrRow): Promise<StatusView['fee']> {
  // A duplicate was never charged; assessments recorded before that was made explicit still name a fee.
  if (row.status === 'DUPLICATE' || row.duplicateOfId !== null) return null;
  const requestId = row.id;
  const events = await deps.db.auditEvent.findMany({
    where: { requestId, action: { in: ['ASSESSED', ...Object.keys(FEE_ANSWERS)] } },
    orderBy: { id: 'asc' },
    select: { action: true, details: true },
  });
  const quoted = (events.find((e) => e.action === 'ASSESSED')?.details as { fee?: { amount: number; currency: string } | null } | null)?.fee;
  if (!quoted) return null;
  const answer = events.filter((e) => e.action in FEE_ANSWERS).at(-1)?.action;
  return { amount: quoted.amount, currency: quoted.currency, state: answer ? FEE_ANSWERS[answer]! : 'QUOTED' };
}
