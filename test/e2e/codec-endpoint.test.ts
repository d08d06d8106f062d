// The codec endpoint lets the Temporal Web UI and CLI show staff the payloads that the
// worker encrypted, and nobody without the token or a compliance/admin staff session, from
// anywhere but the configured origins.
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createFieldCipher } from '../../crypto/field-cipher';
import { buildApp, startWebServer } from '../../server/app';
import type { ServerDeps } from '../../server/deps';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';
import { EncryptionCodec, ENCRYPTED_ENCODING } from '../../temporal/encryption-codec';
import { testDb } from '../support/database';
import { signInOverApi } from '../support/staff-sign-in';
import { testSecrets } from '../support/test-keys';

const UI_ORIGIN = 'http://127.0.0.1:8233';
const TOKEN = randomBytes(32).toString('hex');
const { keyring, identityPepper } = testSecrets();

let app: FastifyInstance;
let baseUrl: string;

type PayloadJson = { metadata?: Record<string, string>; data?: string };

/** Builds the HTTP app over real crypto; the codec never reaches Temporal or the database. */
async function startApp(codec: ServerDeps['codec']): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildApp({
    temporal: {} as never,
    taskQueue: 'unused',
    db: {} as never,
    cipher: createFieldCipher(keyring),
    identityPepper,
    clock: () => new Date(),
    codec,
  });
  return { app, baseUrl: await startWebServer(app, '127.0.0.1', 0) };
}

/** A codec call as the Web UI 2.x makes it (JSON body, X-Namespace, its query string), with the bearer token unless told otherwise. */
async function codecCall(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/codec${path}?preserveStorageRefs=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-namespace': 'default', authorization: `Bearer ${TOKEN}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
}

function toJson(payload: Payload): PayloadJson {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, base64(v)])),
    data: base64(payload.data ?? new Uint8Array()),
  };
}

const b64 = (text: string) => Buffer.from(text).toString('base64');
const fromB64 = (text: string | undefined) => Buffer.from(text ?? '', 'base64').toString('utf8');

beforeAll(async () => {
  ({ app, baseUrl } = await startApp({ keyring, authToken: TOKEN, allowedOrigins: [UI_ORIGIN, 'http://localhost:8233'] }));
});
afterAll(async () => app?.close());

test('when a payload encrypted by the worker is decoded over HTTP, then the original comes back; encoding over HTTP is refused', async () => {
  const original = { requestId: 'c0ffee00-0000-4000-8000-000000000001', email: 'li.wei@example.com' };
  const plain = toJson(defaultPayloadConverter.toPayload(original));

  // The Web UI would encode only to start or signal workflows from the UI, which the engine does not allow.
  const refused = await codecCall('/encode', { payloads: [plain] });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toBe('ENCODE_REFUSED');
  expect(refused.text.includes(b64(JSON.stringify(original)))).toBe(false);

  const [sealed] = await new EncryptionCodec(keyring).encode([defaultPayloadConverter.toPayload(original)]);
  const encoded = { payloads: [toJson(sealed!)] };
  expect(fromB64(encoded.payloads[0]!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
  expect(fromB64(encoded.payloads[0]!.data).includes('li.wei@example.com')).toBe(false);

  const decoded = await codecCall('/decode', encoded);
  expect(decoded.status).toBe(200);
  expect(decoded.body.payloads).toHaveLength(1);
  expect(fromB64(decoded.body.payloads[0].metadata.encoding)).toBe('json/plain');
  expect(JSON.parse(fromB64(decoded.body.payloads[0].data))).toEqual(original);
});

test("when the worker's codec encrypted payloads, then /decode returns the original JSON of each", async () => {
  const values = [{ email: 'wang.fang@example.org', code: '123456' }, 'plain text', 42];
  const encrypted = await new EncryptionCodec(keyring).encode(values.map((v) => defaultPayloadConverter.toPayload(v)));

  const res = await codecCall('/decode', { payloads: encrypted.map(toJson) });

  expect(res.status).toBe(200);
  expect(res.body.payloads.map((p: PayloadJson) => JSON.parse(fromB64(p.data)))).toEqual(values);
});

test('when a payload is not encrypted, then /decode returns it unchanged', async () => {
  const plain = toJson(defaultPayloadConverter.toPayload({ status: 'COMPLETED' }));
  const nullPayload = { metadata: { encoding: b64('binary/null') } };

  const res = await codecCall('/decode', { payloads: [plain, nullPayload] });

  expect(res.status).toBe(200);
  expect(res.body.payloads).toEqual([plain, nullPayload]);
});

test('when a payload is larger than the public API allows, then the codec still decodes it', async () => {
  const original = { export: 'x'.repeat(200_000) };
  const [encrypted] = await new EncryptionCodec(keyring).encode([defaultPayloadConverter.toPayload(original)]);

  const res = await codecCall('/decode', { payloads: [toJson(encrypted!)] });

  expect(res.status).toBe(200);
  expect(JSON.parse(fromB64(res.body.payloads[0].data))).toEqual(original);
});

test('when the token is missing, then 401 with a message that says how to send it', async () => {
  const res = await codecCall('/decode', { payloads: [] }, { authorization: '' });

  expect(res.status).toBe(401);
  expect(res.body.error).toBe('UNAUTHORIZED');
  expect(res.body.message).toMatch(/Authorization: Bearer/);
  expect(res.text.includes(TOKEN)).toBe(false);
});

test('when the token is wrong, then 401 and the answer does not echo what was sent', async () => {
  const wrong = `${TOKEN.slice(0, -4)}0000`;
  for (const authorization of [`Bearer ${wrong}`, `Basic ${TOKEN}`, TOKEN]) {
    const res = await codecCall('/encode', { payloads: [] }, { authorization, origin: UI_ORIGIN });

    expect(res.status).toBe(401);
    expect(res.body.error).toBe('UNAUTHORIZED');
    expect(res.text.includes(wrong)).toBe(false);
    expect(res.text.includes(TOKEN)).toBe(false);
    expect([...res.headers.values()].join(' ').includes(TOKEN.slice(0, 16))).toBe(false);
    // The Web UI must be able to read the refusal, so it carries the CORS headers too.
    expect(res.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
  }
});

test('when the Web UI preflights from an allowed origin, then it gets the CORS headers, and another origin gets none', async () => {
  const preflight = (origin: string) =>
    fetch(`${baseUrl}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-namespace' },
    });

  for (const origin of [UI_ORIGIN, 'http://localhost:8233']) {
    const allowed = await preflight(origin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    expect(allowed.headers.get('access-control-allow-headers')).toBe('Content-Type, Authorization, X-Namespace');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
  }

  const other = await preflight('https://attacker.example');
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
  expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  expect(other.headers.get('access-control-allow-headers')).toBeNull();
});

test('when a payload claims encryption but cannot be decrypted, then 400 UNDECRYPTABLE without internals', async () => {
  const [good] = await new EncryptionCodec(keyring).encode([defaultPayloadConverter.toPayload('ok')]);
  const encryptedMeta = (keyId: string) => ({ encoding: b64(ENCRYPTED_ENCODING), 'encryption-key-id': b64(keyId) });
  const undecryptable = [
    { metadata: encryptedMeta('test-key'), data: b64('garbage, not AES-GCM') },
    { metadata: encryptedMeta('retired-key'), data: toJson(good!).data },
    { metadata: encryptedMeta('test-key') },
    { ...toJson(good!), data: Buffer.from(Buffer.from(toJson(good!).data!, 'base64').map((b, i) => (i === 20 ? b ^ 1 : b))).toString('base64') },
  ];

  for (const payload of undecryptable) {
    const res = await codecCall('/decode', { payloads: [toJson(good!), payload] });

    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'UNDECRYPTABLE', message: expect.stringMatching(/^Payload 2 could not be decrypted/) });
    expect(res.text).not.toMatch(/at .*\.ts|stack|authenticate|Unknown encryption key/i);
  }
});

test('when the body is not a list of payloads, then 400 with a message, never 500', async () => {
  const tooMany = Array.from({ length: 101 }, () => ({ data: b64('x') }));
  const bodies: unknown[] = [
    {},
    { payloads: 'nope' },
    { payloads: [{ data: 'not base64 at all!' }] },
    { payloads: [{ metadata: { encoding: { nested: 'object' } } }] },
    { payloads: [{ data: b64('x'), extra: true }] },
    // Types are not coerced in a body: null is not an empty string, a number not its digits (found by npm run fuzz).
    { payloads: [{ data: null }] },
    { payloads: [{ metadata: { encoding: 12 } }] },
    { payloads: tooMany },
    '{"payloads": [',
    '[]',
  ];

  for (const body of bodies) {
    for (const path of ['/encode', '/decode']) {
      const res = await codecCall(path, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
      expect(typeof res.body.message).toBe('string');
    }
  }
});

test('when no codec token is configured, then there is no codec endpoint at all', async () => {
  const bare = await startApp(undefined);
  try {
    const res = await fetch(`${bare.baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ payloads: [] }),
    });
    expect(res.status).toBe(404);
  } finally {
    await bare.app.close();
  }
});

describe('a signed-in staff session instead of the token (the Web UI sends cookies, not a fixed token)', () => {
  const db = testDb();
  let staffApp: { app: FastifyInstance; baseUrl: string };
  beforeAll(async () => {
    const app = await buildApp({
      temporal: {} as never,
      taskQueue: 'unused',
      db,
      cipher: createFieldCipher(keyring),
      identityPepper,
      clock: () => new Date(),
      codec: { keyring, authToken: TOKEN, allowedOrigins: [UI_ORIGIN] },
    });
    staffApp = { app, baseUrl: await startWebServer(app, '127.0.0.1', 0) };
  });
  afterAll(async () => {
    await staffApp?.app.close();
    await db.$disconnect();
  });

  /** Signs a new account of the role in over the API; returns its cookie token and CSRF token. */
  async function signedIn(role: 'agent' | 'compliance' | 'admin') {
    const username = `codec-${randomBytes(4).toString('hex')}`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    await createStaffAccount(db, { username, displayName: `Codec ${role}`, role, password });
    const { cookie, csrfToken } = await signInOverApi(staffApp.baseUrl, username, password);
    return { cookie, csrfToken };
  }

  const decodeWithCookie = async (cookie: string, origin = UI_ORIGIN) => {
    const [encrypted] = await new EncryptionCodec(keyring).encode([defaultPayloadConverter.toPayload({ email: 'li.wei@example.com' })]);
    const res = await fetch(`${staffApp.baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-namespace': 'default', cookie, origin },
      body: JSON.stringify({ payloads: [toJson(encrypted!)] }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: string; payloads?: PayloadJson[] } };
  };

  test('when a compliance officer opens the codec for their session, then the Web UI’s cookie decodes payloads until they sign out', async () => {
    const officer = await signedIn('compliance');
    const opened = await fetch(`${staffApp.baseUrl}/api/staff/codec-session`, { method: 'POST', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken } });
    expect(opened.status).toBe(204);
    const setCookie = opened.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/Path=\/codec/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const codecCookie = setCookie.split(';')[0]!;
    expect(codecCookie).toBe(officer.cookie);

    const decoded = await decodeWithCookie(codecCookie);
    expect(decoded.status).toBe(200);
    expect(JSON.parse(fromB64(decoded.body.payloads![0]!.data))).toEqual({ email: 'li.wei@example.com' });
    expect(decoded.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(decoded.headers.get('access-control-allow-credentials')).toBe('true');

    // From an origin that is not the Web UI's, the same cookie opens nothing.
    expect(await decodeWithCookie(codecCookie, 'https://attacker.example')).toMatchObject({ status: 403, body: { error: 'ORIGIN_FORBIDDEN' } });

    const signedOut = await fetch(`${staffApp.baseUrl}/api/staff/session`, { method: 'DELETE', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken } });
    expect(signedOut.status).toBe(204);
    expect(await decodeWithCookie(codecCookie)).toMatchObject({ status: 401, body: { error: 'UNAUTHORIZED' } });
  });

  test('when an agent’s session or a made-up cookie is sent, then the codec refuses it', async () => {
    const agent = await signedIn('agent');
    expect(await decodeWithCookie(agent.cookie)).toMatchObject({ status: 403, body: { error: 'ROLE_FORBIDDEN' } });
    const opened = await fetch(`${staffApp.baseUrl}/api/staff/codec-session`, { method: 'POST', headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken } });
    expect(opened.status).toBe(403);
    expect(await decodeWithCookie(`dsr_staff=${randomBytes(32).toString('base64url')}`)).toMatchObject({ status: 401 });
    expect(await decodeWithCookie('unrelated=1')).toMatchObject({ status: 401 });
  });
});
