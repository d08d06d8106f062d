// Every store of the data map is accounted for in every request. The registry follows the
// shipped map plus the example stores of docs/examples, with the main database, the file store
// and the marketing database connected; redis-sessions (no REDIS_URL), crm-processor (no
// CRM_PROCESSOR_URL/SECRET) and paper-archive (not in MANUAL_STORES) are not. A deletion waits for compliance on each of them; an access
// request completes and says, store by store, what was searched, found, or not searched and why.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CertificateBody } from '../../domain/deletion-certificate';
import type { StoreSearch } from '../../domain/store-account';
import { retryStoreUpdate, skipStoreUpdate, statusQuery } from '../../workflows/messages';
import { eventually } from '../support/http';
import { mapWithExampleStores } from '../support/demo-estate';
import { startMappedWorkflowStack, type MappedWorkflowStack } from '../support/mapped-workflow-stack';
import { approveErasure, mailTo } from './helpers';

const NOT_CONNECTED: Record<string, string> = {
  'redis-sessions': 'not connected: REDIS_URL is not set',
  'crm-processor': 'not connected: CRM_PROCESSOR_URL and CRM_PROCESSOR_SECRET are not set',
  'paper-archive': 'not connected: MANUAL_STORES does not name it',
};
const MAP = mapWithExampleStores();
const MAPPED = MAP.stores.map((s) => s.name);

let stack: MappedWorkflowStack;
let files = '';
beforeAll(async () => {
  files = await mkdtemp(path.join(tmpdir(), 'dsr-unconnected-files-'));
  stack = await startMappedWorkflowStack({ fileStoreDir: files }, { map: MAP, marketing: true });
});
afterAll(async () => {
  await stack?.close();
  await rm(files, { recursive: true, force: true });
});

/** A subject with an account and two service-log rows, nothing elsewhere. */
async function subject(): Promise<string> {
  const email = `unconnected-${randomUUID()}@example.org`;
  await stack.db.customerAccount.create({ data: { email, fullName: 'Zhou Min', phone: '+86 138 0000 0007', plan: 'basic' } });
  await stack.db.serviceLog.createMany({ data: [1, 2].map((i) => ({ email, ipAddress: `10.0.0.${i}`, at: new Date() })) });
  return email;
}

/** What planning recorded for each store, from the audit trail. */
async function searchOnRecord(requestId: string): Promise<Map<string, StoreSearch>> {
  const planned = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'FULFILMENT_PLANNED' } });
  return new Map(((planned.details as { search: StoreSearch[] }).search).map((s) => [s.store, s]));
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

test('when a deletion meets mapped stores that are not connected, then it waits STUCK with each store NOT SEARCHED and its reason, a retry fails the same way, and after audited skips it completes with the skips and justifications on the certificate and in the mail', async () => {
  const email = await subject();
  const { requestId, handle } = await stack.start('DELETION', email);
  await approveErasure(handle);

  const stuck = await eventually(async () => {
    const s = await handle.query(statusQuery);
    return s.status === 'STUCK' && Object.keys(NOT_CONNECTED).every((store) => s.stores[store]?.status === 'FAILED') ? s : null;
  }, 60_000);
  for (const [store, reason] of Object.entries(NOT_CONNECTED)) {
    expect(stuck.stores[store]).toEqual({ status: 'FAILED', reason });
    const task = await stack.db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store } } });
    expect(task).toMatchObject({ status: 'FAILED', lastError: reason });
    const failed = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'STORE_FAILED', details: { path: ['store'], equals: store } } });
    expect(failed.reason).toBe(reason);
    expect(failed.details).toMatchObject({ searched: false, notConnected: true });
  }
  expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).stuck).toBe(true);
  // What was connected was erased meanwhile; the request still cannot complete.
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
  expect(await stack.db.serviceLog.count({ where: { email } })).toBe(0);

  // Retry: the worker has no new connection, so the store fails again with the same reason.
  await handle.executeUpdate(retryStoreUpdate, { args: [{ staffId: 'officer-1', store: 'redis-sessions' }] });
  await eventually(async () => (await stack.db.auditEvent.count({ where: { requestId, action: 'STORE_FAILED', details: { path: ['store'], equals: 'redis-sessions' } } })) === 2 || null, 60_000);
  const again = await eventually(async () => {
    const s = await handle.query(statusQuery);
    return s.status === 'STUCK' && s.stores['redis-sessions']?.status === 'FAILED' ? s : null;
  }, 60_000);
  expect(again.stores['redis-sessions']!.reason).toBe(NOT_CONNECTED['redis-sessions']);

  const justification = (store: string) => `Not connected in this deployment; ${store} is checked by its owner team under ticket PRIV-42`;
  for (const store of Object.keys(NOT_CONNECTED)) {
    await handle.executeUpdate(skipStoreUpdate, { args: [{ staffId: 'officer-1', store, justification: justification(store) }] });
  }
  expect((await handle.result()).status).toBe('COMPLETED');

  // Each skip is audited; its justification was an erasable note (the erasure is complete, so it is cleared) and never trail text.
  for (const store of Object.keys(NOT_CONNECTED)) {
    const skipped = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'STORE_SKIPPED', details: { path: ['store'], equals: store } } });
    expect(skipped).toMatchObject({ actor: 'staff:officer-1', reason: null, details: expect.objectContaining({ noteId: expect.any(String) }) });
    const note = await stack.db.auditNote.findUniqueOrThrow({ where: { id: (skipped.details as { noteId: string }).noteId } });
    expect(note).toMatchObject({ body: null, erasedAt: expect.any(Date) });
  }

  // The certificate lists every mapped store, each matching the audit trail.
  const certificate = await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId } });
  const body = certificate.body as unknown as CertificateBody;
  expect(body.version).toBe(2);
  expect(body.stores.map((s) => s.store).sort()).toEqual([...MAPPED].sort());
  const search = await searchOnRecord(requestId);
  for (const entry of body.stores) {
    const recorded = search.get(entry.store)!;
    if (entry.store in NOT_CONNECTED) {
      expect(recorded).toEqual({ store: entry.store, result: 'NOT_SEARCHED', reason: NOT_CONNECTED[entry.store] });
      expect(entry).toMatchObject({ search: 'NOT_SEARCHED', notSearchedReason: NOT_CONNECTED[entry.store], settledBy: 'SKIPPED', justification: justification(entry.store), erased: 0 });
    } else if (recorded.result === 'SEARCHED') {
      expect(entry).toMatchObject({ search: 'SEARCHED', located: recorded.located, settledBy: 'ENGINE', erased: total(recorded.located) });
      const fulfilled = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'STORE_FULFILLED', details: { path: ['store'], equals: entry.store } } });
      expect(fulfilled.details).toMatchObject({ processed: entry.erased });
    } else {
      expect(recorded.result).toBe('NOTHING_FOUND');
      expect(entry).toMatchObject({ search: 'NOTHING_FOUND', settledBy: 'ENGINE', erased: 0 });
    }
  }
  expect(body.stores.find((s) => s.store === 'customer-accounts')).toMatchObject({ search: 'SEARCHED', erased: 2 });
  expect(body.stores.find((s) => s.store === 'service-logs')).toMatchObject({ search: 'SEARCHED', erased: 2 });
  expect(body.stores.find((s) => s.store === 'billing')).toMatchObject({ search: 'NOTHING_FOUND' });

  const mail = await mailTo(stack.mail, email, /has been deleted/);
  expect(mail.text).toContain(`Certificate ${certificate.id}`);
  for (const [store, reason] of Object.entries(NOT_CONNECTED)) {
    expect(mail.text).toContain(`${store}: NOT SEARCHED (${reason}); left out by our compliance team, who gave this justification: ${justification(store)}`);
  }
  expect(mail.text).toContain('billing: searched, nothing found');
  expect(mail.text).toContain('customer-accounts: 2 records erased');
});

test('when an access request meets mapped stores that are not connected, then it completes and the reply lists every mapped store as searched with counts, nothing found, or not searched with the reason, as the audit trail records', async () => {
  const email = await subject();
  const { requestId, handle } = await stack.start('ACCESS', email);
  expect((await handle.result()).status).toBe('COMPLETED');
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'STORE_FAILED' } })).toBe(0);

  const mail = await mailTo(stack.mail, email, /ready to download/);
  const search = await searchOnRecord(requestId);
  expect([...search.keys()].sort()).toEqual([...MAPPED].sort());
  for (const store of MAPPED) {
    const recorded = search.get(store)!;
    if (store in NOT_CONNECTED) {
      expect(recorded).toEqual({ store, result: 'NOT_SEARCHED', reason: NOT_CONNECTED[store] });
      expect(mail.text).toContain(`${store}: NOT SEARCHED (${NOT_CONNECTED[store]})`);
    } else if (recorded.result === 'SEARCHED') {
      expect(mail.text).toContain(`${store}: searched, ${total(recorded.located)} records found`);
    } else {
      expect(recorded.result).toBe('NOTHING_FOUND');
      expect(mail.text).toContain(`${store}: searched, nothing found`);
    }
  }
  expect(search.get('customer-accounts')).toEqual({ store: 'customer-accounts', result: 'SEARCHED', located: { contact: 1, corporate: 0, account: 1 } });
  expect(search.get('service-logs')).toEqual({ store: 'service-logs', result: 'SEARCHED', located: { network: 2, device: 0 } });
});
