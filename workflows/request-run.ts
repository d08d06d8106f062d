// The state of one running request and the moves every step shares: status changes
// mirrored to the database, search attributes, and the withdrawal checkpoint.
import { ApplicationFailure, condition, patched, upsertSearchAttributes } from '@temporalio/workflow';
import { awaitingFor } from '../domain/awaiting';
import { isClosed, type RequestStatus } from '../domain/status';
import { acts } from './acts';
import { startDrpStatusCallback } from './drp-callback';
import {
  type DeadlinePlan,
  type DecisionInput,
  type DsrStatus,
  type DsrWorkflowInput,
  type ManualTaskCompletion,
  SA_DUE_AT,
  SA_REGIME,
  SA_STATUS,
  SA_STUCK,
  SA_TYPE,
  type StoreState,
} from './messages';

/** Thrown at a checkpoint once the request was withdrawn, to unwind the procedure. */
export class RequestWithdrawn extends Error {}

export type StoreAction =
  | { kind: 'retry'; staffId: string }
  | { kind: 'skip'; staffId: string; note: string }
  | { kind: 'manual'; staffId: string; note: string };

export class RequestRun {
  status: RequestStatus = 'RECEIVED';
  verified = false;
  withdrawn: { actor: string; reason?: string } | null = null;
  plan: DeadlinePlan | null = null;
  planVersion = 0;
  extensions = 0;
  fee: DsrStatus['fee'] = null;
  decision: DecisionInput | null = null;
  /** Who attested the subject's identity, when staff did: they may not approve the erasure. */
  attestedBy: string | null = null;
  /** A verified request of the same subject and kind that claims to supersede this one, until
   *  confirmed (then the request closes) or found wrong (then it is forgotten). */
  supersededBy: string | null = null;
  /** The second person's answer on an attested erasure (four eyes). */
  approval: { staffId: string; approved: boolean } | null = null;
  stores: Record<string, StoreState> = {};
  storeActions = new Map<string, StoreAction>();
  /** Stores worked by a person: null while the task is open, then the person's confirmation. */
  manualTasks = new Map<string, ManualTaskCompletion | null>();
  codeSends = 0;
  lastCodeSentAt = 0;
  outcome: string | null = null;
  /** The regime's fee for a manifestly unfounded or excessive request, once assessed; null where it allows none. */
  excessiveFee: { amount: number; currency: string } | null = null;
  /** Set once the procedure passed its last withdrawal checkpoint: from then on it closes
   *  another way or fulfils, so a withdrawal would be accepted and then ignored. */
  committed: 'CLOSING' | 'FULFILMENT' | null = null;
  /** Work that a handler or the procedure has under way ('identity', 'fee', 'decision',
   *  'extend', 'plan'), reserved before the first await so a concurrent call of the same kind
   *  is refused by its validator instead of passing the same check. */
  readonly pending = new Set<string>();
  private transitions = 0;
  private noticeSeq = 0;

  constructor(readonly input: DsrWorkflowInput) {}

  get requestId(): string {
    return this.input.requestId;
  }

  /** A replay-stable sequence number that keeps repeated notices of one kind apart. */
  nextSeq(): number {
    this.noticeSeq += 1;
    return this.noticeSeq;
  }

  snapshot(): DsrStatus {
    return {
      requestId: this.requestId,
      status: this.status,
      type: this.input.type,
      regime: this.input.regime,
      dueAt: this.plan?.dueAt ?? null,
      awaiting: awaitingFor(this.status),
      extensions: this.extensions,
      stores: { ...this.stores },
      fee: this.fee,
      outcome: this.outcome,
    };
  }

  /** Moves to a new status: database row (the read model: what it awaits, the fee or outcome
   *  that came with the move) and audit first, in one write, then the workflow's own state. */
  async moveTo(to: RequestStatus, actor: string, reason: string, also: { fee?: DsrStatus['fee']; outcome?: string } = {}): Promise<void> {
    if (to === this.status) return;
    this.transitions += 1;
    await acts.recordTransition({ requestId: this.requestId, from: this.status, to, actor, reason, eventKey: `${this.requestId}:t${this.transitions}`, ...also });
    this.status = to;
    this.publish();
    // Only requests filed by a DRP agent carry the flag, so histories without it replay unchanged.
    if (this.input.drpStatusCallback) await startDrpStatusCallback(this.requestId, this.transitions);
  }

  /** Installs a new deadline plan (intake, clock start, extension). */
  setPlan(plan: DeadlinePlan): void {
    this.plan = plan;
    this.planVersion += 1;
    this.publish();
  }

  /** Mirrors the non-personal facts into search attributes for the Web UI and CLI. */
  publish(): void {
    upsertSearchAttributes([
      { key: SA_STATUS, value: this.status },
      { key: SA_TYPE, value: this.input.type },
      { key: SA_REGIME, value: this.input.regime },
      { key: SA_STUCK, value: this.status === 'STUCK' },
      ...(this.plan ? [{ key: SA_DUE_AT, value: new Date(this.plan.dueAt) }] : []),
    ]);
  }

  isClosed(): boolean {
    return isClosed(this.status);
  }

  /** Unwinds the procedure if the request was withdrawn while it waited. */
  checkpoint(): void {
    if (this.withdrawn) throw new RequestWithdrawn();
  }

  /** The point of no return before a close or fulfilment: a withdrawal accepted since the last
   *  checkpoint still wins (versioned: runs that ignored it replay as they ran), and later ones are refused. */
  commit(to: 'CLOSING' | 'FULFILMENT'): void {
    if (this.withdrawn && patched('race-withdraw-fence')) throw new RequestWithdrawn();
    this.committed = to;
  }

  /** Runs `work` while holding `key`; the key is released however the work ends. */
  async exclusively<T>(key: string, work: () => Promise<T>): Promise<T> {
    this.pending.add(key);
    try {
      return await work();
    } finally {
      this.pending.delete(key);
    }
  }

  /** Recomputes the deadline with no extension being recorded meanwhile, so neither
   *  computation overwrites the other's plan (versioned: only a run that meets an extension in flight waits). */
  async replan(compute: () => Promise<DeadlinePlan>): Promise<void> {
    if (this.pending.has('extend') && patched('race-plan-lock')) await condition(() => !this.pending.has('extend'));
    this.setPlan(await this.exclusively('plan', compute));
  }
}

/** Rejects an update made in the wrong state, with a message the caller can show. */
export function reject(message: string): never {
  throw ApplicationFailure.nonRetryable(message, 'RequestRejected');
}
