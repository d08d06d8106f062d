-- CreateTable
CREATE TABLE "ManualTask" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "store" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "outcome" TEXT,
    "processed" INTEGER,
    "note" TEXT,
    "completedBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ManualTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ManualTask_requestId_store_key" ON "ManualTask"("requestId", "store");

-- CreateIndex
CREATE INDEX "ManualTask_status_createdAt_idx" ON "ManualTask"("status", "createdAt");

-- CreateTable
CREATE TABLE "DeletionCertificate" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "body" JSONB NOT NULL,
    "digest" TEXT NOT NULL,

    CONSTRAINT "DeletionCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeletionCertificate_requestId_key" ON "DeletionCertificate"("requestId");
