// Who may reach the codec endpoint, which hands out decrypted personal data: any caller
// must present the shared bearer token, and a browser page may only read the answer when
// it comes from a configured origin (the Temporal Web UI).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

const ALLOWED_HEADERS = 'Content-Type, Authorization, X-Namespace';
const ALLOWED_METHODS = 'POST, OPTIONS';
// The Web UI preflights every decode call; caching the answer spares a round trip per event.
const PREFLIGHT_MAX_AGE_SECONDS = 600;
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Adds the CORS headers when the request comes from a configured origin; any other origin gets none, so the browser withholds the answer. */
export function applyCors(request: FastifyRequest, reply: FastifyReply, allowedOrigins: ReadonlySet<string>): void {
  // Caches must not serve one origin's answer to another.
  reply.header('Vary', 'Origin');
  const origin = request.headers.origin;
  if (!origin || !allowedOrigins.has(origin)) return;
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Access-Control-Allow-Credentials', 'true');
  if (request.method === 'OPTIONS') {
    reply.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
    reply.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    reply.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }
}

/** Throws a 401 unless the Authorization header carries the expected bearer token; the token is never echoed. */
export function requireBearerToken(authorization: string | undefined, expected: string, reply: FastifyReply): void {
  const presented = authorization?.match(BEARER)?.[1];
  if (presented && sameSecret(presented, expected)) return;
  reply.header('WWW-Authenticate', 'Bearer realm="codec"');
  throw new AppError(
    401,
    'UNAUTHORIZED',
    presented
      ? 'The codec token is not valid.'
      : 'The codec endpoint needs a token: send "Authorization: Bearer <CODEC_AUTH_TOKEN>".',
  );
}

/** Compares two secrets in time that depends on neither their content nor their length. */
function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal-length inputs, which timingSafeEqual requires, without leaking the length.
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
