-- Issue 14: the console in the staff member's own language, and an owner per request.
-- The owner is the console's bookkeeping, not the procedure's: it lives in its own table, so
-- that workflows (which write DsrRequest) never need to know about it.

ALTER TABLE "StaffAccount" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';

CREATE TABLE "RequestOwner" (
    "requestId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "assignedBy" UUID NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestOwner_pkey" PRIMARY KEY ("requestId")
);

CREATE INDEX "RequestOwner_staffId_idx" ON "RequestOwner"("staffId");
