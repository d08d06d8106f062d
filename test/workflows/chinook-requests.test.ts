// A schema nobody here designed, reached through the real workflow: Chinook declared in the
// example data map (docs/examples/chinook.data-map.json), in PostgreSQL and in MariaDB. An
// access request returns exactly the customer's rows in the decrypted package; a deletion
// with a legal hold on invoices keeps them and the certificate prints the hold.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { CertificateBody } from '../../domain/deletion-certificate';
import { REPLAY_KEYRING } from '../fixtures/replay-keyring';
import { MYSQL_NAMES, openChinook, POSTGRES_NAMES, type Chinook, type ChinookNames } from '../support/chinook';
import { eventually } from '../support/http';
import { decryptPackageFile, zipTexts } from '../support/package-reader';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { attestIdentityUpdate, statusQuery } from '../../workflows/messages';
import { approveErasure, subjectIdOf } from './helpers';

const attested = { staffId: 'agent-1', evidenceNote: 'Caller answered the account questions' };
const cipher = createFieldCipher(REPLAY_KEYRING);

describe.each<[ChinookNames, 'CHINOOK_POSTGRES_URL' | 'CHINOOK_MYSQL_URL']>([
  [POSTGRES_NAMES, 'CHINOOK_POSTGRES_URL'],
  [MYSQL_NAMES, 'CHINOOK_MYSQL_URL'],
])('Chinook declared in the data map (%#)', (n, urlVariable) => {
  let chinook: Chinook;
  let stack: WorkflowStack;
  let work = '';
  beforeAll(async () => {
    chinook = openChinook(n, urlVariable);
    stack = await startWorkflowStack([chinook.store]);
    work = await mkdtemp(path.join(tmpdir(), 'dsr-chinook-'));
  });
  afterAll(async () => {
    await stack?.close();
    await chinook?.close();
    await rm(work, { recursive: true, force: true });
  });

  const emailOf = async (id: number) => String((await chinook.db.selectFrom(n.customer).select(n.email).where(n.customerId, '=', id).executeTakeFirstOrThrow())[n.email]);

  test('when a Chinook customer asks for access, then the decrypted package holds exactly their customer, invoice and invoice-line rows', async () => {
    const own = await chinook.rowsOf(10);
    const someoneElse = await emailOf(11);
    // Asked with the address in another case: the map's rule matches it case-insensitively.
    const { requestId, handle } = await stack.start({ email: (await emailOf(10)).toUpperCase(), attestation: attested });
    expect((await handle.result()).status).toBe('COMPLETED');

    const row = await stack.db.accessPackage.findUniqueOrThrow({ where: { requestId } });
    const zipPath = path.join(work, `${requestId}.zip`);
    await decryptPackageFile(cipher, row, zipPath);
    const texts = await zipTexts(zipPath);
    const json = (file: string) => JSON.parse(texts.get(`${n.store}/${file}.json`) ?? '[]') as Array<Record<string, unknown>>;
    const strip = (rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> => rows.map(({ _table, ...rest }) => ({ table: _table, ...rest }));
    const byTable = (table: string) => strip([...json('contact'), ...json('address'), ...json('invoice')]).filter((r) => r.table === table);
    expect(byTable(n.customer).length).toBeGreaterThanOrEqual(1);
    expect(byTable(n.customer).every((r) => r[n.customerId] === 10 || String(r[n.customerId]) === '10')).toBe(true);
    expect(byTable(n.invoice).map((r) => Number(r[n.invoiceId])).sort((a, b) => a - b)).toEqual(own.invoices.map((i) => Number(i[n.invoiceId])).sort((a, b) => a - b));
    expect(byTable(n.line).map((r) => Number(r[n.lineId])).sort((a, b) => a - b)).toEqual(own.lines.map((l) => Number(l[n.lineId])).sort((a, b) => a - b));
    const everything = [...texts.values()].join('\n');
    expect(everything).not.toContain(someoneElse);
  });

  test('when a request carries only a Chinook customer\'s telephone number (its e-mail unknown to Chinook), then the real workflow finds them by phone and the package holds exactly their rows', async () => {
    const id = 15;
    const own = await chinook.rowsOf(id);
    const phone = String(own.customer[0]?.[n.phone]);
    // Written as a caller would give it: another spacing, the 00 international prefix.
    const spoken = `00${phone.replace(/[^0-9]/g, '').replace(/(\d{3})(?=\d)/g, '$1 ')}`;
    const email = `caller-${id}-${n.store}@example.org`;
    const { requestId, handle } = await stack.start({ email, phone: spoken, attestation: attested });
    expect((await handle.result()).status).toBe('COMPLETED');

    const row = await stack.db.accessPackage.findUniqueOrThrow({ where: { requestId } });
    const zipPath = path.join(work, `${requestId}.zip`);
    await decryptPackageFile(cipher, row, zipPath);
    const texts = await zipTexts(zipPath);
    const json = (file: string) => JSON.parse(texts.get(`${n.store}/${file}.json`) ?? '[]') as Array<Record<string, unknown>>;
    const rows = [...json('contact'), ...json('address'), ...json('invoice')];
    const ofTable = (table: string, key: string) => rows.filter((r) => r._table === table).map((r) => Number(r[key])).sort((a, b) => a - b);
    expect(ofTable(n.customer, n.customerId)).toEqual([id]);
    expect(ofTable(n.invoice, n.invoiceId)).toEqual(own.invoices.map((i) => Number(i[n.invoiceId])).sort((a, b) => a - b));
    expect(ofTable(n.line, n.lineId)).toEqual(own.lines.map((l) => Number(l[n.lineId])).sort((a, b) => a - b));
    // The number travels encrypted: the request row holds its ciphertext and keyed hash, no digits of it in clear.
    const request = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(cipher.decrypt(request.phoneEncrypted ?? '', 'DsrRequest.phoneEncrypted')).toBe(`+${phone.replace(/[^0-9]/g, '')}`);
    expect(request.phoneHash).toMatch(/^[0-9a-f]{64}$/);
    const digits = phone.replace(/[^0-9]/g, '');
    expect(JSON.stringify({ ...request, phoneEncrypted: null })).not.toContain(digits);
    expect(handle.workflowId).not.toContain(digits);
  });

  test('when a Chinook customer is erased under a legal hold on invoices, then invoices and lines stay as they were and the certificate prints the hold', async () => {
    const id = 12;
    const email = await emailOf(id);
    const before = await chinook.rowsOf(id);
    const { requestId, handle } = await stack.start({ email, type: 'DELETION' });
    await eventually(async () => ((await handle.query(statusQuery)).status === 'AWAITING_VERIFICATION' ? true : null), 60_000);
    const basis = 'Tax Collection Administration Law art. 24 (audit of the 2025 returns)';
    const hold = await stack.db.legalHold.create({
      data: { subjectId: await subjectIdOf(stack.db, requestId), store: n.store, category: 'invoice', authority: 'State Taxation Administration', reason: 'Audit 2026-17', basis, startsAt: new Date(stack.now().getTime() - 60_000), createdBy: 'staff:officer-1' },
    });
    await handle.executeUpdate(attestIdentityUpdate, { args: [attested] });
    await approveErasure(handle);
    expect((await handle.result()).status).toBe('COMPLETED');

    const after = await chinook.rowsOf(id);
    expect(after.invoices).toEqual(before.invoices);
    expect(after.lines).toEqual(before.lines);
    const certificate = (await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId } })).body as unknown as CertificateBody;
    const store = certificate.stores.find((s) => s.store === n.store);
    expect(store?.retained).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'invoice', reason: 'LEGAL_HOLD', reference: hold.id, basis })]));
  });
});
