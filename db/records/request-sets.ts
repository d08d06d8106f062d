// Questions asked across many request rows (a subject's requests, the open ones, the ones due
// for purging, a report's counts), each named for what it answers, so that callers outside
// db/records never write a query on the request table. Single rows are in request-records.ts.
import type { RequestType } from '../../domain/request-kinds';
import { CLOSED_STATUSES, type RequestStatus } from '../../domain/status';
import type { Prisma } from '../../generated/prisma/client';
import { requestRecord, type RequestRecord } from './request-records';

type Tx = Prisma.TransactionClient;
type Reader = Pick<Tx, 'dsrRequest'>;

/** The request a sameness question is asked about. */
export interface RequestOfSubject {
  id: string;
  subjectId: string;
  type: RequestType;
  receivedAt: Date;
}

const othersOfSameKindOpen = (r: RequestOfSubject) => ({ subjectId: r.subjectId, type: r.type, id: { not: r.id }, status: { notIn: [...CLOSED_STATUSES] } });

/** The earliest verified open request of the same subject and type received no later than
 *  `request`, the one it would repeat; null when there is none. */
export async function openVerifiedOriginalOf(db: Reader, request: RequestOfSubject): Promise<RequestRecord | null> {
  const row = await db.dsrRequest.findFirst({
    where: { ...othersOfSameKindOpen(request), verifiedAt: { not: null }, receivedAt: { lte: request.receivedAt } },
    orderBy: { receivedAt: 'asc' },
  });
  return row && requestRecord(row);
}

/** Ids of the subject's other open requests of the same type still awaiting verification, oldest first. */
export async function unverifiedTwinIdsOf(db: Reader, request: RequestOfSubject): Promise<string[]> {
  const awaiting: RequestStatus = 'AWAITING_VERIFICATION';
  const rows = await db.dsrRequest.findMany({ where: { ...othersOfSameKindOpen(request), verifiedAt: null, status: awaiting }, select: { id: true }, orderBy: { receivedAt: 'asc' } });
  return rows.map((r) => r.id);
}

/** How many other verified requests of the subject, of the given types and not duplicates, were received in [from, to]. */
export async function countVerifiedOriginalsInWindow(db: Reader, request: Pick<RequestOfSubject, 'id' | 'subjectId'>, types: readonly RequestType[], from: Date, to: Date): Promise<number> {
  return db.dsrRequest.count({
    where: { subjectId: request.subjectId, id: { not: request.id }, type: { in: [...types] }, verifiedAt: { not: null }, duplicateOfId: null, receivedAt: { gte: from, lte: to } },
  });
}

/** Records when identity was verified, unless a time is already recorded (a retried step keeps the first). */
export async function recordVerifiedOnce(db: Reader, id: string, at: Date): Promise<void> {
  await db.dsrRequest.updateMany({ where: { id, verifiedAt: null }, data: { verifiedAt: at } });
}

/** Ids of all the subject's requests, open or closed. */
export async function requestIdsOf(db: Reader, subjectId: string): Promise<string[]> {
  return (await db.dsrRequest.findMany({ where: { subjectId }, select: { id: true } })).map((r) => r.id);
}

/** The id of the subject's most recently received request, or undefined. */
export async function latestRequestIdOf(db: Reader, subjectId: string): Promise<string | undefined> {
  return (await db.dsrRequest.findFirst({ where: { subjectId }, orderBy: { receivedAt: 'desc' }, select: { id: true } }))?.id;
}

/** Ids of the subject's account closures not yet closed. */
export async function openAccountClosureIdsOf(db: Reader, subjectId: string): Promise<string[]> {
  const closure: RequestType = 'ACCOUNT_CLOSURE';
  return (await db.dsrRequest.findMany({ where: { subjectId, type: closure, closedAt: null }, select: { id: true } })).map((r) => r.id);
}

/** How many requests of the identity (its e-mail's keyed hash) the subject filed themselves still wait for the code. */
export async function countUnverifiedSelfFiledOf(db: Reader, emailHash: string): Promise<number> {
  const unverified: RequestStatus[] = ['RECEIVED', 'AWAITING_VERIFICATION'];
  return db.dsrRequest.count({ where: { subject: { emailHash }, status: { in: unverified }, attestedBy: null } });
}

/** The distinct holiday warnings (data/holidays years missing when the due date was counted) of open requests. */
export async function openRequestHolidayWarnings(db: Reader): Promise<string[]> {
  const rows = await db.dsrRequest.findMany({ where: { closedAt: null, holidayWarning: { not: null } }, select: { holidayWarning: true }, distinct: ['holidayWarning'] });
  return rows.flatMap((r) => (r.holidayWarning === null ? [] : [r.holidayWarning]));
}

/** Up to `take` requests closed on or before `cutoff` whose subject no unreleased legal hold protects. */
export async function closedUnheldRequestsBefore(db: Reader, cutoff: Date, take: number): Promise<Array<{ id: string; subjectId: string }>> {
  return db.dsrRequest.findMany({
    where: { closedAt: { lte: cutoff }, subject: { legalHolds: { none: { releasedAt: null } } } },
    select: { id: true, subjectId: true },
    take,
  });
}

/** Deletes the request's own row (what is filed under it must be gone first: retention/purge.ts). */
export async function deleteRequestRow(tx: Reader, id: string): Promise<void> {
  await tx.dsrRequest.delete({ where: { id } });
}

/** Per regime and outcome, how many requests were received in [from, to), one regime only when
 *  named. The regime stays the text the row holds: a report counts every row, as its SQL
 *  companion in server/use-cases/report-summary.ts does, rather than refuse a whole period over one. */
export async function outcomeCountsByRegime(db: Reader, from: Date, to: Date, regime?: string): Promise<Array<{ regime: string; outcome: string | null; count: number }>> {
  const groups = await db.dsrRequest.groupBy({
    by: ['regime', 'outcome'],
    where: { receivedAt: { gte: from, lt: to }, ...(regime ? { regime } : {}) },
    _count: { _all: true },
    orderBy: [{ regime: 'asc' }, { outcome: 'asc' }],
  });
  return groups.map((g) => ({ regime: g.regime, outcome: g.outcome, count: g._count._all }));
}
