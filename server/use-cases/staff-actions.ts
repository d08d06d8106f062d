// What staff do to a request: each is one workflow update, recorded with the actor
// "staff:<id>"; the workflow's validators decide whether the request's state allows it.
import type { UpdateDefinition } from '@temporalio/common';
import { STORE_AWAITING_PERSON } from '../../domain/awaiting';
import { findRequestFields, storeTaskFieldsOf } from '../../db/records';
import {
  approveErasureUpdate,
  attestIdentityUpdate,
  completeStoreUpdate,
  decideUpdate,
  extendDeadlineUpdate,
  retryStoreUpdate,
  skipStoreUpdate,
  waiveFeeUpdate,
  withdrawUpdate,
  type DsrStatus,
} from '../../workflows/messages';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';
import type { StatusView } from '../schemas';
import type { DecideBody, StaffStatusView } from '../staff/schemas';
import { requestStatus, statusAfterUpdate } from './request-status';
import { assertStaff } from './staff-assertions';
import { updateRequest } from './request-update';

/** The status view with each store's state, from the read model (the request's row and its store tasks). */
export async function staffRequestStatus(deps: ServerDeps, requestId: string): Promise<StaffStatusView> {
  const view = await requestStatus(deps, requestId);
  return { ...view, stores: await storesOf(deps, requestId) };
}

async function storesOf(deps: ServerDeps, requestId: string): Promise<StaffStatusView['stores']> {
  const [tasks, manual] = await Promise.all([
    storeTaskFieldsOf(deps.db, requestId, { store: true, status: true, lastError: true }),
    deps.db.manualTask.findMany({ where: { requestId, status: 'OPEN' }, select: { store: true } }),
  ]);
  const waitingForPerson = new Set(manual.map((t) => t.store));
  return Object.fromEntries(
    tasks.map((t) => {
      const { status } = t;
      // Why a store is not done: its last failure, or the person its manual task waits for.
      const reason = status === 'FAILED' ? t.lastError : status === 'PENDING' && waitingForPerson.has(t.store) ? STORE_AWAITING_PERSON : null;
      return [t.store, { status, ...(reason ? { reason } : {}) }];
    }),
  );
}

const after = (deps: ServerDeps) => (live: DsrStatus) => statusAfterUpdate(deps, live);

/** Agents attest only the requests they opened themselves (a request anyone filed in the
 *  portal is not theirs to vouch for); compliance may attest any. */
export async function assertMayAttest(deps: ServerDeps, staff: { staffId: string; role: string }, requestId: string): Promise<void> {
  if (staff.role !== 'agent') return;
  const row = await findRequestFields(deps.db, requestId, { attestedBy: true });
  if (!row) throw notFound('The request');
  if (row.attestedBy !== staff.staffId) {
    throw new AppError(403, 'ROLE_FORBIDDEN', 'Agents may attest identity only on requests they opened themselves; ask compliance to attest this one.');
  }
}

/** The staff actions on one request, for the member of staff `staffId`. */
export function staffActions(deps: ServerDeps, staffId: string, requestId: string) {
  // Each update carries the API's assertion that this member of staff asked for it.
  const run = async <A>(update: UpdateDefinition<DsrStatus, [A]>, arg: A): Promise<StatusView> =>
    after(deps)(await updateRequest(deps, requestId, update, { ...arg, assertion: await assertStaff(deps, staffId, requestId, update.name) }));
  return {
    attest: (evidenceNote: string) => run(attestIdentityUpdate, { staffId, evidenceNote }),
    decide: (body: DecideBody) => run(decideUpdate, { staffId, ...body }),
    waiveFee: (reason: string) => run(waiveFeeUpdate, { staffId, reason }),
    extend: (reason: string) => run(extendDeadlineUpdate, { staffId, reason }),
    retryStore: (store: string) => run(retryStoreUpdate, { staffId, store }),
    skipStore: (store: string, justification: string) => run(skipStoreUpdate, { staffId, store, justification }),
    completeStore: (store: string, note: string) => run(completeStoreUpdate, { staffId, store, note }),
    withdraw: (reason: string) => run(withdrawUpdate, { actor: `staff:${staffId}`, reason }),
    approve: (approve: boolean, reason: string) => run(approveErasureUpdate, { staffId, approve, reason }),
  };
}
