// PORTABILITY requests on the time-skipping server over the main database's real stores: the
// package holds only the categories the data map marks "provided", as JSON files with a
// manifest and a JSON Schema; the reply is checked in both languages; the due date comes from the
// policy data; the fee rule of the regime applies (PIPL: a cost fee once the free ones are used,
// Network Data Security Management Regulations art 25; GDPR: free). Where the subject names a
// recipient the controller registered (PIPL art 45 para 3), the package is also sent to it over a
// signed call (test/support/portability-recipient.ts, written from docs/portability-recipients.md),
// its receipt is verified and recorded, and the reply says whether it acknowledged and when.
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
import { demoEstablishment, profileWith } from '../support/profiles';
import { startRecipient, type RecipientBehaviour, type RecipientSimulator } from '../support/portability-recipient';
import { TRANSFER_ATTEMPTS, TRANSFER_RETRY_DELAYS } from '../../domain/portability-transfer';
import { startWorkflowStack, type StartedRequest, type WorkflowStack } from '../support/workflow-stack';
import { statusQuery } from '../../workflows/messages';
import { mailTo, requestRow, seedEarlierRequests, subjectIdOf } from './helpers';

const cipher = createFieldCipher(REPLAY_KEYRING);
let stack: WorkflowStack;
let work = '';
let recipient: RecipientSimulator;
// The profile names the variable; the secret itself only ever lives in the environment.
const SECRET_ENV = 'DSR_TEST_PORTABILITY_RECIPIENT_SECRET';
const RECIPIENT = { id: 'lianhe-cloud', name: { zh: '联合云存储', en: 'Lianhe Cloud Storage' } };
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dsr-portability-'));
  recipient = await startRecipient(RECIPIENT.id, () => stack.now());
  process.env[SECRET_ENV] = recipient.secret;
  const profile = profileWith((p) => {
    p.portabilityRecipients = [{ ...RECIPIENT, url: recipient.url, secretEnv: SECRET_ENV }];
  });
  stack = await startWorkflowStack([], { profile });
});
afterAll(async () => {
  await stack?.close();
  await recipient?.close();
  delete process.env[SECRET_ENV];
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
    // Not while the quote's mail is on its way: an activity that outlives its workflow holds the
    // test server's time still for every later test of the file.
    await eventually(async () => ((await handle.describe()).raw.pendingActivities ?? []).length === 0);
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

const utcMinute = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const SECONDS: Record<string, number> = { minute: 60, minutes: 60, hour: 3600, hours: 3600 };
const secondsOf = (delay: string) => Number(delay.split(' ')[0]) * SECONDS[delay.split(' ')[1]!]!;

/** Moves the test server past each wait between attempts, once the workflow has set that wait's
 *  timer: a skip made before it exists would land while an attempt runs, and the next timer
 *  would then lie past the skip, leaving the request waiting in real time (a lane of the whole
 *  run, on a loaded machine, timed out so). */
async function outlastRetries(handle: StartedRequest['handle']) {
  for (const delay of TRANSFER_RETRY_DELAYS) {
    await eventually(async () => {
      const { events } = await handle.fetchHistory();
      return (events ?? []).some((e) => Number(e.timerStartedEventAttributes?.startToFireTimeout?.seconds ?? 0) === secondsOf(delay));
    }, 60_000);
    await stack.env.sleep((secondsOf(delay) + 60) * 1000);
  }
}

/** A PIPL portability request naming the registered recipient, run to its end with the recipient answering as told. */
async function transferTo(behaviour: RecipientBehaviour) {
  recipient.behaviour = behaviour;
  const email = await subjectWithData();
  const { requestId, handle } = await stack.start({ email, type: 'PORTABILITY', attestation: attested, portabilityRecipient: RECIPIENT.id });
  if (behaviour === 'unavailable') await outlastRetries(handle);
  // Whatever the recipient does, the request completes: the package is the subject's all the same.
  expect(await handle.result()).toMatchObject({ status: 'COMPLETED', outcome: 'FULFILLED' });
  const calls = recipient.received.filter((c) => c.requestReference === requestId);
  const transfer = await stack.db.portabilityTransfer.findUniqueOrThrow({ where: { requestId } });
  const audit = await stack.db.auditEvent.findMany({ where: { requestId, action: { startsWith: 'PORTABILITY_TRANSFER' } } });
  const mail = languageParts((await mailTo(stack.mail, email, /portable format/)).text, 'en');
  return { email, requestId, calls, transfer, audit, mail };
}

describe('a portability request that names a registered recipient', () => {
  test('when the recipient acknowledges with a signed receipt, then the package it got is the subject’s, the receipt is recorded and audited, and the reply says when it acknowledged in both languages', async () => {
    const { email, requestId, calls, transfer, audit, mail } = await transferTo('acknowledge');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    // What the recipient got is what the subject downloads: the same manifest, the provided data only.
    expect(call!.digestMatches).toBe(true);
    expect(call!.idempotencyKey).toBe(`${requestId}:portability-transfer`);
    const row = await stack.db.accessPackage.findUniqueOrThrow({ where: { requestId } });
    const zipPath = path.join(work, `${requestId}.zip`);
    await decryptPackageFile(cipher, row, zipPath);
    const texts = await zipTexts(zipPath);
    expect(call!.package.manifest).toEqual(JSON.parse(texts.get('manifest.json')!));
    expect(call!.package.data['billing/payment.json']).toEqual([expect.objectContaining({ last4: '4321' })]);
    expect(Object.keys(call!.package.data).some((p) => p.startsWith('service-logs/'))).toBe(false);

    expect(transfer).toMatchObject({ recipientId: RECIPIENT.id, state: 'ACKNOWLEDGED', attempts: 1, lastCallId: call!.callId, packageDigest: call!.packageDigest, problem: null });
    expect(transfer.receipt).toMatchObject({ recipientId: RECIPIENT.id, callId: call!.callId, requestReference: requestId, packageDigest: call!.packageDigest });
    expect(transfer.acknowledgedAt).toBeInstanceOf(Date);
    expect(audit.map((a) => a.action)).toEqual(['PORTABILITY_TRANSFER_ACKNOWLEDGED']);
    expect(audit[0]!.details).toMatchObject({ recipientId: RECIPIENT.id, state: 'ACKNOWLEDGED', packageDigest: call!.packageDigest });
    expect(JSON.stringify(audit.map((a) => [a.reason, a.details]))).not.toContain(email);

    const at = utcMinute(transfer.acknowledgedAt!);
    expect(mail.en).toContain(`As you asked, we sent the package over a signed, encrypted connection to the recipient you named, Lianhe Cloud Storage; the recipient acknowledged receipt at ${at}.`);
    expect(mail.zh).toContain(`按照您的要求，我们已通过签名的加密连接将该数据包发送给您指定的接收方“联合云存储”；对方已于 ${at} 确认收到。`);
    // The link is there too: the subject keeps their own copy.
    expect(mail.en).toContain('Your download link');
  });

  test('when the recipient refuses the package, then it is not retried, the request completes, and the reply says plainly it was not delivered', async () => {
    const { calls, transfer, audit, mail } = await transferTo('refuse');
    expect(calls).toHaveLength(1);
    expect(transfer).toMatchObject({ state: 'REFUSED', attempts: 1, acknowledgedAt: null, receipt: null });
    expect(transfer.problem).toBe('refused the package (HTTP 422, code format-not-supported)');
    expect(audit.map((a) => a.action)).toEqual(['PORTABILITY_TRANSFER_FAILED']);
    expect(mail.en).toContain('You asked us to send the package to Lianhe Cloud Storage, but it was not delivered: the recipient refused it. You can still download the package with the link below');
    expect(mail.zh).toContain('您要求将数据包转移给“联合云存储”，但未能送达：对方拒绝接收。您仍可通过下方链接下载数据包');
    expect(mail.en).not.toContain('acknowledged receipt');
  });

  test('when the recipient stays down, then the package is tried a bounded number of times, each with a call id of its own, and the reply says it could not be reached', async () => {
    const { requestId, calls, transfer, audit, mail } = await transferTo('unavailable');
    expect(calls).toHaveLength(TRANSFER_ATTEMPTS);
    expect(new Set(calls.map((c) => c.callId)).size).toBe(TRANSFER_ATTEMPTS);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([`${requestId}:portability-transfer`]));
    expect(transfer).toMatchObject({ state: 'UNREACHABLE', attempts: TRANSFER_ATTEMPTS, lastCallId: calls.at(-1)!.callId, acknowledgedAt: null });
    expect(transfer.problem).toBe(`answered HTTP 503, ${TRANSFER_ATTEMPTS} times`);
    expect(audit.map((a) => a.action)).toEqual(['PORTABILITY_TRANSFER_FAILED']);
    expect(mail.en).toContain('but it was not delivered: we could not reach the recipient after several attempts.');
    expect(mail.zh).toContain('但未能送达：经多次尝试仍无法连接对方。');
  });

  test.each([
    ['signed with another secret', 'forged-signature' as const, /^the receipt's signature was refused: the signature does not match the body$/],
    ['for another package', 'wrong-digest' as const, /^the receipt does not match the call: packageDigest$/],
  ])('when the recipient’s receipt is %s, then it is not accepted: nothing is recorded as acknowledged and the reply says the package was not delivered', async (_what, behaviour, problem) => {
    const { calls, transfer, audit, mail } = await transferTo(behaviour);
    expect(calls).toHaveLength(1);
    expect(transfer).toMatchObject({ state: 'RECEIPT_INVALID', acknowledgedAt: null, receipt: null });
    expect(transfer.problem).toMatch(problem);
    expect(audit.map((a) => a.action)).toEqual(['PORTABILITY_TRANSFER_FAILED']);
    expect(mail.en).toContain('but it was not delivered: the recipient’s acknowledgement of receipt could not be verified, so we do not count it as delivered.');
    expect(mail.zh).toContain('但未能送达：对方的收到确认无法核实，因此我们不视为已送达。');
    expect(mail.en).not.toContain('acknowledged receipt at');
  });
});
