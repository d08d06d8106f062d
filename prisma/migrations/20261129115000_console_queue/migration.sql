-- The staff console: an order's reference number on a legal hold, and the indexes the review
-- queue's views read (server/use-cases/review-queue.ts), fast with 100,000 requests.

-- AlterTable
ALTER TABLE "LegalHold" ADD COLUMN "reference" TEXT;

-- CreateIndex
CREATE INDEX "DsrRequest_closedAt_dueAt_idx" ON "DsrRequest"("closedAt", "dueAt");

-- CreateIndex
CREATE INDEX "DsrRequest_closedAt_receivedAt_idx" ON "DsrRequest"("closedAt", "receivedAt");

-- CreateIndex
CREATE INDEX "DsrRequest_stuck_dueAt_idx" ON "DsrRequest"("stuck", "dueAt");

-- CreateIndex
CREATE INDEX "DsrRequest_attestedBy_dueAt_idx" ON "DsrRequest"("attestedBy", "dueAt");

-- CreateIndex
CREATE INDEX "StoreTask_status_idx" ON "StoreTask"("status");
