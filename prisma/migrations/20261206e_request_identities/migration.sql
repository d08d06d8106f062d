-- Identities beyond the e-mail address a request may carry (a telephone number in E.164, a
-- customer or account id), so that stores which file the subject under them can be reached.
-- Encrypted like the address, and the keyed hashes are what the plain columns hold, for lookup.
ALTER TABLE "DsrRequest" ADD COLUMN "phoneEncrypted" TEXT;
ALTER TABLE "DsrRequest" ADD COLUMN "phoneHash" TEXT;
ALTER TABLE "DsrRequest" ADD COLUMN "accountIdEncrypted" TEXT;
ALTER TABLE "DsrRequest" ADD COLUMN "accountIdHash" TEXT;
CREATE INDEX "DsrRequest_phoneHash_idx" ON "DsrRequest"("phoneHash");
CREATE INDEX "DsrRequest_accountIdHash_idx" ON "DsrRequest"("accountIdHash");
