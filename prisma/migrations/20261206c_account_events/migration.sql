-- The account system's signed events (server/routes/account-events.ts): each event id is
-- taken once, so a captured call replayed within its five-minute window changes nothing.
CREATE TABLE "AccountEventReceipt" (
    "eventId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountEventReceipt_pkey" PRIMARY KEY ("eventId")
);
