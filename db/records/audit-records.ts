// Audit rows in and out: appending an event once per event key even when an activity is
// retried, and reading a request's trail with its details as the JSON object the engine wrote.
// The trail is append-only: nothing here updates or deletes an event.
import type { DataCategory, FieldUnchanged, Retained } from '../../domain/fulfilment';
import type { ManageResult } from '../../domain/manage';
import type { StoreSearch } from '../../domain/store-account';
import type { AuditEvent, Prisma } from '../../generated/prisma/client';
import { typedRow, type ColumnReaders, type TypedRow } from './checked-value';

type Tx = Prisma.TransactionClient;
type Reader = Pick<Tx, 'auditEvent'>;

/** Non-personal facts about an event (store names, counts, legal grounds, a note's id). */
export type AuditDetails = { [key: string]: unknown };

export interface AuditEntry {
  requestId: string;
  actor: string;
  action: string;
  reason?: string;
  /** A JSON-shaped object of facts; the engine's own interfaces (Retained, ...) are accepted as they are. */
  details?: object;
  eventKey?: string;
}

/** Writes one audit event; a repeat of the same event key is ignored. */
export async function appendAudit(tx: Reader, entry: AuditEntry): Promise<void> {
  const { details, ...rest } = entry;
  // Plain data by contract (AuditEntry.details); Prisma's JSON type wants an index signature the interfaces lack.
  await tx.auditEvent.createMany({ data: [{ ...rest, ...(details !== undefined && { details: details as Prisma.InputJsonObject }) }], skipDuplicates: true });
}

/** True when an event with this key is already on the trail (a retried step's first attempt committed). */
export async function eventRecorded(tx: Reader, eventKey: string): Promise<boolean> {
  return (await tx.auditEvent.findUnique({ where: { eventKey }, select: { id: true } })) !== null;
}

export interface TypedAuditColumns {
  details: AuditDetails | null;
}
export type AuditRecord = TypedRow<AuditEvent, TypedAuditColumns>;

const COLUMN_READERS: ColumnReaders<TypedAuditColumns> = {
  details: (v) => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'object' && !Array.isArray(v)) return v as AuditDetails;
    throw new Error(`AuditEvent.details holds ${Array.isArray(v) ? 'an array' : typeof v}, not an object.`);
  },
};

/** The event (or a selection of it) with its details checked to be an object. */
export function auditRecord<Row extends object>(row: Row): TypedRow<Row, TypedAuditColumns> {
  return typedRow(COLUMN_READERS, row);
}

/** The request's events, the given actions only when named: in time order (ties in the order
 *  written), or strictly in the order written (`'written'`), where the last of a retried step must win. */
export async function auditEventsOf(db: Reader, requestId: string, options: { actions?: readonly string[]; order?: 'time' | 'written' } = {}): Promise<AuditRecord[]> {
  const rows = await db.auditEvent.findMany({
    where: { requestId, ...(options.actions && { action: { in: [...options.actions] } }) },
    orderBy: options.order === 'written' ? [{ id: 'asc' }] : [{ at: 'asc' }, { id: 'asc' }],
  });
  return rows.map(auditRecord);
}

/** The first event of `action` on the request, or null. */
export async function firstAuditEvent(db: Reader, requestId: string, action: string): Promise<AuditRecord | null> {
  const row = await db.auditEvent.findFirst({ where: { requestId, action }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  return row && auditRecord(row);
}

/** The last event of `action` written on the request, or null. */
export async function lastAuditEvent(db: Reader, requestId: string, action: string): Promise<AuditRecord | null> {
  const row = await db.auditEvent.findFirst({ where: { requestId, action }, orderBy: { id: 'desc' } });
  return row && auditRecord(row);
}

/** The facts of a STORE_FULFILLED event as fulfilment writes them (activities/fulfilment.ts). */
export interface StoreFulfilledDetails {
  store: string;
  located?: Record<DataCategory, number>;
  processed?: number;
  retained?: Retained[];
  changes?: Array<{ field: string }>;
  unchanged?: FieldUnchanged[];
  anonymised?: number;
  managed?: ManageResult[];
}

/** Per store, the details of its last STORE_FULFILLED event: an earlier one was an attempt
 *  retried after it recorded. `order` as in auditEventsOf. */
export async function storeFulfilmentsOf(db: Reader, requestId: string, order: 'time' | 'written' = 'time'): Promise<Map<string, StoreFulfilledDetails>> {
  const events = await auditEventsOf(db, requestId, { actions: ['STORE_FULFILLED'], order });
  // Written by fulfilStore alone, with its store's name: the engine's own JSON.
  const details = events.map((e) => e.details).filter((d): d is AuditDetails & { store: string } => typeof d?.store === 'string');
  return new Map(details.map((d) => [d.store, d as StoreFulfilledDetails]));
}

/** The action of the event recording the fulfilment plan. */
export const FULFILMENT_PLANNED = 'FULFILMENT_PLANNED';

/** The facts of the FULFILMENT_PLANNED event: the stores planned and each mapped store's search. */
export interface FulfilmentPlannedDetails {
  stores?: string[];
  search?: StoreSearch[];
}

/** The request's fulfilment plan as recorded (the first, should a retry have written again), or null. */
export async function recordedPlanOf(db: Reader, requestId: string): Promise<{ details: FulfilmentPlannedDetails; at: Date } | null> {
  const planned = await firstAuditEvent(db, requestId, FULFILMENT_PLANNED);
  // Written by planFulfilment alone: the engine's own JSON.
  return planned && { details: (planned.details ?? {}) as FulfilmentPlannedDetails, at: planned.at };
}

/** The id of the erasable note an event's details refer to (db/audit-notes.ts), if any. */
export function noteIdOf(details: AuditDetails | null): string | undefined {
  return typeof details?.noteId === 'string' ? details.noteId : undefined;
}

/** The request of an event of `action` whose details hold `key: value` (a hold's or a
 *  signal's id), or undefined. */
export async function requestAuditedWith(db: Reader, action: string, key: string, value: string): Promise<string | undefined> {
  const row = await db.auditEvent.findFirst({ where: { action, details: { path: [key], equals: value } }, select: { requestId: true } });
  return row?.requestId;
}
