// Store-task rows in and out, typed: a task's status is one of the domain's store states, its
// retained categories and erase record come back as the shapes the engine wrote. One task per
// request and store.
import { STORE_TASK_STATUSES, type ErasureRecord, type Retained, type StoreTaskStatus } from '../../domain/fulfilment';
import { Prisma, type StoreTask } from '../../generated/prisma/client';
import { oneOf, typedRow, type ColumnReaders, type TypedRow } from './checked-value';

type Tx = Prisma.TransactionClient;
type Reader = Pick<Tx, 'storeTask'>;

/** Which task: the request's, in the named store. */
export interface StoreTaskKey {
  requestId: string;
  store: string;
}

export interface TypedStoreTaskColumns {
  status: StoreTaskStatus;
  retained: Retained[] | null;
  erasure: ErasureRecord | null;
}

export type TypedStoreTask<Row> = TypedRow<Row, TypedStoreTaskColumns>;
export type StoreTaskRecord = TypedStoreTask<StoreTask>;

const COLUMN_READERS: ColumnReaders<TypedStoreTaskColumns> = {
  status: (v) => oneOf(STORE_TASK_STATUSES, v, 'StoreTask.status'),
  // JSON the engine alone writes, through taskData below.
  retained: (v) => (v ?? null) as Retained[] | null,
  erasure: (v) => (v ?? null) as ErasureRecord | null,
};

/** The row (or selection) with each typed column it holds checked and typed. */
export function storeTaskRecord<Row extends object>(row: Row): TypedStoreTask<Row> {
  return typedRow(COLUMN_READERS, row);
}

/** What a task is written with: the typed columns only as the domain's types. */
export type StoreTaskWrite = Partial<Omit<Prisma.StoreTaskUncheckedUpdateInput, keyof TypedStoreTaskColumns | 'requestId' | 'store'> & TypedStoreTaskColumns>;

/** Plain values a task is created (or overwritten) with. */
export type StoreTaskFields = Partial<Omit<Prisma.StoreTaskUncheckedCreateInput, keyof TypedStoreTaskColumns | 'id' | 'requestId' | 'store' | 'updatedAt'> & TypedStoreTaskColumns>;

function taskData<W extends Partial<TypedStoreTaskColumns>>(data: W) {
  const { retained, erasure, ...rest } = data;
  const json = (v: object | null) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));
  return { ...rest, ...(retained !== undefined && { retained: json(retained) }), ...(erasure !== undefined && { erasure: json(erasure) }) };
}

// Only the two key fields, whatever else the caller's object carries (a StoreWork, say).
const keyOf = (key: StoreTaskKey): StoreTaskKey => ({ requestId: key.requestId, store: key.store });
const where = (key: StoreTaskKey) => ({ requestId_store: keyOf(key) });

/** The request's tasks, by store name. */
export async function storeTasksOf(db: Reader, requestId: string): Promise<StoreTaskRecord[]> {
  return (await db.storeTask.findMany({ where: { requestId }, orderBy: { store: 'asc' } })).map(storeTaskRecord);
}

/** Selected columns of the request's tasks, typed, by store name. */
export async function storeTaskFieldsOf<S extends Prisma.StoreTaskSelect>(db: Reader, requestId: string, select: S): Promise<Array<TypedStoreTask<Prisma.StoreTaskGetPayload<{ select: S }>>>> {
  const rows: Array<Prisma.StoreTaskGetPayload<{ select: S }>> = await db.storeTask.findMany({ where: { requestId }, select, orderBy: { store: 'asc' } });
  return rows.map(storeTaskRecord);
}

/** The task, or null. */
export async function findStoreTask(db: Reader, key: StoreTaskKey): Promise<StoreTaskRecord | null> {
  const row = await db.storeTask.findUnique({ where: where(key) });
  return row && storeTaskRecord(row);
}

/** Selected columns of the task, typed, or null. */
export async function readStoreTaskFields<S extends Prisma.StoreTaskSelect>(db: Reader, key: StoreTaskKey, select: S): Promise<TypedStoreTask<Prisma.StoreTaskGetPayload<{ select: S }>> | null> {
  const row: Prisma.StoreTaskGetPayload<{ select: S }> | null = await db.storeTask.findUnique({ where: where(key), select });
  return row && storeTaskRecord(row);
}

/** Opens the task as PENDING unless it is there; returns it as it stands. */
export async function openStoreTask(db: Reader, key: StoreTaskKey): Promise<StoreTaskRecord> {
  return storeTaskRecord(await db.storeTask.upsert({ where: where(key), create: { ...keyOf(key), status: 'PENDING' }, update: {} }));
}

/** Writes `data` into the task, creating it with `data` when there is none (its status then required). */
export async function putStoreTask(db: Reader, key: StoreTaskKey, data: StoreTaskFields & { status: StoreTaskStatus }): Promise<StoreTaskRecord> {
  const fields = taskData(data);
  return storeTaskRecord(await db.storeTask.upsert({ where: where(key), create: { ...keyOf(key), ...fields }, update: fields }));
}

/** Writes `data` into the existing task; returns it as it now stands. */
export async function updateStoreTask(db: Reader, key: StoreTaskKey, data: StoreTaskWrite): Promise<StoreTaskRecord> {
  return storeTaskRecord(await db.storeTask.update({ where: where(key), data: taskData(data) }));
}

/** How many of the request's tasks are FAILED (the request is stuck while any is). */
export async function failedStoreTaskCount(db: Reader, requestId: string): Promise<number> {
  return db.storeTask.count({ where: { requestId, status: 'FAILED' satisfies StoreTaskStatus } });
}

/** Deletes every task of the request (retention/purge.ts, before the request's own row goes). */
export async function deleteStoreTasksOf(tx: Reader, requestId: string): Promise<void> {
  await tx.storeTask.deleteMany({ where: { requestId } });
}

/** Replaces each staff justification kept on the named requests' tasks with `text` (erasing the subject's notes). */
export async function replaceJustificationsOf(tx: Reader, requestIds: readonly string[], text: string): Promise<void> {
  await tx.storeTask.updateMany({ where: { requestId: { in: [...requestIds] }, justification: { not: null } }, data: { justification: text } });
}
