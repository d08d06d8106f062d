// What the status query answers about a running request: its state as the workflow holds it.
import { awaitingFor } from '../domain/awaiting';
import type { DsrStatus } from './messages';
import type { RequestRun } from './request-run';

export function snapshotOf(run: RequestRun): DsrStatus {
  return {
    requestId: run.requestId,
    status: run.status,
    type: run.input.type,
    regime: run.input.regime,
    dueAt: run.plan?.dueAt ?? null,
    awaiting: awaitingFor(run.status),
    extensions: run.extensions,
    stores: { ...run.stores },
    fee: run.fee,
    outcome: run.outcome,
  };
}
