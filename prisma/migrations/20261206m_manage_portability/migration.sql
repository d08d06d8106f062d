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
