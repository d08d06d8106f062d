-- The review queue reads open requests in deadline (or receipt) order a page at a time. A
-- "closedAt" IS NULL condition is not an equality, so only partial indexes give PostgreSQL
-- that order without sorting every open request, and let it count them from the index alone.
-- Prisma's schema cannot express partial indexes: prisma/schema.prisma notes that they are here.

-- DropIndex
DROP INDEX IF EXISTS "DsrRequest_closedAt_dueAt_idx";

-- DropIndex
DROP INDEX IF EXISTS "DsrRequest_closedAt_receivedAt_idx";

-- DropIndex
DROP INDEX IF EXISTS "DsrRequest_stuck_dueAt_idx";

-- DropIndex
DROP INDEX IF EXISTS "DsrRequest_attestedBy_dueAt_idx";

-- CreateIndex
CREATE INDEX "DsrRequest_open_dueAt_id_idx" ON "DsrRequest"("dueAt", "id") WHERE "closedAt" IS NULL;

-- CreateIndex
CREATE INDEX "DsrRequest_open_receivedAt_id_idx" ON "DsrRequest"("receivedAt", "id") WHERE "closedAt" IS NULL;

-- CreateIndex
CREATE INDEX "DsrRequest_stuck_open_dueAt_id_idx" ON "DsrRequest"("dueAt", "id") WHERE "stuck" AND "closedAt" IS NULL;

-- CreateIndex
CREATE INDEX "DsrRequest_attestedBy_dueAt_id_idx" ON "DsrRequest"("attestedBy", "dueAt", "id");

-- DropIndex
DROP INDEX IF EXISTS "StoreTask_status_idx";

-- CreateIndex
CREATE INDEX "StoreTask_failing_requestId_idx" ON "StoreTask"("requestId") WHERE "status" = 'FAILED' OR ("status" = 'PENDING' AND "attempts" > 0 AND "lastError" IS NOT NULL);
