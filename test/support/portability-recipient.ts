// A recipient the controller registered for portability transfers, written from the protocol
// in docs/portability-recipients.md (not from the engine's code: its HMAC and canonical JSON are
// its own, so a drift between the engine and the document fails the tests). Each test says how it
// answers: acknowledge with a signed receipt, refuse, be down, or send a receipt that must not
// be accepted (signed with another secret, or for another package).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export type RecipientBehaviour = 'acknowledge' | 'refuse' | 'unavailable' | 'forged-signature' | 'wrong-digest';

export interface ReceivedTransfer {
  callId: string;
  requestReference: string;
  recipientId: string;
  packageDigest: string;
  /** Whether the digest the engine sent matches the one computed here from `package`. */
  digestMatches: boolean;
  idempotencyKey: string | undefined;
  package: { manifest: { requestId: string; files: Array<{ path: string }> }; schema: unknown; data: Record<string, unknown[]> };
}

export interface RecipientSimulator {
  id: string;
  url: string;
  secret: string;
  /** How it answers the next calls. */
  behaviour: RecipientBehaviour;
  /** Every signed call it took, in order; `unsigned` counts the ones it refused for their signature. */
  received: ReceivedTransfer[];
  unsigned: number;
  close(): Promise<void>;
}

/** Keys sorted at every level, no whitespace: the protocol's canonical JSON. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const hmac = (secret: string, label: string, ts: string, body: string) => `sha256=${createHmac('sha256', secret).update(`${label}.${ts}.${body}`).digest('hex')}`;

/** Starts the recipient on loopback; `now` is the test's clock (the engine's, which days may have skipped). */
export async function startRecipient(id: string, now: () => Date, secret = `recipient-${Math.random().toString(36).slice(2)}`): Promise<RecipientSimulator> {
  const sim: RecipientSimulator = { id, url: '', secret, behaviour: 'acknowledge', received: [], unsigned: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ts = String(req.headers['x-dsr-timestamp'] ?? '');
      const given = Buffer.from(String(req.headers['x-dsr-signature'] ?? ''));
      const expected = Buffer.from(hmac(secret, 'dsr-portability-transfer', ts, body));
      const fresh = /^\d+$/.test(ts) && Math.abs(now().getTime() / 1000 - Number(ts)) <= 300;
      if (!fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        sim.unsigned += 1;
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'bad-signature' }));
        return;
      }
      const call = JSON.parse(body) as Omit<ReceivedTransfer, 'digestMatches' | 'idempotencyKey'>;
      const digest = `sha256:${createHash('sha256').update(canonical(call.package)).digest('hex')}`;
      sim.received.push({ ...call, digestMatches: digest === call.packageDigest, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
      if (sim.behaviour === 'unavailable') {
        res.writeHead(503).end();
        return;
      }
      if (sim.behaviour === 'refuse') {
        res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'format-not-supported' }));
        return;
      }
      const receipt = JSON.stringify({
        recipientId: id,
        callId: call.callId,
        requestReference: call.requestReference,
        packageDigest: sim.behaviour === 'wrong-digest' ? `sha256:${'0'.repeat(64)}` : digest,
        receivedAt: now().toISOString(),
      });
      const stamp = String(Math.floor(now().getTime() / 1000));
      const signingSecret = sim.behaviour === 'forged-signature' ? `${secret}-not-the-shared-one` : secret;
      res.writeHead(200, { 'content-type': 'application/json', 'x-dsr-timestamp': stamp, 'x-dsr-signature': hmac(signingSecret, 'dsr-portability-receipt', stamp, receipt) }).end(receipt);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  sim.url = `http://127.0.0.1:${port}/portability`;
  sim.close = () => new Promise((resolve) => server.close(() => resolve()));
  return sim;
}
