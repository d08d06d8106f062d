// The request's non-personal facts mirrored into search attributes for the Web UI and CLI.
// Each upsert is a command in the history and a write to the visibility store, so on runs
// taking the folded steps (acts.ts FOLDED_PATCH) only the values that changed are sent; runs
// recorded before send all five every time, and replay so.
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { RequestStatus } from '../domain/status';
import { type DeadlinePlan, type DsrWorkflowInput, SA_DUE_AT, SA_REGIME, SA_STATUS, SA_STUCK, SA_TYPE } from './messages';

const comparable = (value: unknown): unknown => (value instanceof Date ? value.getTime() : value);

export class PublishedAttributes {
  private readonly sent = new Map<string, unknown>();

  /** Upserts `pairs`, or with `onlyChanged` those whose value differs from the last one sent. */
  publish(pairs: SearchAttributeUpdatePair[], onlyChanged: boolean): void {
    const changed = onlyChanged ? pairs.filter((p) => !this.sent.has(p.key.name) || this.sent.get(p.key.name) !== comparable(p.value)) : pairs;
    if (changed.length === 0) return;
    for (const p of changed) this.sent.set(p.key.name, comparable(p.value));
    upsertSearchAttributes(changed);
  }
}

/** The five facts a request publishes: status, type, regime, whether stuck, and (once planned) its due instant. */
export function requestAttributes(status: RequestStatus, input: Pick<DsrWorkflowInput, 'type' | 'regime'>, plan: DeadlinePlan | null): SearchAttributeUpdatePair[] {
  return [
    { key: SA_STATUS, value: status },
    { key: SA_TYPE, value: input.type },
    { key: SA_REGIME, value: input.regime },
    { key: SA_STUCK, value: status === 'STUCK' },
    ...(plan ? [{ key: SA_DUE_AT, value: new Date(plan.dueAt) }] : []),
  ];
}
