// The ProcessorCall rows that stand for calls a processor completes by callback: the
// connector opens one and waits on it, the callback route completes it. One row per request,
// store and operation, so a retried activity finds an outcome already reported, and a repeated
// callback changes nothing. Each attempt sends a new call id (a ProcessorCallAttempt, the
// callbacks' nonce): only the current attempt's callback completes the call, so a late
// callback of an attempt that timed out cannot complete the retry with a stale result.
import type { Db } from '../../db/prisma';
import { Prisma } from '../../generated/prisma/client';
import { currentActivity } from '../activity-context';
import type { CallbackOperation, CallOutcome } from './protocol';

/** The request key of a call made outside any workflow: it answers no request, so the
 *  retention purge dates it by itself (retention/purge.ts). */
export const DIRECT_CALL_PREFIX = 'direct-';

/** The attempt to wait for (its id is the call id sent), or the outcome an earlier attempt already received. */
export type OpenedCall = { id: string; outcome: null } | { id: string; outcome: CallOutcome };

/** Opens the call for this request, store and operation, or reopens one that did not succeed,
 *  under a new attempt id; a call that succeeded is returned with its outcome. */
export async function openCall(db: Db, store: string, requestKey: string, operation: CallbackOperation): Promise<OpenedCall> {
  const row = await db.processorCall.upsert({
    where: { store_requestKey_operation: { store, requestKey, operation } },
    create: { store, requestKey, operation, status: 'PENDING' },
    update: {},
  });
  if (row.status === 'DONE') return { id: row.attemptId ?? row.id, outcome: outcomeOf(row.status, row.result) };
  const attempt = await db.processorCallAttempt.create({ data: { callId: row.id } });
  await db.processorCall.update({ where: { id: row.id }, data: { status: 'PENDING', result: Prisma.DbNull, completedAt: null, attemptId: attempt.id } });
  return { id: attempt.id, outcome: null };
}

/** Waits for the attempt's callback, checking every `pollMs`, for at most `timeoutMs`; null when
 *  none came. Inside an activity it heartbeats while it waits and stops when cancelled. */
export async function awaitCall(db: Db, attemptId: string, timeoutMs: number, pollMs: number): Promise<CallOutcome | null> {
  const activity = currentActivity();
  const deadline = Date.now() + timeoutMs;
  const { callId } = await db.processorCallAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { callId: true } });
  for (;;) {
    const row = await db.processorCall.findUniqueOrThrow({ where: { id: callId }, select: { status: true, result: true } });
    if (row.status !== 'PENDING') return outcomeOf(row.status, row.result);
    const left = deadline - Date.now();
    if (left <= 0) return null;
    activity?.heartbeat();
    const pause = Math.min(pollMs, left);
    if (activity) await activity.sleep(pause);
    else await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

export type Completion =
  | { found: false }
  | { found: true; superseded: true }
  | { found: true; superseded: false; repeated: boolean; outcome: CallOutcome };

/** Records a callback's outcome on a pending call of `store`, named by the id of its current
 *  attempt. A call already completed keeps its first outcome (`repeated`); the id of an earlier
 *  attempt is `superseded` and changes nothing; an id unknown to that store is `found: false`. */
export async function completeCall(db: Db, store: string, attemptId: string, outcome: CallOutcome, now: Date): Promise<Completion> {
  const attempt = await db.processorCallAttempt.findUnique({ where: { id: attemptId }, include: { call: true } });
  if (!attempt || attempt.call.store !== store) return { found: false };
  const callId = attempt.callId;
  const { status, ...result } = outcome;
  const { count } = await db.processorCall.updateMany({ where: { id: callId, status: 'PENDING', attemptId }, data: { status, result: result as Prisma.InputJsonValue, completedAt: now } });
  if (count === 1) return { found: true, superseded: false, repeated: false, outcome };
  const current = await db.processorCall.findUniqueOrThrow({ where: { id: callId } });
  if (current.attemptId !== attemptId) return { found: true, superseded: true };
  return { found: true, superseded: false, repeated: true, outcome: outcomeOf(current.status, current.result) };
}

function outcomeOf(status: string, result: Prisma.JsonValue): CallOutcome {
  const fields = (result ?? {}) as Omit<CallOutcome, 'status'>;
  return { ...fields, status: status as CallOutcome['status'] };
}
