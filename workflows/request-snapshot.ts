// What the status query answers about a running request: its state as the workflow holds it.
import { awaitingFor } from '../domain/awaiting';
import type { RequestStatus } from '../domain/status';
import type { DeadlinePlan, DsrStatus, DsrWorkflowInput, StoreState } from './messages';

/** What a snapshot reads of a running request (RequestRun has it all). */
export interface RunFacts {
  readonly requestId: string;
  readonly input: Pick<DsrWorkflowInput, 'type' | 'regime'>;
  readonly status: RequestStatus;
  readonly plan: DeadlinePlan | null;
  readonly extensions: number;
  readonly stores: Readonly<Record<string, StoreState>>;
  readonly fee: DsrStatus['fee'];
  readonly outcome: string | null;
}

export function snapshotOf(run: RunFacts): DsrStatus {
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
