// The ProcessorCall rows that stand for calls a processor completes by callback: the
// connector opens one and waits on it, the callback route completes it. One row per request,
// store and operation, so a retried activity waits for the call already made, and a repeated
// callback changes nothing.
import type { Db } from '../../db/prisma';
import { Prisma } from '../../generated/prisma/client';
import { currentActivity } from '../../activities/activity-context';
import type { CallbackOperation, CallOutcome } from './protocol';

/** The call to wait for, or its outcome when an earlier attempt already received it. */
export type OpenedCall = { id: string; outcome: null } | { id: string; outcome: CallOutcome };

/** Opens the call for this request, store and operation, or reopens one that ended without
 *  success (so that it may be tried again); a call that succeeded is returned with its outcome. */
export async function openCall(db: Db, store: string, requestKey: string, operation: CallbackOperation): Promise<OpenedCall> {
  const row = await db.processorCall.upsert({
    where: { store_requestKey_operation: { store, requestKey, operation } },
    create: { store, requestKey, operation, status: 'PENDING' },
    update: {},
  });
  if (row.status === 'DONE') return { id: row.id, outcome: outcomeOf(row.status, row.result) };
  if (row.status !== 'PENDING') {
    await db.processorCall.update({ where: { id: row.id }, data: { status: 'PENDING', result: Prisma.DbNull, completedAt: null } });
  }
  return { id: row.id, outcome: null };
}

/** Waits for the call's callback, checking every `pollMs`, for at most `timeoutMs`; null when
 *  none came. Inside an activity it heartbeats while it waits and stops when cancelled. */
export async function awaitCall(db: Db, id: string, timeoutMs: number, pollMs: number): Promise<CallOutcome | null> {
  const activity = currentActivity();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.processorCall.findUniqueOrThrow({ where: { id }, select: { status: true, result: true } });
    if (row.status !== 'PENDING') return outcomeOf(row.status, row.result);
    const left = deadline - Date.now();
    if (left <= 0) return null;
    activity?.heartbeat();
    const pause = Math.min(pollMs, left);
    if (activity) await activity.sleep(pause);
    else await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

export type Completion = { found: false } | { found: true; repeated: boolean; outcome: CallOutcome };

/** Records a callback's outcome on a pending call of `store`. A call already completed keeps
 *  its first outcome (`repeated`); a call id unknown to that store is `found: false`. */
export async function completeCall(db: Db, store: string, callId: string, outcome: CallOutcome, now: Date): Promise<Completion> {
  const row = await db.processorCall.findUnique({ where: { id: callId } });
  if (!row || row.store !== store) return { found: false };
  const { status, ...result } = outcome;
  const { count } = await db.processorCall.updateMany({ where: { id: callId, status: 'PENDING' }, data: { status, result: result as Prisma.InputJsonValue, completedAt: now } });
  if (count === 1) return { found: true, repeated: false, outcome };
  const current = await db.processorCall.findUniqueOrThrow({ where: { id: callId } });
  return { found: true, repeated: true, outcome: outcomeOf(current.status, current.result) };
}

function outcomeOf(status: string, result: Prisma.JsonValue): CallOutcome {
  const fields = (result ?? {}) as Omit<CallOutcome, 'status'>;
  return { ...fields, status: status as CallOutcome['status'] };
}
