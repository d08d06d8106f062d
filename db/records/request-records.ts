// Request rows in and out, typed: the type, status, channel, regime, language and what the
// request waits for leave the database as the domain's types, checked once here, and go in
// only as those types. Callers select what they need; whichever typed columns a selection
// holds come back typed, the others as Prisma gives them.
import { AWAITING_VALUES, type Awaiting } from '../../domain/awaiting';
import type { ManageChoice } from '../../domain/manage';
import type { MinorFlag } from '../../domain/minor';
import { REGIME_KEYS, type RegimeKey } from '../../domain/regime-key';
import type { RequestFee } from '../../domain/request-fee';
import { CHANNELS, LANGUAGES, REQUEST_TYPES, type Channel, type Language, type RequestType } from '../../domain/request-kinds';
import { REQUEST_STATUSES, type RequestStatus } from '../../domain/status';
import { Prisma, type DsrRequest } from '../../generated/prisma/client';
import { oneOf, oneOfOrNull, typedRow, type ColumnReaders, type TypedRow } from './checked-value';

type Tx = Prisma.TransactionClient;

/** A wait on the subject recorded against the clock (activities/deadlines.ts). */
export interface RecordedPause {
  from: string;
  to: string;
  reason: 'fee';
}

/** The request's non-personal details as intake and the deadline steps write them. */
export interface RequestDetails {
  /** Which fields a correction touches, never their new values. */
  correctionFields?: Record<string, boolean>;
  manage?: ManageChoice;
  minor?: MinorFlag;
  /** The registered recipient a PORTABILITY package is sent to (its id, not personal data). */
  portabilityRecipient?: string;
  pauses?: RecordedPause[];
}

/** The columns read as the domain's types rather than as text or JSON. */
export interface TypedRequestColumns {
  type: RequestType;
  status: RequestStatus;
  channel: Channel;
  regime: RegimeKey;
  language: Language;
  awaiting: Awaiting;
  fee: RequestFee | null;
  details: RequestDetails | null;
}

/** A row, or a selection of one, with its typed columns typed. */
export type Typed<Row> = TypedRow<Row, TypedRequestColumns>;

/** A whole request row. */
export type RequestRecord = Typed<DsrRequest>;

const COLUMN_READERS: ColumnReaders<TypedRequestColumns> = {
  type: (v) => oneOf(REQUEST_TYPES, v, 'DsrRequest.type'),
  status: (v) => oneOf(REQUEST_STATUSES, v, 'DsrRequest.status'),
  channel: (v) => oneOf(CHANNELS, v, 'DsrRequest.channel'),
  regime: (v) => oneOf(REGIME_KEYS, v, 'DsrRequest.regime'),
  language: (v) => oneOf(LANGUAGES, v, 'DsrRequest.language'),
  awaiting: (v) => oneOfOrNull(AWAITING_VALUES, v, 'DsrRequest.awaiting'),
  // JSON the engine alone writes, through requestData below.
  fee: (v) => (v ?? null) as RequestFee | null,
  details: (v) => (v ?? null) as RequestDetails | null,
};

/** The row (or selection) with each typed column it holds checked and typed. */
export function requestRecord<Row extends object>(row: Row): Typed<Row> {
  return typedRow(COLUMN_READERS, row);
}

/** The request, or null. */
export async function findRequest(db: Pick<Tx, 'dsrRequest'>, id: string): Promise<RequestRecord | null> {
  const row = await db.dsrRequest.findUnique({ where: { id } });
  return row && requestRecord(row);
}

/** The request; throws Prisma's not-found error when there is none. */
export async function readRequest(db: Pick<Tx, 'dsrRequest'>, id: string): Promise<RequestRecord> {
  return requestRecord(await db.dsrRequest.findUniqueOrThrow({ where: { id } }));
}

/** Selected columns of the request, typed, or null. */
export async function findRequestFields<S extends Prisma.DsrRequestSelect>(db: Pick<Tx, 'dsrRequest'>, id: string, select: S): Promise<Typed<Prisma.DsrRequestGetPayload<{ select: S }>> | null> {
  const row: Prisma.DsrRequestGetPayload<{ select: S }> | null = await db.dsrRequest.findUnique({ where: { id }, select });
  return row && requestRecord(row);
}

/** Selected columns of each of the named requests that exists, typed. */
export async function findRequestsFields<S extends Prisma.DsrRequestSelect>(db: Pick<Tx, 'dsrRequest'>, ids: readonly string[], select: S): Promise<Array<Typed<Prisma.DsrRequestGetPayload<{ select: S }>>>> {
  const rows: Array<Prisma.DsrRequestGetPayload<{ select: S }>> = await db.dsrRequest.findMany({ where: { id: { in: [...ids] } }, select });
  return rows.map(requestRecord);
}

/** Selected columns of the request, typed; throws Prisma's not-found error when there is none. */
export async function readRequestFields<S extends Prisma.DsrRequestSelect>(db: Pick<Tx, 'dsrRequest'>, id: string, select: S): Promise<Typed<Prisma.DsrRequestGetPayload<{ select: S }>>> {
  const row: Prisma.DsrRequestGetPayload<{ select: S }> = await db.dsrRequest.findUniqueOrThrow({ where: { id }, select });
  return requestRecord(row);
}

/** What a request row is written with: the typed columns only as the domain's types. */
export type RequestWrite = Partial<Omit<Prisma.DsrRequestUncheckedUpdateInput, keyof TypedRequestColumns> & TypedRequestColumns>;
export type RequestCreate = Omit<Prisma.DsrRequestUncheckedCreateInput, keyof TypedRequestColumns | 'id'> & { id: string } & Pick<TypedRequestColumns, 'type' | 'status' | 'channel' | 'regime' | 'language'> & Partial<Pick<TypedRequestColumns, 'awaiting' | 'fee' | 'details'>>;

/** Prisma's form of the typed columns: JSON null as the database's NULL. */
function requestData<W extends Partial<TypedRequestColumns>>(data: W) {
  const { fee, details, ...rest } = data;
  return {
    ...rest,
    ...(fee !== undefined && { fee: fee === null ? Prisma.DbNull : fee }),
    ...(details !== undefined && { details: details === null ? Prisma.DbNull : (details as Prisma.InputJsonObject) }),
  };
}

/** Creates the request's row unless it is there (intake and the workflow both call it). */
export async function createRequestOnce(tx: Pick<Tx, 'dsrRequest'>, data: RequestCreate): Promise<void> {
  await tx.dsrRequest.upsert({ where: { id: data.id }, create: requestData(data), update: {} });
}

/** Writes the given columns of the request's row. */
export async function updateRequest(tx: Pick<Tx, 'dsrRequest'>, id: string, data: RequestWrite): Promise<void> {
  await tx.dsrRequest.update({ where: { id }, data: requestData(data) });
}
