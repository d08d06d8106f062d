-- Issue 13 item 8: a new call id per attempt of a processor call, each kept as the callbacks'
-- nonce, so a late callback of an earlier attempt cannot complete a retry.

-- AlterTable
ALTER TABLE "ProcessorCall" ADD COLUMN "attemptId" UUID;

-- CreateTable
CREATE TABLE "ProcessorCallAttempt" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessorCallAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProcessorCallAttempt_callId_idx" ON "ProcessorCallAttempt"("callId");

-- AddForeignKey
ALTER TABLE "ProcessorCallAttempt" ADD CONSTRAINT "ProcessorCallAttempt_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ProcessorCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Calls made before: their one attempt's id is the call's own, so a callback already on its way still completes it.
INSERT INTO "ProcessorCallAttempt" ("id", "callId", "createdAt") SELECT "id", "id", "createdAt" FROM "ProcessorCall";
UPDATE "ProcessorCall" SET "attemptId" = "id";
