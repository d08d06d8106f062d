// One signed POST of a portability package to a registered recipient, and the check of its
// answer (docs/portability-recipients.md). The call is signed like every outbound call of the
// engine (stores/webhook/signature.ts, label dsr-portability-transfer); the recipient's receipt
// is signed back with the same secret under dsr-portability-receipt, and must name the
// recipient, this very call, the request and the digest of what was sent. Problems are told by
// HTTP status and a recipient's code only: an answer's text never reaches a row or an audit.
import { IDEMPOTENCY_HEADER, RECEIPT_LABEL, SIGNATURE_HEADER, TIMESTAMP_HEADER, TRANSFER_LABEL, signatureHeaders, verifySignature } from '../stores/webhook/signature';
import type { PortablePackage } from './portable-transfer';

export const TRANSFER_PROTOCOL = 'dsr-engine/portability-transfer';

export interface TransferCall {
  url: string;
  secret: string;
  recipientId: string;
  requestId: string;
  /** New for every attempt: the receipt must repeat it, so an old receipt cannot answer a new call. */
  callId: string;
  packageDigest: string;
  pkg: PortablePackage;
  clock: () => Date;
  timeoutMs: number;
}

/** The recipient's receipt, as the protocol defines it. */
export interface TransferReceipt {
  recipientId: string;
  callId: string;
  requestReference: string;
  packageDigest: string;
  receivedAt: string;
}

export type TransferAnswer =
  | { kind: 'ACKNOWLEDGED'; receipt: TransferReceipt; receivedAt: Date }
  /** A 4xx other than 408 and 429: the recipient will not take it; asking again would not change that. */
  | { kind: 'REFUSED'; problem: string }
  | { kind: 'RECEIPT_INVALID'; problem: string }
  /** Down, timed out, 5xx, 408 or 429: worth another attempt. */
  | { kind: 'RETRY'; problem: string }
  /** A redirect: the engine sends to the registered address only, so another attempt is no use. */
  | { kind: 'UNREACHABLE'; problem: string };

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;
// A receipt dated later than this past the engine's clock is not believed.
const CLOCK_SLACK_MS = 5 * 60_000;

/** Sends the package once and says what the answer means. */
export async function postToRecipient(call: TransferCall, signal?: AbortSignal): Promise<TransferAnswer> {
  const body = JSON.stringify({
    protocol: TRANSFER_PROTOCOL,
    version: 1,
    callId: call.callId,
    requestReference: call.requestId,
    recipientId: call.recipientId,
    packageDigest: call.packageDigest,
    package: call.pkg,
  });
  const timeout = AbortSignal.timeout(call.timeoutMs);
  let res: Response;
  try {
    res = await fetch(call.url, {
      method: 'POST',
      // The same key on every attempt: a recipient that took an earlier attempt can tell a repeat.
      headers: { 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: `${call.requestId}:portability-transfer`, ...signatureHeaders(call.secret, TRANSFER_LABEL, body, call.clock()) },
      // A redirect would carry the subject's data to an address nobody registered: refused.
      redirect: 'manual',
      body,
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    return { kind: 'RETRY', problem: `could not be reached (${code})` };
  }
  const text = await res.text().catch(() => '');
  if (res.status >= 300 && res.status <= 399) return { kind: 'UNREACHABLE', problem: `answered with a redirect (HTTP ${res.status}), which the engine does not follow` };
  if (res.status >= 500 || res.status === 408 || res.status === 429) return { kind: 'RETRY', problem: `answered HTTP ${res.status}` };
  if (res.status >= 400) return { kind: 'REFUSED', problem: `refused the package (HTTP ${res.status}${refusalCode(text)})` };
  if (res.status !== 200) return { kind: 'RECEIPT_INVALID', problem: `answered HTTP ${res.status} without a receipt` };
  return checkReceipt(call, text, res.headers);
}

/** ", code X" when the refusal carries a code of the protocol's shape; nothing else of its text is kept. */
function refusalCode(text: string): string {
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return typeof code === 'string' && CODE.test(code) ? `, code ${code}` : '';
  } catch {
    return '';
  }
}

/** Checks the receipt's signature, then that it answers this call for this package. */
export function checkReceipt(call: Pick<TransferCall, 'secret' | 'recipientId' | 'requestId' | 'callId' | 'packageDigest' | 'clock'>, text: string, headers: Headers): TransferAnswer {
  const now = call.clock();
  const signed = verifySignature(call.secret, RECEIPT_LABEL, text, headers.get(TIMESTAMP_HEADER) ?? undefined, headers.get(SIGNATURE_HEADER) ?? undefined, now);
  if (!signed.ok) return { kind: 'RECEIPT_INVALID', problem: `the receipt's signature was refused: ${signed.problem}` };
  let receipt: Partial<Record<keyof TransferReceipt, unknown>>;
  try {
    receipt = JSON.parse(text) as typeof receipt;
  } catch {
    return { kind: 'RECEIPT_INVALID', problem: 'the receipt is not JSON' };
  }
  const expected: Omit<TransferReceipt, 'receivedAt'> = { recipientId: call.recipientId, callId: call.callId, requestReference: call.requestId, packageDigest: call.packageDigest };
  const wrong = (Object.keys(expected) as Array<keyof typeof expected>).filter((k) => receipt[k] !== expected[k]);
  if (wrong.length > 0) return { kind: 'RECEIPT_INVALID', problem: `the receipt does not match the call: ${wrong.join(', ')}` };
  const receivedAt = typeof receipt.receivedAt === 'string' ? new Date(receipt.receivedAt) : new Date(NaN);
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    return { kind: 'RECEIPT_INVALID', problem: 'the receipt’s receivedAt is not an ISO 8601 instant up to now' };
  }
  return { kind: 'ACKNOWLEDGED', receipt: { ...expected, receivedAt: receivedAt.toISOString() }, receivedAt };
}
