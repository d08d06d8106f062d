// The stored deletion certificate: built once per request from the store tasks and the
// audit trail, kept with a SHA-256 digest of its canonical JSON so a copy can be checked
// against the record. A retried reply finds the certificate already issued and reuses it.
import { createHash } from 'node:crypto';
import type { CertificateBody, CertificateStore, PurgedPackage } from '../domain/deletion-certificate';
import type { Retained, StoreOutcome } from '../domain/fulfilment';
import { Prisma } from '../generated/prisma/client';
import { localDateOf } from '../policy';
import { collectedByMistake, minorOf, MISTAKEN_CHILD_DATA_STATEMENT } from '../domain/minor';
import { eraseSubjectNotes } from '../db/audit-notes';
import { appendAudit, auditEventsOf, readRequest, readRequestFields } from '../db/records';
import type { ActivityDeps } from './deps';
import { accountForStores, recordedSearch } from './store-account';
import { profileAccess } from './profile-access';

export interface IssuedCertificate {
  id: string;
  digest: string;
  body: CertificateBody;
}

/** The audit actions that settle a store, whatever way it was settled. */
const SETTLEMENTS = ['STORE_FULFILLED', 'STORE_SKIPPED', 'STORE_COMPLETED_MANUALLY', 'MANUAL_TASK_COMPLETED'];

/** JSON with object keys sorted at every level: the same body always gives the same text,
 *  however the database stores it. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256, hex, of the body's canonical JSON. */
export function certificateDigest(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

const asDetails = (d: unknown) => (d ?? {}) as { store?: string; anonymised?: number };

/** Builds the body from what each store's search and settlement left on record: every mapped
 *  store, those with nothing found and those not searched included. */
async function buildBody(deps: ActivityDeps, requestId: string, outcomes: StoreOutcome[], purged: PurgedPackage[]): Promise<CertificateBody> {
  const { db } = deps;
  const row = await readRequest(db, requestId);
  const events = await auditEventsOf(db, requestId, { actions: SETTLEMENTS });
  const manualTasks = await db.manualTask.findMany({ where: { requestId } });
  const accounts = await accountForStores(db, requestId, outcomes);
  const plannedAt = (await recordedSearch(db, requestId)).at?.toISOString() ?? null;
  const stores = accounts.map((a): CertificateStore => {
    const search = { search: a.result, ...(a.located && { located: a.located }), ...(a.reason !== undefined && { notSearchedReason: a.reason }) };
    const o = outcomes.find((x) => x.store === a.store);
    // No task: searched at planning and nothing found (or, before version 2, not searched).
    if (!o) return { store: a.store, ...search, settledBy: a.result === 'NOTHING_FOUND' ? 'ENGINE' : 'NOT_SETTLED', settledAt: plannedAt, erased: 0, anonymised: 0, retained: [] };
    const own = events.filter((e) => asDetails(e.details).store === o.store);
    const settled = own.at(-1);
    const fulfilled = own.filter((e) => e.action === 'STORE_FULFILLED').at(-1);
    const manualTask = manualTasks.find((t) => t.store === o.store && t.status === 'DONE');
    return {
      store: o.store,
      ...search,
      settledBy: o.settledBy,
      settledAt: settled?.at.toISOString() ?? null,
      erased: o.processed,
      anonymised: o.settledBy === 'ENGINE' ? (asDetails(fulfilled?.details).anonymised ?? 0) : 0,
      retained: o.retained.map(({ category, records, reason, reference, basis }): Retained => ({ category, records, reason, reference, basis })),
      ...(o.settledBy === 'SKIPPED' ? { justification: o.note ?? '' } : {}),
      ...(o.settledBy === 'MANUAL' ? { note: manualTask?.note ?? o.note ?? '' } : {}),
      ...(o.settledBy === 'MANUAL' && manualTask?.outcome ? { manualOutcome: manualTask.outcome as CertificateStore['manualOutcome'] } : {}),
    };
  });
  const sum = (f: (s: CertificateStore) => number) => stores.reduce((n, s) => n + f(s), 0);
  return {
    version: 2,
    requestId,
    requestType: row.type,
    regime: row.regime,
    receivedAt: row.receivedAt.toISOString(),
    completedOn: localDateOf(deps.clock(), (await profileAccess(deps.db, deps.profile, deps.holidayDataDir).establishmentOf(row)).timeZone),
    stores,
    accessPackagesPurged: purged,
    totals: { erased: sum((s) => s.erased), anonymised: sum((s) => s.anonymised), retained: sum((s) => s.retained.reduce((n, r) => n + r.records, 0)) },
    ...(collectedByMistake(minorOf(row.details)) && {
      openedOnOwnMotion: { by: 'COMPLIANCE' as const, reason: 'CHILD_DATA_COLLECTED_BY_MISTAKE' as const, statement: { ...MISTAKEN_CHILD_DATA_STATEMENT } },
    }),
  };
}

/** Issues the request's certificate once; later calls return the one on record. */
export async function issueDeletionCertificate(deps: ActivityDeps, requestId: string, outcomes: StoreOutcome[], purged: PurgedPackage[] = []): Promise<IssuedCertificate> {
  const { db } = deps;
  const onRecord = async () => {
    const c = await db.deletionCertificate.findUnique({ where: { requestId } });
    return c && { id: c.id, digest: c.digest, body: c.body as unknown as CertificateBody };
  };
  const existing = await onRecord();
  if (existing) return existing;
  const body = await buildBody(deps, requestId, outcomes, purged);
  const digest = certificateDigest(body);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.deletionCertificate.create({ data: { requestId, issuedAt: deps.clock(), body: body as unknown as Prisma.InputJsonValue, digest } });
      await appendAudit(tx, { requestId, actor: 'system', action: 'DELETION_CERTIFICATE_ISSUED', details: { certificateId: created.id, digest }, eventKey: `${requestId}:deletion-certificate` });
      // The erasure is complete: staff's notes about the subject go too; the trail keeps their place and the count.
      const { subjectId } = await readRequestFields(tx, requestId, { subjectId: true });
      const notesErased = await eraseSubjectNotes(tx, subjectId, deps.clock());
      await appendAudit(tx, { requestId, actor: 'system', action: 'AUDIT_NOTES_ERASED', details: { count: notesErased }, eventKey: `${requestId}:audit-notes-erased` });
      return { id: created.id, digest, body };
    });
  } catch (err) {
    // Two attempts at once: the other one's certificate stands.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return (await onRecord())!;
    throw err;
  }
}
