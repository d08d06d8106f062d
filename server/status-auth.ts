// Who may reach a request through the subject's routes: whoever holds its status token,
// presented in the link's `token` query parameter or the X-Status-Token header. A wrong
// token and an unknown request id get the same answer, so ids cannot be probed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkStatusToken } from '../crypto/status-token';
import { AppError } from './app-error';

const STATUS_TOKEN_HEADER = 'x-status-token';

/** The OpenAPI security schemes for the two ways of presenting the token. */
export const statusTokenSecuritySchemes = {
  statusTokenQuery: { type: 'apiKey', in: 'query', name: 'token', description: 'The token from the status link.' },
  statusTokenHeader: { type: 'apiKey', in: 'header', name: 'X-Status-Token', description: 'The same token, kept out of the URL.' },
} as const;

/** Either scheme opens a subject's route. */
export const statusTokenSecurity: ReadonlyArray<Record<string, readonly string[]>> = [{ statusTokenHeader: [] }, { statusTokenQuery: [] }];

/** Throws a 401 without a token and a 403 unless it was issued for this request and has not expired. */
export function requireStatusToken(request: FastifyRequest, reply: FastifyReply, key: Buffer, now: Date): void {
  // The token travels in URLs: keep answers out of caches and the link out of Referer headers.
  reply.header('Cache-Control', 'no-store');
  reply.header('Referrer-Policy', 'no-referrer');
  const token = presentedToken(request);
  if (!token) {
    throw new AppError(
      401,
      'TOKEN_REQUIRED',
      'This request is reached through its status link only: add ?token=<token> from the link, or send the token in the X-Status-Token header.',
    );
  }
  const requestId = (request.params as { id?: unknown }).id;
  const check = typeof requestId === 'string' ? checkStatusToken(key, requestId, token, now) : 'INVALID';
  if (check === 'EXPIRED') throw new AppError(403, 'TOKEN_EXPIRED', 'This status link has expired. Please contact us if your request is still open.');
  if (check === 'INVALID') throw new AppError(403, 'TOKEN_INVALID', 'This link does not open a request: use the status link exactly as you received it.');
}

/** The token presented, header or query. Both at once must agree: otherwise a wrong token could
 *  ride along with a right one unnoticed (found by npm run fuzz: a made-up `?token=` beside a
 *  genuine header was let through), so two different ones are refused like a wrong one. */
function presentedToken(request: FastifyRequest): string | undefined {
  const rawHeader = request.headers[STATUS_TOKEN_HEADER];
  const header = typeof rawHeader === 'string' && rawHeader.length > 0 ? rawHeader : undefined;
  const rawQuery = (request.query as { token?: unknown } | undefined)?.token;
  const query = typeof rawQuery === 'string' && rawQuery.length > 0 ? rawQuery : undefined;
  if (header !== undefined && query !== undefined && header !== query) {
    throw new AppError(403, 'TOKEN_INVALID', 'Two different status tokens were sent (header and link): send the one from your status link only.');
  }
  return header ?? query;
}
