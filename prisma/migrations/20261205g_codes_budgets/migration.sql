-- Shared rate-limit counters (rate-limiter-flexible's Prisma store) and staff sessions' idle time.
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMPTZ(3),
    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

ALTER TABLE "StaffSession" ADD COLUMN "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
