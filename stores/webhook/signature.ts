// How the engine and a processor prove to each other that a webhook call is theirs: an
// HMAC-SHA256 over "<label>.<timestamp>.<body>" with the secret they share, and a timestamp that
// must be recent, so a captured call cannot be replayed later. The label says which way the
// message goes ("dsr-request" engine to processor, "dsr-callback" back), so an engine's
// request cannot be replayed to the engine as a callback, nor a callback to the processor.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-dsr-timestamp';
export const SIGNATURE_HEADER = 'x-dsr-signature';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** What a signature is for: the engine's request to a processor, or the processor's callback. */
export type SignatureLabel = 'dsr-request' | 'dsr-callback' | 'dsr-closure-check' | 'dsr-account-event' | 'dsr-portability-transfer' | 'dsr-portability-receipt';
export const REQUEST_LABEL: SignatureLabel = 'dsr-request';
export const CALLBACK_LABEL: SignatureLabel = 'dsr-callback';
/** The engine asks the deployer's account system what stops a closure (activities/account-closure.ts). */
export const CLOSURE_CHECK_LABEL: SignatureLabel = 'dsr-closure-check';
/** The account system tells the engine of a sign-in (server/routes/account-events.ts). */
export const ACCOUNT_EVENT_LABEL: SignatureLabel = 'dsr-account-event';
/** The engine sends a portability package to a registered recipient (activities/portability-transfer.ts). */
export const TRANSFER_LABEL: SignatureLabel = 'dsr-portability-transfer';
/** The recipient's signed receipt for it (docs/portability-recipients.md). */
export const RECEIPT_LABEL: SignatureLabel = 'dsr-portability-receipt';

/** How far a signed call's timestamp may be from the receiver's clock, either way. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** The signature header's value for a body sent at `timestampSeconds` for `label`. */
export function signBody(secret: string, label: SignatureLabel, timestampSeconds: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${label}.${timestampSeconds}.${body}`).digest('hex')}`;
}

/** The two headers that sign a body for `label` at `now`. */
export function signatureHeaders(secret: string, label: SignatureLabel, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signBody(secret, label, timestamp, body) };
}

export type SignatureCheck = { ok: true } | { ok: false; problem: string };

/** Checks a received body's signature and timestamp; the problem says which failed, never the expected value. */
export function verifySignature(secret: string, label: SignatureLabel, body: string, timestampHeader: unknown, signatureHeader: unknown, now: Date): SignatureCheck {
  if (typeof timestampHeader !== 'string' || !/^\d{1,12}$/.test(timestampHeader) || typeof signatureHeader !== 'string') {
    return { ok: false, problem: `the ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} headers are missing or malformed` };
  }
  const timestamp = Number(timestampHeader);
  if (Math.abs(now.getTime() / 1000 - timestamp) > REPLAY_WINDOW_SECONDS) {
    return { ok: false, problem: `the timestamp is more than ${REPLAY_WINDOW_SECONDS / 60} minutes away from the receiver's clock` };
  }
  const expected = Buffer.from(signBody(secret, label, timestamp, body));
  const given = Buffer.from(signatureHeader);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, problem: 'the signature does not match the body' };
  return { ok: true };
}
