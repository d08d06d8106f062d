-- An account made from the command line has no password until its person follows the link.
ALTER TABLE "StaffAccount" ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "StaffPasswordLink" (
    "id" TEXT NOT NULL,
    "staffId" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffPasswordLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffAuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "staffId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffAuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StaffPasswordLink_staffId_idx" ON "StaffPasswordLink"("staffId");

-- CreateIndex
CREATE INDEX "StaffAuditEvent_staffId_at_idx" ON "StaffAuditEvent"("staffId", "at");

-- AddForeignKey
ALTER TABLE "StaffPasswordLink" ADD CONSTRAINT "StaffPasswordLink_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
