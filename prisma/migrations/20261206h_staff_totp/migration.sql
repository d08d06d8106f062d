-- TOTP second factor for compliance and admin staff (issue 13, item 6).
ALTER TABLE "StaffAccount" ADD COLUMN "totpSecret" TEXT;
ALTER TABLE "StaffAccount" ADD COLUMN "totpConfirmedAt" TIMESTAMPTZ(3);
ALTER TABLE "StaffAccount" ADD COLUMN "totpLastStep" INTEGER;
ALTER TABLE "StaffSession" ADD COLUMN "secondFactorPending" BOOLEAN NOT NULL DEFAULT false;
