-- CreateTable
CREATE TABLE "SentMail" (
    "messageKey" TEXT NOT NULL,
    "requestId" UUID,
    "state" TEXT NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "SentMail_pkey" PRIMARY KEY ("messageKey")
);

-- CreateIndex
CREATE INDEX "SentMail_requestId_idx" ON "SentMail"("requestId");

