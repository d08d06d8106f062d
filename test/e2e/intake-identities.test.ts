// Identities beyond the e-mail address at intake, on the real stack (JSON API, PostgreSQL,
// Temporal): a telephone number is brought to E.164 and an account id kept as given, each stored
// only encrypted with a keyed hash; a bad one is a 400 that names the field and leaves nothing.
import { randomUUID } from 'node:crypto';
import { createFieldCipher } from '../../crypto/field-cipher';
import { api } from '../support/http';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

describe('intake of a phone number and an account id', () => {
  test('when they are given with the request, then the request row holds them encrypted with keyed hashes, and nothing in clear', async () => {
    const email = `phone-${randomUUID()}@example.org`;
    const res = await api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'ACCESS', language: 'en', phone: '0086 (138) 0013-8000', accountId: ' CUST-004217 ' });
    expect(res.status).toBe(202);
    const row = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: res.body.requestId } });
    const cipher = createFieldCipher(stack.keyring);
    expect(cipher.decrypt(row.phoneEncrypted ?? '', 'DsrRequest.phoneEncrypted')).toBe('+8613800138000');
    expect(cipher.decrypt(row.accountIdEncrypted ?? '', 'DsrRequest.accountIdEncrypted')).toBe('CUST-004217');
    expect([row.phoneHash, row.accountIdHash]).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(row.phoneHash).not.toBe(row.accountIdHash);
    const clear = JSON.stringify({ ...row, phoneEncrypted: null, accountIdEncrypted: null });
    for (const value of ['13800138000', 'CUST-004217']) {
      expect(clear).not.toContain(value);
      expect(row.workflowId).not.toContain(value);
    }
  });

  test('when the phone has no country code or is not a number, or the account id has spaces, then the call is a 400 naming the field and no request is made', async () => {
    const before = await stack.db.dsrRequest.count();
    const email = `bad-${randomUUID()}@example.org`;
    for (const [extra, field] of [
      [{ phone: '138 0013 8000' }, /telephone number must be written with its country code/],
      [{ phone: '+86 call me' }, /telephone number/],
      [{ phone: '+1 23' }, /telephone number/],
      [{ accountId: 'CUST 42; DROP' }, /account id must be/],
    ] as const) {
      const res = await api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'ACCESS', language: 'en', ...extra });
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 400, error: 'INVALID_INPUT' });
      expect(res.body.message).toMatch(field);
      // The value is never repeated in the answer.
      expect(JSON.stringify(res.body)).not.toContain(Object.values(extra)[0]);
    }
    expect(await stack.db.dsrRequest.count()).toBe(before);
  });

  test('when the portal form carries a phone without country code, then it comes back with the error at the phone field; with one, the request holds it encrypted', async () => {
    const post = (fields: Record<string, string>) =>
      fetch(`${stack.baseUrl}/portal/requests?lang=en`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const email = `portal-phone-${randomUUID()}@example.org`;
    const before = await stack.db.dsrRequest.count();
    const refused = await post({ type: 'ACCESS', residence: 'CN', email, phone: '138 0013 8000' });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain('id="phone-error"');
    expect(page).toContain('Enter the number with its country code');
    expect(await stack.db.dsrRequest.count()).toBe(before);

    const accepted = await post({ type: 'ACCESS', residence: 'CN', email, phone: '+86 138 0013 8001', accountId: 'A-77' });
    expect(accepted.status).toBe(303);
    const requestId = /\/portal\/requests\/([0-9a-f-]{36})/.exec(accepted.headers.get('location') ?? '')?.[1] ?? '';
    const row = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
    const cipher = createFieldCipher(stack.keyring);
    expect([cipher.decrypt(row.phoneEncrypted ?? '', 'DsrRequest.phoneEncrypted'), cipher.decrypt(row.accountIdEncrypted ?? '', 'DsrRequest.accountIdEncrypted')]).toEqual(['+8613800138001', 'A-77']);
  });
});
