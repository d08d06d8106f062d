// Fixed-window rate limits in memory, for the three public routes an attacker would hammer:
// intake (each request starts a workflow and mails a code), the code check (six digits can
// be guessed) and the staff sign-in (passwords can be guessed). In memory means per process:
// behind several instances each counts alone, which still bounds guessing per instance.
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface RateLimit {
  max: number;
  windowMs: number;
}

const MINUTE_MS = 60_000;

/** The limits per route; ServerDeps.rateLimits overrides them (tests use small ones). */
export const RATE_LIMITS = {
  // A person submits a request or two; ten a minute from one address leaves room for a shared office NAT.
  submission: { max: 10, windowMs: MINUTE_MS },
  // Per address and request: with the workflow's own limit of attempts per code this keeps
  // a guesser to a handful of tries, while a subject who mistypes a few times is never stopped.
  verification: { max: 10, windowMs: 10 * MINUTE_MS },
  // Accounts lock after five wrong passwords; this stops one address from walking many accounts.
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
  // The console's sign-in form reaches the same sign-in: one budget per address across both.
  'POST /console/login': { limit: 'staffSignIn', key: (req) => req.ip },
};

/** Counts calls per key in fixed windows; `take` answers how long to wait once a key is over its limit. */
export function createRateLimiter(limit: RateLimit, clock: () => Date) {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = clock().getTime();
  return {
    /** Counts one call; returns 0 when allowed, else the seconds until the window ends. */
    take(key: string): number {
      const now = clock().getTime();
      // Forget finished windows now and then, so a stream of one-off addresses cannot grow the map forever.
      if (now - lastSweep >= limit.windowMs) {
        for (const [k, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(k);
        lastSweep = now;
      }
      let window = windows.get(key);
      if (!window || now - window.start >= limit.windowMs) {
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count <= limit.max ? 0 : Math.max(1, Math.ceil((window.start + limit.windowMs - now) / 1000));
    },
  };
}

/** An onRequest hook for the whole app: over the limit, the call is answered 429 before its body is read. */
export function rateLimitHook(overrides: Partial<RateLimits> | undefined, clock: () => Date) {
  const limits: RateLimits = { ...RATE_LIMITS, ...overrides };
  const limiters = Object.fromEntries(Object.entries(limits).map(([name, limit]) => [name, createRateLimiter(limit, clock)]));
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const route = LIMITED_ROUTES[`${req.method} ${req.routeOptions.url ?? ''}`];
    if (!route) return;
    const retryAfter = limiters[route.limit]!.take(route.key(req));
    if (retryAfter === 0) return;
    return reply
      .status(429)
      .header('Retry-After', String(retryAfter))
      .send({ error: 'RATE_LIMITED', message: `Too many attempts from your address. Please try again in ${retryAfter} seconds.` });
  };
}
