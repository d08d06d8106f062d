// What the holder of a request's status link may see: where the procedure stands, its
// dates and any fee, never personal data. The request's row is the read model: every
// activity that changes what is shown writes it there (activities/request-state.ts), so a
// status read is one indexed SELECT and never a workflow query, open or closed.
import { findRequest, type RequestRecord } from '../../db/records';
import type { DsrStatus } from '../../workflows/messages';
import { notFound } from '../app-error';
import type { ServerDeps } from '../deps';
import type { StatusView } from '../schemas';

/** The request's status view, from its row. */
export async function requestStatus(deps: Pick<ServerDeps, 'db'>, requestId: string): Promise<StatusView> {
  const row = await findRequest(deps.db, requestId);
  if (!row) throw notFound('The request');
  return recordedView(row);
}

/** The status view right after an update, from the workflow state the update returned (the
 *  update's own answer, not a query): the row's dates beside it. */
export async function statusAfterUpdate(deps: Pick<ServerDeps, 'db'>, live: DsrStatus): Promise<StatusView> {
  const row = await findRequest(deps.db, live.requestId);
  return {
    requestId: live.requestId,
    status: live.status,
    type: live.type,
    regime: live.regime,
    receivedAt: row?.receivedAt.toISOString() ?? null,
    dueAt: live.dueAt ?? row?.dueAt?.toISOString() ?? null,
    closedAt: row?.closedAt?.toISOString() ?? null,
    awaiting: live.awaiting,
    extensions: live.extensions,
    fee: live.fee,
  };
}

function recordedView(row: RequestRecord): StatusView {
  return {
    requestId: row.id,
    status: row.status,
    type: row.type,
    regime: row.regime,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    awaiting: row.awaiting,
    extensions: row.extensions,
    fee: row.fee,
  };
}
