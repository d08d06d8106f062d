-- Identity keys match case-insensitively in every store (stores/identity-key.ts): the main
-- database's stores find a subject's rows through lower(email). Prisma's schema cannot express
-- expression indexes: prisma/schema.prisma notes that they are here.
CREATE INDEX "CustomerAccount_lower_email_idx" ON "CustomerAccount" (lower("email"));
CREATE INDEX "ServiceLog_lower_email_idx" ON "ServiceLog" (lower("email"));
CREATE INDEX "Invoice_lower_email_idx" ON "Invoice" (lower("email"));
CREATE INDEX "PaymentMethod_lower_email_idx" ON "PaymentMethod" (lower("email"));

-- What an erasure found before it began and what it reported, so that a retry after a crash
-- reports the first attempt's counts instead of the nothing that is left.
ALTER TABLE "StoreTask" ADD COLUMN "erasure" JSONB;
