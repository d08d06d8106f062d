// The state of one running request and the moves every step shares: status changes
// mirrored to the database, search attributes, and the withdrawal checkpoint.
import type { Duration } from '@temporalio/common';
import { condition, patched } from '@temporalio/workflow';
import type { TransitionRecord } from '../activities/transitions';
import { isClosed, type RequestStatus } from '../domain/status';
import { acts } from './acts';
import { PublishedAttributes, requestAttributes } from './published-attributes';
import { snapshotOf } from './request-snapshot';
import { startDrpStatusCallback } from './drp-callback';
import type { DeadlinePlan, DecisionInput, DsrStatus, DsrWorkflowInput, ManualTaskCompletion, StoreState } from './messages';

/** Thrown at a checkpoint once the request was withdrawn, to unwind the procedure. */
export class RequestWithdrawn extends Error {}

export type StoreAction =
  | { kind: 'retry'; staffId: string }
  | { kind: 'skip'; staffId: string; note: string }
  | { kind: 'manual'; staffId: string; note: string };

export class RequestRun {
  // The state is read through getters and changed only through the methods below, each
  // named for the event it records, so a reader finds every writer of a field here.
  private state: RequestStatus = 'RECEIVED';
  private isVerified = false;
  private withdrawal: { actor: string; reason?: string } | null = null;
  private currentPlan: DeadlinePlan | null = null;
  private plans = 0;
  private extensionsTaken = 0;
  private feeState: DsrStatus['fee'] = null;
  private recordedDecision: DecisionInput | null = null;
  private attester: string | null = null;
  private supersedingClaim: string | null = null;
  private secondOpinion: { staffId: string; approved: boolean } | null = null;
  private storeStates: Record<string, StoreState> = {};
  private readonly storeActions = new Map<string, StoreAction>();
  private attesterRole: string | null = null;
  /** Stores worked by a person: null while the task is open, then the person's confirmation. */
  private readonly manualTasks = new Map<string, ManualTaskCompletion | null>();
  private sends = 0;
  private lastSendAt = 0;
  private closedAs: string | null = null;
  private offeredFee: { amount: number; currency: string } | null = null;
  private commitment: 'CLOSING' | 'FULFILMENT' | null = null;
  private coolingOffRuns = false;
  private closureCancellation: string | null = null;
  /** Work that a handler or the procedure has under way ('identity', 'fee', 'decision',
   *  'extend', 'plan'), reserved before the first await so a concurrent call of the same kind
   *  is refused by its validator instead of passing the same check. */
  private readonly pending = new Set<string>();
  private transitions = 0;
  private noticeSeq = 0;
  private readonly published = new PublishedAttributes();

  private folding = false;

  constructor(readonly input: DsrWorkflowInput) {}

  /** Whether this run takes the folded steps (acts.ts FOLDED_PATCH): asked once, before the first
   *  step, so a run that replayed without them keeps without them when it goes live. */
  get foldedSteps(): boolean {
    return this.folding;
  }
  foldSteps(on: boolean): boolean {
    this.folding = on;
    return on;
  }

  get requestId(): string {
    return this.input.requestId;
  }
  get status(): RequestStatus {
    return this.state;
  }
  get verified(): boolean {
    return this.isVerified;
  }
  get withdrawn(): { actor: string; reason?: string } | null {
    return this.withdrawal;
  }
  get plan(): DeadlinePlan | null {
    return this.currentPlan;
  }
  /** Counts the plans installed, so a watcher can tell that the plan changed. */
  get planVersion(): number {
    return this.plans;
  }
  get extensions(): number {
    return this.extensionsTaken;
  }
  get fee(): DsrStatus['fee'] {
    return this.feeState;
  }
  get decision(): DecisionInput | null {
    return this.recordedDecision;
  }
  /** The role the API signed for the attestation (null on runs from before assertions). */
  get attestedRole(): string | null {
    return this.attesterRole;
  }
  /** Who attested the subject's identity, when staff did: they may not approve the erasure. */
  get attestedBy(): string | null {
    return this.attester;
  }
  /** A verified request of the same subject and kind that claims to supersede this one, until
   *  confirmed (then the request closes) or found wrong (then it is forgotten). */
  get supersededBy(): string | null {
    return this.supersedingClaim;
  }
  /** The second person's answer on an attested erasure (four eyes). */
  get approval(): { staffId: string; approved: boolean } | null {
    return this.secondOpinion;
  }
  get stores(): Readonly<Record<string, StoreState>> {
    return this.storeStates;
  }
  get codeSends(): number {
    return this.sends;
  }
  get lastCodeSentAt(): number {
    return this.lastSendAt;
  }
  get outcome(): string | null {
    return this.closedAs;
  }
  /** The regime's fee for a manifestly unfounded or excessive request, once assessed; null where it allows none. */
  get excessiveFee(): { amount: number; currency: string } | null {
    return this.offeredFee;
  }
  /** Set once the procedure passed its last withdrawal checkpoint: from then on it closes
   *  another way or fulfils, so a withdrawal would be accepted and then ignored. */
  get committed(): 'CLOSING' | 'FULFILMENT' | null {
    return this.commitment;
  }

  /** True while an account closure waits out its cooling-off period (steps/account-closure.ts). */
  get coolingOff(): boolean {
    return this.coolingOffRuns;
  }
  /** When the account system reported the sign-in that cancelled the closure. */
  get closureCancelledAt(): string | null {
    return this.closureCancellation;
  }

  /** True while a call reserved `key` (see `exclusively`). */
  isBusy(key: string): boolean {
    return this.pending.has(key);
  }

  /** Waits until `ready` holds or `timeout` passes (false then), and unwinds the procedure if
   *  the request was withdrawn meanwhile: every wait of the procedure is also a wait for a withdrawal. */
  async waitFor(ready: () => boolean, timeout?: Duration): Promise<boolean> {
    const until = () => ready() || this.withdrawal !== null;
    const woken = timeout === undefined ? (await condition(until), true) : await condition(until, timeout);
    this.checkpoint();
    return woken;
  }

  // Account closure.
  setCoolingOff(running: boolean): void {
    this.coolingOffRuns = running;
  }
  cancelClosure(signedInAt: string): void {
    this.closureCancellation = signedInAt;
  }

  // Identity.
  /** The signed role of whoever attested: a member of staff's, or an authorized agent's. */
  attestedAs(role: string | null): void {
    this.attesterRole = role;
  }
  verify(attestedBy?: string): void {
    if (attestedBy !== undefined) this.attester = attestedBy;
    this.isVerified = true;
  }
  codeSent(): void {
    this.sends += 1;
    this.lastSendAt = Date.now();
  }
  claimSuperseded(byRequestId: string): void {
    this.supersedingClaim ??= byRequestId;
  }
  forgetSupersession(): void {
    this.supersedingClaim = null;
  }
  withdraw(actor: string, reason?: string): void {
    this.withdrawal = { actor, reason };
  }
  recordApproval(staffId: string, approved: boolean): void {
    this.secondOpinion = { staffId, approved };
  }

  // Assessment.
  offerExcessiveFee(fee: { amount: number; currency: string } | null): void {
    this.offeredFee = fee;
  }
  quoteFee(fee: { amount: number; currency: string }): void {
    this.feeState = { amount: fee.amount, currency: fee.currency, state: 'QUOTED' };
  }
  answerFee(state: 'ACCEPTED' | 'DECLINED' | 'WAIVED'): void {
    if (this.feeState) this.feeState = { ...this.feeState, state };
  }
  recordDecision(decision: DecisionInput): void {
    this.recordedDecision = decision;
  }

  // Deadline: an extension is taken before its first await and given back if it fails.
  takeExtension(): number {
    this.extensionsTaken += 1;
    return this.extensionsTaken - 1;
  }
  giveBackExtension(taken: number): void {
    this.extensionsTaken = taken;
  }

  // Fulfilment.
  setStore(store: string, state: StoreState): void {
    this.storeStates[store] = state;
  }
  /** Staff's action on a failed store, kept until the store has left FAILED. */
  storeAction(store: string): StoreAction | undefined {
    return this.storeActions.get(store);
  }
  requestStoreAction(store: string, action: StoreAction): void {
    this.storeActions.set(store, action);
  }
  clearStoreAction(store: string): void {
    this.storeActions.delete(store);
  }
  openManualTask(store: string): void {
    this.manualTasks.set(store, null);
  }
  /** True while the store has a manual task that no one has confirmed yet. */
  hasOpenManualTask(store: string): boolean {
    return this.manualTasks.has(store) && this.manualTasks.get(store) === null;
  }
  manualTaskDone(store: string): ManualTaskCompletion | null {
    return this.manualTasks.get(store) ?? null;
  }
  completeManualTask(completion: ManualTaskCompletion): void {
    this.manualTasks.set(completion.store, completion);
  }

  /** Records how the request ends, before its last status move. */
  setOutcome(outcome: string): void {
    this.closedAs = outcome;
  }

  /** Audits a decision with a replay-stable key, so a retried activity records it once. */
  audit(actor: string, action: string, reason?: string, details?: Record<string, unknown>): Promise<void> {
    return acts.recordDecision({ requestId: this.requestId, actor, action, reason, details, eventKey: `${this.requestId}:decision:${this.nextSeq()}` });
  }

  /** A replay-stable sequence number that keeps repeated notices of one kind apart. */
  nextSeq(): number {
    this.noticeSeq += 1;
    return this.noticeSeq;
  }

  snapshot(): DsrStatus {
    return snapshotOf(this);
  }

  /** Moves to a new status: database row (the read model: what it awaits, the fee or outcome
   *  that came with the move) and audit first, in one write, then the workflow's own state. */
  async moveTo(to: RequestStatus, actor: string, reason: string, also: { fee?: DsrStatus['fee']; outcome?: string } = {}): Promise<void> {
    if (to === this.status) return;
    const move = this.transition(to, actor, reason, also);
    await acts.recordTransition(move);
    // Applied without a further await, so running histories see their commands in the order they recorded.
    this.state = to;
    this.publish();
    // Only requests filed by a DRP agent carry the flag, so histories without it replay unchanged.
    if (this.input.drpStatusCallback) await startDrpStatusCallback(this.requestId, `t${this.transitions}`);
  }

  /** A move for another activity to write with its own work (acts.ts FOLDED_PATCH): numbered
   *  as moveTo numbers its moves, so the event key is the same; `moved` applies it once written. */
  transition(to: RequestStatus, actor: string, reason: string, also: { fee?: DsrStatus['fee']; outcome?: string } = {}): TransitionRecord {
    this.transitions += 1;
    return { requestId: this.requestId, from: this.status, to, actor, reason, eventKey: `${this.requestId}:t${this.transitions}`, ...also };
  }

  /** Applies a move that another activity wrote: state, search attributes, the DRP agent's callback. */
  async moved(move: TransitionRecord): Promise<void> {
    this.state = move.to;
    this.publish();
    if (this.input.drpStatusCallback) await startDrpStatusCallback(this.requestId, move.eventKey.slice(this.requestId.length + 1));
  }

  /** Installs a new deadline plan (intake, clock start, extension). */
  setPlan(plan: DeadlinePlan): void {
    this.currentPlan = plan;
    this.plans += 1;
    this.publish();
  }

  /** Mirrors the non-personal facts into search attributes for the Web UI and CLI. */
  publish(): void {
    this.published.publish(requestAttributes(this.status, this.input, this.plan), this.foldedSteps);
  }

  isClosed(): boolean {
    return isClosed(this.status);
  }

  /** Unwinds the procedure if the request was withdrawn (`waitFor` does so after every wait). */
  checkpoint(): void {
    if (this.withdrawal) throw new RequestWithdrawn();
  }

  /** The point of no return before a close or fulfilment: a withdrawal accepted since the last
   *  checkpoint still wins (versioned: runs that ignored it replay as they ran), and later ones are refused. */
  commit(to: 'CLOSING' | 'FULFILMENT'): void {
    if (this.withdrawal && patched('race-withdraw-fence')) throw new RequestWithdrawn();
    this.commitment = to;
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
