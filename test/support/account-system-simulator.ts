// The deployer's account system, as far as the engine talks to it (activities/account-closure.ts):
// POST /closure-check, signed with the shared secret under the label dsr-closure-check, answers
// how the account stands. Written from that protocol; each test sets the standing per e-mail.
import { createServer, type Server } from 'node:http';
import { CLOSURE_CHECK_LABEL, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../stores/webhook/signature';

export interface AccountStanding {
  paidServices: Array<{ name: string; expiresAt: string }>;
  openDisputes: number;
}

export interface AccountSystemSimulator {
  url: string;
  secret: string;
  standing: Map<string, AccountStanding>;
  /** Every check it answered: the e-mail asked about, or 'unsigned' for a refused call. */
  checks: string[];
  close(): Promise<void>;
}

export async function startAccountSystem(now: () => Date, secret = `account-system-${Math.random().toString(36).slice(2)}`): Promise<AccountSystemSimulator> {
  const standing = new Map<string, AccountStanding>();
  const checks: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const check = verifySignature(secret, CLOSURE_CHECK_LABEL, body, req.headers[TIMESTAMP_HEADER], req.headers[SIGNATURE_HEADER], now());
      if (req.url !== '/closure-check' || !check.ok) {
        checks.push('unsigned');
        res.writeHead(401).end();
        return;
      }
      const { email } = JSON.parse(body) as { email: string };
      checks.push(email);
      const s = standing.get(email) ?? { paidServices: [], openDisputes: 0 };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ paidServices: s.paidServices.map((p) => ({ expiresAt: p.expiresAt })), openDisputes: s.openDisputes }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, secret, standing, checks, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
