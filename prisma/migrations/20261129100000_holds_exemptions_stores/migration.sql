-- AlterTable
ALTER TABLE "DsrRequest" ADD COLUMN     "attestedBy" TEXT,
ADD COLUMN     "details" JSONB,
ADD COLUMN     "extensions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stuck" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "LegalHold" (
    "id" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "store" TEXT,
    "category" TEXT,
    "authority" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "releasedAt" TIMESTAMPTZ(3),
    "releasedBy" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExemptionSignal" (
    "id" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "ground" TEXT NOT NULL,
    "note" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ExemptionSignal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreTask" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "store" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "processed" INTEGER,
    "retained" JSONB,
    "justification" TEXT,
    "settledBy" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StoreTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceLog" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "ipAddress" TEXT,
    "deviceId" TEXT,
    "hardwareModel" TEXT,
    "osVersion" TEXT,
    "location" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ServiceLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LegalHold_subjectId_idx" ON "LegalHold"("subjectId");

-- CreateIndex
CREATE INDEX "ExemptionSignal_subjectId_idx" ON "ExemptionSignal"("subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreTask_requestId_store_key" ON "StoreTask"("requestId", "store");

-- CreateIndex
CREATE INDEX "ServiceLog_email_idx" ON "ServiceLog"("email");

-- AddForeignKey
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "DataSubject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExemptionSignal" ADD CONSTRAINT "ExemptionSignal_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "DataSubject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreTask" ADD CONSTRAINT "StoreTask_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DsrRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

