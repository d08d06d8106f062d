-- Issue 12: the controller's profile. Each request records the digest of the profile it was
-- received under (its deadlines keep that profile's establishment), and a warning while its
-- due date was computed without holiday data for a year.

-- AlterTable
ALTER TABLE "DsrRequest" ADD COLUMN     "holidayWarning" TEXT,
ADD COLUMN     "profileDigest" TEXT;

-- CreateTable
CREATE TABLE "ControllerProfileVersion" (
    "digest" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ControllerProfileVersion_pkey" PRIMARY KEY ("digest")
);
