// Rate limits shared through PostgreSQL: two app instances on one database spend one budget;
// behind a trusted proxy the forwarded client address is what counts; a form over the limit
// gets an HTML page in the visitor's language.
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createFieldCipher } from '../../crypto/field-cipher';
import { createDb, type Db } from '../../db/prisma';
import { buildApp } from '../../server/app';
import type { ServerDeps } from '../../server/deps';
import { loginForm } from '../support/console-session';
import { testSecrets } from '../support/test-keys';

let db: Db;
const apps: FastifyInstance[] = [];
const urls = new WeakMap<FastifyInstance, string>();
beforeAll(() => {
  db = createDb(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await db?.$disconnect();
});

/** An API process over the shared database; these tests reach only routes that are refused or answered before Temporal. */
async function instance(scope: string, extra: Partial<ServerDeps> = {}): Promise<FastifyInstance> {
  const secrets = testSecrets();
  const app = await buildApp({
    temporal: {} as Client,
    taskQueue: 'unused',
    db,
    cipher: createFieldCipher(secrets.keyring),
    identityPepper: secrets.identityPepper,
    clock: () => new Date(),
    rateLimits: { staffSignIn: { max: 3, windowMs: 600_000 }, submission: { max: 2, windowMs: 60_000 } },
    rateLimitScope: scope,
    ...extra,
  });
  apps.push(app);
  urls.set(app, await app.listen({ host: '127.0.0.1', port: 0 }));
  return app;
}

/** One call over HTTP (every call comes from 127.0.0.1); status, headers and body text. */
async function call(app: FastifyInstance, path: string, init: { headers?: Record<string, string>; body: string }) {
  const res = await fetch(urls.get(app)! + path, { method: 'POST', headers: init.headers, body: init.body });
  const body = await res.text();
  return { statusCode: res.status, headers: Object.fromEntries(res.headers), body, json: () => JSON.parse(body) as unknown };
}

const signIn = (app: FastifyInstance, headers: Record<string, string> = {}) =>
  call(app, '/api/staff/session', {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: `nobody-${randomUUID().slice(0, 8)}`, password: 'not the password' }),
  });

describe('shared rate limits', () => {
  test('when two instances serve one address, then they spend one budget between them', async () => {
    const scope = `shared-${randomUUID()}`;
    const [a, b] = [await instance(scope), await instance(scope)];
    expect((await signIn(a)).statusCode).toBe(401);
    expect((await signIn(b)).statusCode).toBe(401);
    expect((await signIn(a)).statusCode).toBe(401);
    const refused = await signIn(b);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ seconds/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another deployment on the same database (another scope) keeps its own budget.
    expect((await signIn(await instance(`other-${randomUUID()}`))).statusCode).toBe(401);
  });

  test('when TRUST_PROXY names the proxy, then the forwarded address counts; otherwise the header is ignored', async () => {
    const trusting = await instance(`proxy-${randomUUID()}`, { trustProxy: ['127.0.0.1/32'] });
    const forwarded = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < 3; i++) expect((await signIn(trusting, forwarded('203.0.113.7'))).statusCode).toBe(401);
    expect((await signIn(trusting, forwarded('203.0.113.7'))).statusCode).toBe(429);
    expect((await signIn(trusting, forwarded('203.0.113.8'))).statusCode).toBe(401);

    const plain = await instance(`plain-${randomUUID()}`);
    for (let i = 0; i < 3; i++) expect((await signIn(plain, forwarded(`203.0.113.${i}`))).statusCode).toBe(401);
    expect((await signIn(plain, forwarded('203.0.113.99'))).statusCode).toBe(429);
  });

  test('when a portal form is over the limit, then the answer is an HTML page in the visitor’s language', async () => {
    const app = await instance(`portal-${randomUUID()}`);
    const post = (lang?: string) =>
      call(app, `/portal/requests${lang ? `?lang=${lang}` : ''}`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=' });
    expect((await post('en')).statusCode).toBe(422);
    expect((await post('en')).statusCode).toBe(422);
    const en = await post('en');
    expect(en.statusCode).toBe(429);
    expect(en.headers['content-type']).toMatch(/^text\/html/);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Too many attempts from your address');
    const zh = await post();
    expect(zh.statusCode).toBe(429);
    expect(zh.headers['content-type']).toMatch(/^text\/html/);
    expect(zh.body).toContain('尝试次数过多');
    expect(zh.body).not.toContain('"RATE_LIMITED"');
  });

  test('when the console sign-in form is over the limit, then the answer is an HTML page, in the language the browser last used the console in', async () => {
    const app = await instance(`console-${randomUUID()}`);
    // Each attempt as a browser makes it: the form's pre-session CSRF token and its cookie.
    const post = async (remembered = '') => {
      const { token, cookie } = await loginForm(urls.get(app)!);
      return call(app, '/console/login', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${cookie}${remembered}` },
        body: `username=nobody-${randomUUID().slice(0, 8)}&password=not-the-password&_csrf=${encodeURIComponent(token)}`,
      });
    };
    for (let i = 0; i < 3; i++) expect((await post()).statusCode).toBe(401);
    const refused = await post();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.body).toContain('Too many attempts');
    // A browser whose last signed-in console was in Chinese is refused in Chinese.
    const zh = await post('; dsr_console_lang=zh');
    expect(zh.statusCode).toBe(429);
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('尝试次数过多');
    expect(zh.body).not.toContain('Too many attempts');
  });
});
