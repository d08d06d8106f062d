// Issue 13 item 9: failures encrypted in history, every ciphertext bound to its use, and the
// console's sign-in form protected against login CSRF.
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { Client, WorkflowFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import { sealBytes } from '../../crypto/aes-gcm';
import { createFieldCipher } from '../../crypto/field-cipher';
import { encryptedDataConverter } from '../../temporal/data-converter';
import { EncryptionCodec } from '../../temporal/encryption-codec';
import { TEMPORAL_TEST_SERVER } from '../support/paths';
import { testSecrets } from '../support/test-keys';
import { buildApp, startWebServer } from '../../server/app';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';
import { testDb } from '../support/database';
import { loginForm } from '../support/console-session';
import type { failingWorkflow } from '../support/failing-workflow';

const { keyring } = testSecrets();
const encoder = new TextEncoder();

/** Every byte field of a protobuf message tree, read as UTF-8 text and joined. */
function bytesAsText(node: unknown, seen = new Set<unknown>()): string {
  if (node instanceof Uint8Array) return Buffer.from(node).toString('utf8') + '\n';
  if (typeof node === 'string') return node + '\n';
  if (!node || typeof node !== 'object' || seen.has(node)) return '';
  seen.add(node);
  return Object.values(node).map((child) => bytesAsText(child, seen)).join('');
}

describe('failures in history', () => {
  test('when an activity and a workflow fail with personal data in their message, then the raw history holds neither message nor stack in clear, and the client still reads them', async () => {
    const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TEMPORAL_TEST_SERVER } } });
    try {
      const taskQueue = `failures-${randomUUID()}`;
      const dataConverter = encryptedDataConverter(keyring);
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowsPath: require.resolve('../support/failing-workflow'),
        activities: {
          async failWith(message: string) {
            throw new Error(`activity: ${message}`);
          },
        },
        dataConverter,
      });
      const client = new Client({ connection: env.client.connection, namespace: 'default', dataConverter });
      const secret = `li.wei.${randomUUID()}@example.com`;
      const workflowId = `failing-${randomUUID()}`;
      const outcome = await worker.runUntil(client.workflow.execute<typeof failingWorkflow>('failingWorkflow', { taskQueue, workflowId, args: [secret] }).catch((err: unknown) => err));
      expect(outcome).toBeInstanceOf(WorkflowFailedError);
      // Decoded through the codec, the client sees the message again.
      expect((outcome as WorkflowFailedError).cause?.message).toBe(`workflow: ${secret}`);

      const { history } = await client.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId } });
      const events = history?.events ?? [];
      expect(events.some((e) => e.activityTaskFailedEventAttributes)).toBe(true);
      expect(events.some((e) => e.workflowExecutionFailedEventAttributes)).toBe(true);
      const raw = bytesAsText(events);
      expect(raw).toContain('Encoded failure');
      expect(raw.includes(secret)).toBe(false);
      expect(raw.includes('activity: ')).toBe(false);
      expect(raw.includes('failing-workflow')).toBe(false);
    } finally {
      await env.teardown();
    }
  });
});

describe('ciphertexts bound to their use', () => {
  const cipher = createFieldCipher(keyring);
  const codec = new EncryptionCodec(keyring);
  const keyId = keyring.currentKeyId;

  /** A field's "v2:<key id>.<base64>" taken apart into the payload the codec would receive. */
  function fieldAsPayload(sealed: string, withMarker: boolean): Payload {
    const base64 = sealed.slice(sealed.lastIndexOf('.') + 1);
    return {
      metadata: { encoding: encoder.encode('binary/encrypted'), 'encryption-key-id': encoder.encode(keyId), ...(withMarker ? { 'encryption-format': encoder.encode('v2') } : {}) },
      data: Buffer.from(base64, 'base64'),
    };
  }

  test('when a database field ciphertext is handed to the codec as a payload, then it is refused, marked or not', async () => {
    const plainPayload = defaultPayloadConverter.toPayload({ email: 'li.wei@example.com' });
    // A field whose plaintext is a whole serialised payload, the most a replay could hope for.
    const sealed = cipher.encrypt(Buffer.from(temporal.api.common.v1.Payload.encode(plainPayload).finish()).toString('latin1'), 'AuditNote.body');
    expect(sealed.startsWith(`v3:${keyId}.`)).toBe(true);
    await expect(codec.decode([fieldAsPayload(sealed, true)])).rejects.toThrow();
    await expect(codec.decode([fieldAsPayload(sealed, false)])).rejects.toThrow();
  });

  test('when a payload ciphertext is stored as a database field, then the field cipher refuses it, marked or not', async () => {
    const [payload] = await codec.encode([defaultPayloadConverter.toPayload('li.wei@example.com')]);
    const base64 = Buffer.from(payload!.data!).toString('base64');
    for (const marker of ['v3:', 'v2:', '']) expect(() => cipher.decrypt(`${marker}${keyId}.${base64}`, 'DataSubject.emailEncrypted')).toThrow();
  });

  test('when a field ciphertext is copied into another column, then it does not open there, but opens in its own', () => {
    const dataKey = cipher.encrypt(randomBytes(32).toString('base64'), 'AccessPackage.dataKeySealed');
    expect(() => cipher.decrypt(dataKey, 'DataSubject.emailEncrypted')).toThrow();
    expect(() => cipher.decrypt(dataKey, 'AuditNote.body')).toThrow();
    const secret = cipher.encrypt('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'StaffAccount.totpSecret');
    expect(() => cipher.decrypt(secret, 'AuditNote.body')).toThrow();
    expect(cipher.decrypt(secret, 'StaffAccount.totpSecret')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  test('when ciphertexts were sealed before the binding, then both still open', async () => {
    const key = keyring.key(keyId);
    expect(cipher.decrypt(`${keyId}.${sealBytes(key, Buffer.from('old address', 'utf8')).toString('base64')}`, 'DataSubject.emailEncrypted')).toBe('old address');
    // Sealed for field use before the column binding ("v2:"): still opens, in any column it was written to.
    expect(cipher.decrypt(`v2:${keyId}.${sealBytes(key, Buffer.from('v2 address', 'utf8'), 'field').toString('base64')}`, 'DataSubject.emailEncrypted')).toBe('v2 address');
    const inner = temporal.api.common.v1.Payload.encode(defaultPayloadConverter.toPayload('old payload')).finish();
    const [opened] = await codec.decode([{ metadata: { encoding: encoder.encode('binary/encrypted'), 'encryption-key-id': encoder.encode(keyId) }, data: sealBytes(key, inner) }]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toBe('old payload');
    // A round trip under the binding.
    expect(cipher.decrypt(cipher.encrypt('new address', 'DataSubject.emailEncrypted'), 'DataSubject.emailEncrypted')).toBe('new address');
  });
});

describe('login CSRF on the console', () => {
  const db = testDb();
  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
  afterAll(async () => db.$disconnect());

  test('when a sign-in is posted without the form token and its cookie (as another site would), then it is refused 403 and no session begins; with both it signs in', async () => {
    const { identityPepper } = testSecrets();
    const app = await buildApp({ temporal: {} as never, taskQueue: 'unused', db, cipher: createFieldCipher(keyring), identityPepper, clock: () => new Date() });
    try {
      const baseUrl = await startWebServer(app, '127.0.0.1', 0);
      const username = `staff-${randomUUID().slice(0, 8)}`;
      const password = `pw-${randomUUID()}`;
      const { staffId } = await createStaffAccount(db, { username, displayName: 'Test agent', role: 'agent', password });
      const post = (fields: Record<string, string>, cookie?: string) =>
        fetch(`${baseUrl}/console/login`, { method: 'POST', redirect: 'manual', headers: { ...FORM, origin: 'https://evil.example', ...(cookie ? { cookie } : {}) }, body: new URLSearchParams(fields) });

      const form = await loginForm(baseUrl);
      const crossSite = await post({ username, password });
      expect(crossSite.status).toBe(403);
      expect(await crossSite.text()).toContain('did not come from this site');
      expect(crossSite.headers.getSetCookie().some((c) => c.startsWith('dsr_staff') || c.includes('Path=/console;'))).toBe(false);
      // A token without its cookie, or a cookie with another token, is no better.
      expect((await post({ username, password, _csrf: form.token })).status).toBe(403);
      expect((await post({ username, password, _csrf: (await loginForm(baseUrl)).token }, form.cookie)).status).toBe(403);
      expect(await db.staffSession.count({ where: { staffId } })).toBe(0);

      const signedIn = await post({ username, password, _csrf: form.token }, form.cookie);
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.get('location')).toBe('/console');
      expect(await db.staffSession.count({ where: { staffId } })).toBe(1);
    } finally {
      await app.close();
    }
  });
});
