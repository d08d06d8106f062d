-- Issue 16: authorized agents over the Data Rights Protocol 1.0 (server/drp/). Pairwise
-- tokens are kept only as SHA-256, and DRP requests carry no personal data.

-- CreateTable
CREATE TABLE "DrpAgentToken" (
    "tokenHash" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrpAgentToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "DrpRequest" (
    "id" UUID NOT NULL,
    "agentId" TEXT NOT NULL,
    "agentRequestId" TEXT,
    "exercise" TEXT NOT NULL,
    "regime" TEXT,
    "statusCallback" TEXT,
    "started" BOOLEAN NOT NULL,
    "deniedReason" TEXT,
    "processingDetails" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastNotified" TEXT,

    CONSTRAINT "DrpRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DrpAgentToken_agentId_idx" ON "DrpAgentToken"("agentId");

-- CreateIndex
CREATE INDEX "DrpRequest_agentId_idx" ON "DrpRequest"("agentId");
