-- CreateTable
CREATE TABLE "AccessPackage" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "dataKeySealed" TEXT,
    "sizeBytes" BIGINT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "contents" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "purgeAfter" TIMESTAMPTZ(3) NOT NULL,
    "downloads" INTEGER NOT NULL DEFAULT 0,
    "downloadedAt" TIMESTAMPTZ(3),
    "purgedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccessPackage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccessPackage_requestId_key" ON "AccessPackage"("requestId");

-- CreateIndex
CREATE INDEX "AccessPackage_purgedAt_purgeAfter_idx" ON "AccessPackage"("purgedAt", "purgeAfter");

-- CreateIndex
CREATE INDEX "ServiceLog_email_at_id_idx" ON "ServiceLog"("email", "at", "id");
