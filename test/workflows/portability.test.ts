// PORTABILITY requests on the time-skipping server over the main database's real stores: the
// package holds only the categories the data map marks "provided", as JSON files with a
// manifest and a JSON Schema; the reply is checked in both languages; the due date comes from the
// policy data; the fee rule of the regime applies (PIPL: a cost fee once the free ones are used,
// Network Data Security Management Regulations art 25; GDPR: free).
import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFieldCipher } from '../../crypto/field-cipher';
import { computeDueDate, getRegime } from '../../policy';
import { REPLAY_KEYRING } from '../fixtures/replay-keyring';
import { eventually } from '../support/http';
import { languageParts } from '../support/mail-stack';
import { decryptPackageFile, zipTexts } from '../support/package-reader';
import { demoEstablishment } from '../support/profiles';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { statusQuery } from '../../workflows/messages';
import { mailTo, requestRow, seedEarlierRequests, subjectIdOf } from './helpers';

const cipher = createFieldCipher(REPLAY_KEYRING);
let stack: WorkflowStack;
let work = '';
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dsr-portability-'));
  stack = await startWorkflowStack();
});
afterAll(async () => {
  await stack?.close();
  await rm(work, { recursive: true, force: true });
});

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };

async function subjectWithData() {
  const email = `pt-${randomUUID()}@example.org`;
  await stack.db.customerAccount.create({ data: { email, fullName: 'Wang Fang', phone: '+86 139 0000 0001', plan: 'basic' } });
  await stack.db.serviceLog.create({ data: { email, ipAddress: '203.0.113.7', at: new Date() } });
  await stack.db.paymentMethod.create({ data: { email, type: 'card', brand: 'UnionPay', last4: '4321', holderName: 'WANG FANG', expiry: '09/29' } });
  return email;
}

describe('a portability request', () => {
  test('when a subject asks for their data under PIPL, then the package holds only what they provided, with a manifest and a schema, and the reply says so in both languages', async () => {
    const email = await subjectWithData();
    const { requestId, handle } = await stack.start({ email, type: 'PORTABILITY', attestation: attested });
    expect(await handle.result()).toMatchObject({ status: 'COMPLETED', outcome: 'FULFILLED' });

    const row = await stack.db.accessPackage.findUniqueOrThrow({ where: { requestId } });
    const zipPath = path.join(work, `${requestId}.zip`);
    await decryptPackageFile(cipher, row, zipPath);
    const texts = await zipTexts(zipPath);
    // Observed data (service logs: IP address, device) stays out; what the subject gave is in.
    expect([...texts.keys()].filter((n) => n.startsWith('service-logs/'))).toEqual([]);
    expect(JSON.parse(texts.get('customer-accounts/contact.json')!)).toEqual([expect.objectContaining({ fullName: 'Wang Fang' })]);
    expect(JSON.parse(texts.get('billing/payment.json')!)).toEqual([expect.objectContaining({ last4: '4321' })]);
    const manifest = JSON.parse(texts.get('manifest.json')!) as { requestId: string; basis: string; files: Array<{ store: string; category: string; records: number; path: string; schema: string }> };
    expect(manifest.requestId).toBe(requestId);
    expect(manifest.basis).toContain('PIPL art 45 para 3');
    expect(manifest.files.map((f) => `${f.store}/${f.category}`).sort()).toEqual(['billing/payment', 'customer-accounts/account', 'customer-accounts/contact']);
    for (const f of manifest.files) expect(texts.has(f.path)).toBe(true);
    const schema = JSON.parse(texts.get('schema.json')!) as { $defs: Record<string, { items: { properties: Record<string, unknown> } }> };
    expect(Object.keys(schema.$defs['customer-accounts__contact']!.items.properties)).toEqual(expect.arrayContaining(['fullName', 'phone']));

    const mail = await mailTo(stack.mail, email, /portable format/);
    const parts = languageParts(mail.text, 'en');
    expect(parts.en).toContain('we have put the personal information you provided into a structured, machine-readable package');
    expect(parts.en).toContain('- billing / payment: 1 record');
    expect(parts.en).toContain('Only what you provided is included');
    expect(parts.zh).toContain('我们已将由您提供的个人信息整理为结构化、机器可读的下载包');
    expect(parts.zh).toContain('- billing / payment：1 条记录');
    expect(parts.zh).toContain('manifest.json 列出全部文件，schema.json 为各文件的 JSON Schema');

    const r = await requestRow(stack.db, requestId);
    expect(r.dueAt).toEqual(
      computeDueDate({ regime: getRegime(r.regime), establishment: demoEstablishment(r.regime), receivedAt: r.receivedAt, identityVerifiedAt: r.verifiedAt, requestType: 'PORTABILITY' }).dueAt,
    );
  });

  test('when a PIPL subject has used the free requests of the year, then the transfer carries the cost fee the policy data allows', async () => {
    const email = await subjectWithData();
    const first = await stack.start({ email, type: 'PORTABILITY', attestation: attested });
    await first.handle.result();
    await seedEarlierRequests(stack.db, await subjectIdOf(stack.db, first.requestId), 1, 'PORTABILITY', stack.now());
    const { handle } = await stack.start({ email, type: 'PORTABILITY', attestation: attested });
    await eventually(async () => ((await handle.query(statusQuery)).status === 'AWAITING_FEE' ? true : null));
    expect((await handle.query(statusQuery)).fee).toMatchObject({ amount: 30, currency: 'CNY' });
    expect(getRegime('CN_PIPL').rights.portability.feeCitation).toMatch(/Network Data Security Management Regulations art 25/);
    await handle.terminate('test over');
  });

  test('when a GDPR subject asks again within the year, then no fee is quoted: portability is free there', async () => {
    const email = await subjectWithData();
    const first = await stack.start({ email, type: 'PORTABILITY', regime: 'EU_GDPR', attestation: attested });
    await first.handle.result();
    await seedEarlierRequests(stack.db, await subjectIdOf(stack.db, first.requestId), 3, 'PORTABILITY', stack.now());
    const { handle } = await stack.start({ email, type: 'PORTABILITY', regime: 'EU_GDPR', attestation: attested });
    expect(await handle.result()).toMatchObject({ status: 'COMPLETED', fee: null });
  });
});
