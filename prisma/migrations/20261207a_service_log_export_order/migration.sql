-- The declared service-logs store exports a subject's rows a batch at a time, in keyset order
-- on (at, id) among the rows whose lower(email) matches. With only lower(email) indexed,
-- PostgreSQL fetched and sorted every row of the subject for each batch of 1,000: 100 batches
-- over 100,000 rows took 15 minutes on a loaded machine. This index serves the match and the
-- order together, and makes the lower(email)-only one redundant.
CREATE INDEX "ServiceLog_lower_email_at_id_idx" ON "ServiceLog" (lower("email"), "at", "id");
DROP INDEX IF EXISTS "ServiceLog_lower_email_idx";
