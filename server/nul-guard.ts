// PostgreSQL cannot store the NUL character (U+0000) in text or JSON columns: a value holding
// one would fail deep inside a use case, as a 500 and possibly after a workflow had started
// (found by `npm run fuzz`). So every body, query and path value is checked once, up front.
import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';

const NUL = '\u0000';
// Bodies are at most 64 KiB, but a nesting this deep is refused by the route schemas anyway.
const MAX_DEPTH = 64;

/** True when a string anywhere in the value (keys included) holds a NUL character. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((v) => holdsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes(NUL) || holdsNul(v, depth + 1));
}

/** Form bodies reach the routes as raw text: their decoded fields are what gets stored. */
function formFieldsHoldNul(req: FastifyRequest): boolean {
  if (typeof req.body !== 'string' || !req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return false;
  for (const [name, value] of new URLSearchParams(req.body)) if (name.includes(NUL) || value.includes(NUL)) return true;
  return false;
}

/** A preValidation hook for the whole app: 400 for a NUL character in the body, the query or the path. */
export async function refuseNulCharacters(req: FastifyRequest): Promise<void> {
  if (holdsNul(req.body) || holdsNul(req.query) || holdsNul(req.params) || formFieldsHoldNul(req)) {
    throw new AppError(400, 'INVALID_INPUT', 'Text may not contain the NUL character (\\u0000); remove it and send again.');
  }
}
