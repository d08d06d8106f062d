// The erase record of one store task (StoreTask.erasure): what the store held right before the
// first attempt erased anything, then what that attempt reported. An attempt that erased and
// then died (the worker killed after the store committed) left nothing to find; its retry
// reports the first attempt's counts from here instead of 0.
import type { DataCategory, ErasureResult, Retained } from '../domain/fulfilment';
import type { Db } from '../db/prisma';
import { readStoreTaskFields, updateStoreTask } from '../db/records';

export type { ErasureResult } from '../domain/fulfilment';

/** What an attempt that left no result must have erased: per category not kept now, what was
 *  there before less what is left. Its anonymised records cannot be told apart and count 0. */
function inferred(before: Record<DataCategory, number>, now: Record<DataCategory, number>, keptNow: Retained[]): ErasureResult {
  const kept = new Set(keptNow.map((r) => r.category));
  const erased = Object.entries(before).reduce((sum, [c, n]) => sum + (kept.has(c) ? 0 : Math.max(0, n - (now[c] ?? 0))), 0);
  return { erased, retained: [] };
}

/** Runs `erase` for the task with its record kept on the way: returns the erasure of every
 *  attempt so far (this one's plus an earlier one's), and the counts from before the first. */
export async function recordedErase(
  db: Db,
  task: { requestId: string; store: string },
  located: Record<DataCategory, number>,
  erase: () => Promise<ErasureResult>,
): Promise<{ result: ErasureResult; before: Record<DataCategory, number> }> {
  const row = await readStoreTaskFields(db, task, { erasure: true });
  const earlier = row?.erasure ?? null;
  const before = earlier?.before ?? located;
  // Written before anything is erased: a crash from here on leaves this behind for the retry.
  if (!earlier) await updateStoreTask(db, task, { erasure: { before } });
  const now = await erase();
  const first = earlier ? (earlier.result ?? inferred(earlier.before, located, now.retained)) : null;
  const result: ErasureResult = first
    ? { erased: first.erased + now.erased, retained: now.retained, ...(first.anonymised !== undefined || now.anonymised !== undefined ? { anonymised: (first.anonymised ?? 0) + (now.anonymised ?? 0) } : {}) }
    : now;
  await updateStoreTask(db, task, { erasure: { before, result } });
  return { result, before };
}
