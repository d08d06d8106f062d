// An authorized agent written from DRP 1.0 alone, for the tests: an Ed25519 key pair, an entry
// in an agents.json directory, combined-mode signed messages (signature, then the JSON,
// base64, sent as text/plain), and an HTTP server that records the status callbacks it gets.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DrpAgent {
  id: string;
  privateKey: KeyObject;
  /** The raw 32-byte verify key, base64, as the directory lists it. */
  verifyKey: string;
}

/** A new agent with a fresh Ed25519 key pair. */
export function newAgent(id: string): DrpAgent {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { id, privateKey, verifyKey: Buffer.from(x, 'base64url').toString('base64') };
}

/** Writes an agents.json in the service directory's format (§3.05.1); `extra` adds raw entries. */
export function writeDirectory(path: string, agents: DrpAgent[], extra: unknown[] = []): void {
  const entries = agents.map((a) => ({
    id: a.id,
    name: `Agent ${a.id}`,
    verify_key: a.verifyKey,
    web_url: 'https://agent.example.org',
    identity_assurance_url: 'https://agent.example.org/identity',
    technical_contact: 'tech@agent.example.org',
    business_contact: 'biz@agent.example.org',
  }));
  writeFileSync(path, JSON.stringify([...entries, ...extra], null, 2));
}

/** Signs a message in libsodium's combined mode and encodes it as the request body. */
export function signed(agent: Pick<DrpAgent, 'privateKey'>, message: object | string): string {
  const bytes = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message), 'utf8');
  return Buffer.concat([sign(null, bytes, agent.privateKey), bytes]).toString('base64');
}

/** The four claims every signed message carries, valid for ten minutes from `now`. */
export function envelope(agentId: string, businessId: string, now = new Date(), ttlMs = 10 * 60_000) {
  return { 'agent-id': agentId, 'business-id': businessId, 'issued-at': now.toISOString(), 'expires-at': new Date(now.getTime() + ttlMs).toISOString() };
}

/** One call to the DRP endpoints: a signed text/plain body and a Bearer token when given. */
export async function drpCall(url: string, method: string, opts: { token?: string; body?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'text/plain';
  const res = await fetch(url, { method, headers, body: opts.body });
  const text = await res.text();
  return { status: res.status, text, body: text ? (JSON.parse(text) as Record<string, any>) : null };
}

export interface CallbackServer {
  url: string;
  received: Array<Record<string, any>>;
  /** Answers this status to the next `n` callbacks (to test retries), then 200 again. */
  failNext(n: number, status?: number): void;
  close(): Promise<void>;
}

/** The agent's status_callback endpoint (§2.03): records each JSON body it is posted. */
export async function startCallbackServer(): Promise<CallbackServer> {
  const received: Array<Record<string, any>> = [];
  let failing = 0;
  let failStatus = 503;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (failing > 0) {
        failing -= 1;
        res.writeHead(failStatus).end();
        return;
      }
      received.push({ ...(JSON.parse(body) as Record<string, any>), _contentType: req.headers['content-type'], _method: req.method });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/drp/callback`,
    received,
    failNext(n, status = 503) {
      failing = n;
      failStatus = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
