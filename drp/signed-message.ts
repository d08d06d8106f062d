// DRP 1.0 §3.07: a signed body is base64 of an Ed25519 signature (64 bytes) immediately
// followed by the JSON it signs ("combined mode"). Checked in the order the section
// orders: decode, signature, agent id, business id, issued-at, expires-at.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

const SIGNATURE_BYTES = 64;
const ED25519_KEY_BYTES = 32;
/** How far an agent's clock may run ahead of ours before issued-at counts as in the future. */
export const ISSUED_AT_SKEW_MS = 30_000;

export type VerifyFailure =
  | 'NOT_BASE64'
  | 'BAD_SIGNATURE'
  | 'NOT_JSON'
  | 'WRONG_AGENT'
  | 'WRONG_BUSINESS'
  | 'ISSUED_IN_FUTURE'
  | 'EXPIRED'
  | 'BAD_TIMESTAMP';

export type Verified = { ok: true; claims: Record<string, unknown> } | { ok: false; failure: VerifyFailure };

/** The public key object of a raw 32-byte Ed25519 verify key. */
export function ed25519PublicKey(raw: Buffer): KeyObject {
  if (raw.length !== ED25519_KEY_BYTES) throw new Error(`An Ed25519 verify key has ${ED25519_KEY_BYTES} bytes, not ${raw.length}.`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes a body strictly as base64 (whitespace at the ends and line breaks tolerated). */
function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

/** Parses an ISO 8601 timestamp; null unless it names a real instant. */
function instant(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Verifies a signed DRP body against the agent's key and checks its claims, in the spec's order. */
export function verifySignedMessage(
  body: string,
  expect: { key: KeyObject; agentId: string; businessId: string; now: Date },
): Verified {
  const buffer = decodeBase64(body);
  if (!buffer) return { ok: false, failure: 'NOT_BASE64' };
  if (buffer.length <= SIGNATURE_BYTES) return { ok: false, failure: 'BAD_SIGNATURE' };
  const signature = buffer.subarray(0, SIGNATURE_BYTES);
  const message = buffer.subarray(SIGNATURE_BYTES);
  if (!verify(null, message, expect.key, signature)) return { ok: false, failure: 'BAD_SIGNATURE' };
  let claims: unknown;
  try {
    claims = JSON.parse(message.toString('utf8'));
  } catch {
    return { ok: false, failure: 'NOT_JSON' };
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return { ok: false, failure: 'NOT_JSON' };
  const c = claims as Record<string, unknown>;
  if (c['agent-id'] !== expect.agentId) return { ok: false, failure: 'WRONG_AGENT' };
  if (c['business-id'] !== expect.businessId) return { ok: false, failure: 'WRONG_BUSINESS' };
  const issuedAt = instant(c['issued-at']);
  const expiresAt = instant(c['expires-at']);
  if (issuedAt === null || expiresAt === null) return { ok: false, failure: 'BAD_TIMESTAMP' };
  const now = expect.now.getTime();
  if (issuedAt > now + ISSUED_AT_SKEW_MS) return { ok: false, failure: 'ISSUED_IN_FUTURE' };
  if (now >= expiresAt) return { ok: false, failure: 'EXPIRED' };
  return { ok: true, claims: c };
}

/** What each failure tells the agent (never the message's content). */
export const FAILURE_MESSAGES: Record<VerifyFailure, string> = {
  NOT_BASE64: 'The body is not base64.',
  BAD_SIGNATURE: 'The signature does not verify with the key of the agent behind this token.',
  NOT_JSON: 'The signed message is not a JSON object.',
  WRONG_AGENT: 'The agent-id claim is not the agent behind this token.',
  WRONG_BUSINESS: 'The business-id claim is not this business.',
  ISSUED_IN_FUTURE: 'The issued-at claim is in the future.',
  EXPIRED: 'The request has expired (expires-at).',
  BAD_TIMESTAMP: 'issued-at and expires-at must be ISO 8601 timestamps.',
};
