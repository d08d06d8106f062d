// Rate limits for the public routes an attacker would hammer: intake (each request starts a
// workflow and mails a code), the code check (codes can be guessed) and the staff sign-in
// (passwords can be guessed). The counters live in PostgreSQL (rate-limiter-flexible's Prisma
// store, table RateLimiterFlexible), so every API process behind the load balancer spends
// one shared budget; the client address is the one Fastify derives with TRUST_PROXY.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/prisma';
import { AppError } from './app-error';

export interface RateLimit {
  max: number;
  windowMs: number;
}

const MINUTE_MS = 60_000;

/** The limits per route; ServerDeps.rateLimits overrides them (tests use small ones). */
export const RATE_LIMITS = {
  // A person submits a request or two; ten a minute from one address leaves room for a shared office NAT.
  submission: { max: 10, windowMs: MINUTE_MS },
  // Per address and request: with the per-identity budget of failed codes (server/identity-budgets.ts)
  // this keeps a guesser to a handful of tries, while a subject who mistypes a few times is never stopped.
  verification: { max: 10, windowMs: 10 * MINUTE_MS },
  // Accounts are throttled after five wrong passwords; this stops one address from walking many accounts.
  staffSignIn: { max: 20, windowMs: 10 * MINUTE_MS },
} as const satisfies Record<string, RateLimit>;
export type RateLimits = Record<keyof typeof RATE_LIMITS, RateLimit>;

/** "METHOD /route" → which limit applies, and the key it counts by. */
const LIMITED_ROUTES: Record<string, { limit: keyof RateLimits; key: (req: FastifyRequest) => string }> = {
  'POST /api/requests': { limit: 'submission', key: (req) => req.ip },
  'POST /api/requests/:id/verification': { limit: 'verification', key: (req) => `${req.ip} ${(req.params as { id?: string }).id ?? ''}` },
  // The portal's forms reach the same use cases, so they share the same budgets and keys.
  'POST /portal/requests': { limit: 'submission', key: (req) => req.ip },
  'POST /portal/requests/:id/verify': { limit: 'verification', key: (req) => `${req.ip} ${(req.params as { id?: string }).id ?? ''}` },
  'POST /api/staff/session': { limit: 'staffSignIn', key: (req) => req.ip },
  'POST /api/staff/session/totp': { limit: 'staffSignIn', key: (req) => req.ip },
  // The console's sign-in form reaches the same sign-in: one budget per address across both.
  'POST /console/login': { limit: 'staffSignIn', key: (req) => req.ip },
  'POST /console/login/totp': { limit: 'staffSignIn', key: (req) => req.ip },
};

/** A fixed-window counter in the shared table; `scope` separates deployments (and test stacks) sharing a database. */
export function sharedLimiter(db: Db, scope: string, name: string, limit: RateLimit) {
  const limiter = new RateLimiterPrisma({
    storeClient: db,
    // The Prisma delegate's name; the table itself is made by a migration, not at run time.
    tableName: 'rateLimiterFlexible',
    tableCreated: true,
    keyPrefix: `${scope}:${name}`,
    // The library's own sweep is a timer per limiter that outlives the database client; the
    // app runs one sweep instead and stops it when it closes (startLimitSweep).
    clearExpiredByTimeout: false,
    points: limit.max,
    duration: Math.max(1, Math.ceil(limit.windowMs / 1000)),
  });
  return {
    /** Counts one call atomically; returns 0 when allowed, else the seconds until the window ends. */
    async take(key: string, points = 1): Promise<number> {
      try {
        await limiter.consume(key, points);
        return 0;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        throw refusal;
      }
    },
    /** Gives back a point, e.g. when the counted attempt turned out to be a success. */
    async refund(key: string, points = 1): Promise<void> {
      await limiter.reward(key, points);
    },
    /** How many points the key has spent in its current window. */
    async spent(key: string): Promise<number> {
      return (await limiter.get(key))?.consumedPoints ?? 0;
    },
  };
}
export type SharedLimiter = ReturnType<typeof sharedLimiter>;

/** Deletes counters whose window ended over an hour ago, every 5 minutes, until stopped:
 *  one sweep per app over the shared table, so it grows only with the keys of the last hour. */
export function startLimitSweep(db: Db, everyMs = 5 * MINUTE_MS): () => void {
  const timer = setInterval(() => {
    // A failed sweep is retried at the next tick; counting never depends on it.
    void Promise.resolve()
      .then(() => db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: new Date(Date.now() - 60 * MINUTE_MS) } } }))
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The 429 every limited route answers with; the portal and the console render it as a page in the visitor's language. */
export const rateLimited = (retryAfter: number) =>
  new AppError(429, 'RATE_LIMITED', `Too many attempts from your address. Please try again in ${retryAfter} seconds.`);

/** An onRequest hook for the whole app: over the limit, the call is refused 429 before its body is read.
 *  It throws rather than replies, so the route's own error handler answers (HTML for the portal and console). */
export function rateLimitHook(db: Db, overrides: Partial<RateLimits> | undefined, scope: string) {
  const limits: RateLimits = { ...RATE_LIMITS, ...overrides };
  const limiters = Object.fromEntries(Object.entries(limits).map(([name, limit]) => [name, sharedLimiter(db, scope, name, limit)]));
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const route = LIMITED_ROUTES[`${req.method} ${req.routeOptions.url ?? ''}`];
    if (!route) return;
    const retryAfter = await limiters[route.limit]!.take(route.key(req));
    if (retryAfter === 0) return;
    reply.header('Retry-After', String(retryAfter));
    throw rateLimited(retryAfter);
  };
}
