// A third-party processor's system (a CRM acting as processor) on a real loopback HTTP server:
// the one kind of system tests may simulate. It checks the engine's signature, keeps records
// for many subjects in memory, answers locate and export at once, and accepts erase and
// rectify with 202, calling back (signed, label "dsr-callback") a moment later with the call id
// of the request it answers; it verifies the engine's calls under the label "dsr-request". It can be told never to call back,
// or to call back with a wrong signature or a stale timestamp.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallbackBody, CallOutcome, ProcessorRequest } from '../../stores/webhook/protocol';
import { CALLBACK_LABEL, IDEMPOTENCY_HEADER, REPLAY_WINDOW_SECONDS, REQUEST_LABEL, SIGNATURE_HEADER, signatureHeaders, TIMESTAMP_HEADER, verifySignature } from '../../stores/webhook/signature';

type Row = Record<string, string | number | null>;
export type CallbackMode = 'answer' | 'never' | 'bad-signature' | 'stale-timestamp';

export interface ProcessorSimulator {
  readonly url: string;
  /** How the next callbacks are sent. */
  callbackMode: CallbackMode;
  callbackDelayMs: number;
  /** Signed requests received: operation, idempotency key and call id (never the subject). */
  readonly received: Array<{ operation: string; idempotencyKey: string; callId?: string }>;
  /** Requests refused because the engine's signature did not verify. */
  readonly refused: number;
  /** The HTTP status of each callback the simulator sent. */
  readonly callbackStatuses: number[];
  seed(email: string, category: string, rows: Row[]): void;
  /** A copy of what the processor holds for a subject, by category. */
  recordsOf(email: string): Record<string, Row[]>;
  /** Resolves once every callback scheduled so far has been sent. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Fields a rectify may change; others are refused by name. */
const CORRECTABLE = ['fullName', 'phone'];

export async function startProcessorSimulator(secret: string): Promise<ProcessorSimulator> {
  const data = new Map<string, Map<string, Row[]>>();
  const outcomes = new Map<string, CallOutcome>();
  const pending = new Set<Promise<void>>();
  const received: ProcessorSimulator['received'] = [];
  const callbackStatuses: number[] = [];
  let refused = 0;
  const subject = (email: string) => data.get(email.toLowerCase()) ?? data.set(email.toLowerCase(), new Map()).get(email.toLowerCase())!;

  const sim = {
    url: '',
    callbackMode: 'answer' as CallbackMode,
    callbackDelayMs: 20,
    received,
    callbackStatuses,
    get refused() {
      return refused;
    },
    seed(email: string, category: string, rows: Row[]) {
      subject(email).set(category, [...(subject(email).get(category) ?? []), ...rows.map((r) => ({ ...r }))]);
    },
    recordsOf(email: string) {
      return Object.fromEntries([...subject(email)].filter(([, rows]) => rows.length > 0).map(([c, rows]) => [c, rows.map((r) => ({ ...r }))]));
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: async () => {
      await sim.settled();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  /** The work of erase or rectify, done once per idempotency key. */
  function work(req: ProcessorRequest): CallOutcome {
    const held = subject(req.subject.email);
    if (req.operation === 'erase') {
      let processed = 0;
      for (const category of req.categories ?? []) {
        processed += held.get(category)?.length ?? 0;
        held.delete(category);
      }
      return { status: 'DONE', processed };
    }
    const fields = Object.keys(req.corrections ?? {});
    const unknown = fields.filter((f) => !CORRECTABLE.includes(f));
    if (unknown.length > 0) return { status: 'REFUSED', fields: unknown };
    let processed = 0;
    for (const row of held.get('contact') ?? []) {
      Object.assign(row, req.corrections);
      processed++;
    }
    return { status: 'DONE', processed };
  }

  function callBack(url: string, body: CallbackBody): void {
    const text = JSON.stringify(body);
    const now = sim.callbackMode === 'stale-timestamp' ? new Date(Date.now() - (REPLAY_WINDOW_SECONDS + 60) * 1000) : new Date();
    const headers = signatureHeaders(sim.callbackMode === 'bad-signature' ? `${secret}-wrong` : secret, CALLBACK_LABEL, text, now);
    const sending = new Promise<void>((resolve) => setTimeout(resolve, sim.callbackDelayMs))
      .then(() => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text }))
      .then((res) => void callbackStatuses.push(res.status))
      .catch(() => void callbackStatuses.push(0))
      .finally(() => pending.delete(sending));
    pending.add(sending);
  }

  function answer(req: ProcessorRequest, key: string): { status: number; body?: unknown } {
    const held = subject(req.subject.email);
    switch (req.operation) {
      case 'locate':
        return { status: 200, body: { counts: Object.fromEntries([...held].map(([c, rows]) => [c, rows.length])) } };
      case 'export': {
        const all = [...held].flatMap(([category, rows]) => rows.map((record) => ({ category, record })));
        const from = Number(req.cursor ?? 0);
        const to = from + (req.limit ?? 100);
        return { status: 200, body: { records: all.slice(from, to), nextCursor: to < all.length ? String(to) : null } };
      }
      case 'erase':
      case 'rectify': {
        if (sim.callbackMode === 'never') return { status: 202 };
        // A repeated key is the same call retried: the work is not done twice, the result is sent again.
        const outcome = outcomes.get(key) ?? work(req);
        outcomes.set(key, outcome);
        callBack(req.callbackUrl!, { callId: req.callId!, ...outcome });
        return { status: 202 };
      }
    }
  }

  const server: Server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const signed = verifySignature(secret, REQUEST_LABEL, text, req.headers[TIMESTAMP_HEADER], req.headers[SIGNATURE_HEADER], new Date());
      if (!signed.ok) {
        refused++;
        res.writeHead(401).end();
        return;
      }
      const request = JSON.parse(text) as ProcessorRequest;
      const key = String(req.headers[IDEMPOTENCY_HEADER] ?? '');
      received.push({ operation: request.operation, idempotencyKey: key, ...(request.callId ? { callId: request.callId } : {}) });
      const { status, body } = answer(request, key);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sim.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dsr-webhook`;
  return sim;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
