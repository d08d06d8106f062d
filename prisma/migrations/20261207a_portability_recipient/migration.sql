-- A portability package sent to a recipient the controller registered (PIPL art 45 para 3):
-- one row per request, where the engine keeps what it sent (the package's digest, the call of
-- each attempt) and what the recipient answered: its verified receipt, or why nothing was
-- delivered. Ids, digests, states and times only: never the package's contents.
CREATE TABLE "PortabilityTransfer" (
    "requestId" UUID NOT NULL,
    "recipientId" TEXT NOT NULL,
    -- SENDING, ACKNOWLEDGED, REFUSED, UNREACHABLE, RECEIPT_INVALID, NOT_SENT
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastCallId" UUID,
    -- "sha256:<hex>" of the package as sent (canonical JSON of manifest, schema and data).
    "packageDigest" TEXT,
    -- The recipient's receipt, as received and verified: its id, the call, the digest, receivedAt.
    "receipt" JSONB,
    -- When the recipient says it received the package (from its verified receipt).
    "acknowledgedAt" TIMESTAMPTZ(3),
    -- What went wrong, in the engine's words (HTTP status, a recipient's refusal code): never personal data.
    "problem" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMPTZ(3),
    CONSTRAINT "PortabilityTransfer_pkey" PRIMARY KEY ("requestId")
);
