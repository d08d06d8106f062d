// Rate limits on intake, code checks and staff sign-in, with small limits injected; and the
// limiter's window in the shared table.
import { randomUUID } from 'node:crypto';
import { hashIdentity } from '../../crypto/identity-hash';
import { sharedLimiter } from '../../server/rate-limit';
import { api, eventually } from '../support/http';
import { startStack, type Stack } from '../support/stack';

const MINUTE_MS = 60_000;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack(
    {},
    {
      rateLimits: {
        submission: { max: 2, windowMs: MINUTE_MS },
        verification: { max: 3, windowMs: 10 * MINUTE_MS },
        staffSignIn: { max: 3, windowMs: 10 * MINUTE_MS },
      },
    },
  );
});
afterAll(async () => stack?.close());

const submit = (email: string) => fetch(`${stack.baseUrl}/api/requests`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, type: 'ACCESS', language: 'en' }),
});
const rowsFor = (email: string) => stack.db.dsrRequest.count({ where: { subject: { emailHash: hashIdentity(stack.identityPepper, email) } } });

describe('rate limits', () => {
  test('when a third request is submitted within the minute, then it is 429 with Retry-After and starts no workflow', async () => {
    const emails = [1, 2, 3].map(() => `subject-${randomUUID()}@example.org`);
    expect((await submit(emails[0]!)).status).toBe(202);
    expect((await submit(emails[1]!)).status).toBe(202);
    const refused = await submit(emails[2]!);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({ error: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ seconds/) });
    // The admitted ones reach the database; by then the refused one would have too.
    await eventually(async () => (await rowsFor(emails[0]!)) === 1 && (await rowsFor(emails[1]!)) === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await rowsFor(emails[2]!)).toBe(0);
  });

  test('when a code is checked too often for one request, then it is 429, while another request is still answered', async () => {
    const requestId = randomUUID();
    const check = (id: string) => api(stack.baseUrl, 'POST', `/api/requests/${id}/verification?token=wrong`, { code: '123456' });
    for (let i = 0; i < 3; i++) expect((await check(requestId)).status).toBe(403);
    expect(await check(requestId)).toEqual({ status: 429, body: expect.objectContaining({ error: 'RATE_LIMITED' }) });
    expect((await check(randomUUID())).status).toBe(403);
  });

  test('when staff sign-in is tried too often from one address, then it is 429', async () => {
    const signIn = () => api(stack.baseUrl, 'POST', '/api/staff/session', { username: `nobody-${randomUUID().slice(0, 8)}`, password: 'not the password' });
    for (let i = 0; i < 3; i++) expect((await signIn()).status).toBe(401);
    expect(await signIn()).toEqual({ status: 429, body: expect.objectContaining({ error: 'RATE_LIMITED' }) });
  });
});

describe('the limiter', () => {
  test('when the window ends, then the key may call again, and Retry-After counts down to it', async () => {
    const limiter = sharedLimiter(stack.db, `test-${randomUUID()}`, 'unit', { max: 2, windowMs: 2_000 });
    expect([await limiter.take('a'), await limiter.take('a'), await limiter.take('b')]).toEqual([0, 0, 0]);
    const wait = await limiter.take('a');
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await limiter.take('a')).toBe(0);
  });
});
