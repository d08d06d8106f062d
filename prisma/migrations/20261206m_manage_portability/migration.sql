-- MANAGE and PORTABILITY requests (issue 15, items 1 and 2). "DsrRequest"."type" is text checked
-- by the application's enum (domain/request-kinds.ts), so the new types need no column change.

-- The consents and processing flags a deployment keeps per subject and purpose, as the demo
-- estate's consent register: a declared SQL store (data map, `purposes`) withdraws, restricts or
-- objects by setting "status", nothing here is ever erased by a MANAGE request.
CREATE TABLE "ProcessingConsent" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'granted',
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessingConsent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ProcessingConsent_email_idx" ON "ProcessingConsent"("email");

-- A portability package sent to a recipient the controller registered: one row per request,
-- ids, digests and the recipient's acknowledgement only (never the data).
CREATE TABLE "PortabilityTransfer" (
    "requestId" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "packageDigest" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "acknowledgement" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "acknowledgedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "PortabilityTransfer_pkey" PRIMARY KEY ("requestId")
);
ALTER TABLE "PortabilityTransfer" ADD CONSTRAINT "PortabilityTransfer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DsrRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
