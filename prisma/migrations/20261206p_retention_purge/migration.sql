-- Retention (issue 13 item 7): closed requests past the controller profile's period are
-- purged with their audit trail, and every purge is itself recorded, with counts only.
-- Bodies are escape strings with \073 for the semicolon because the migration runner splits
-- scripts on semicolons and does not understand dollar quoting.

-- The audit trail stays append-only, with one exception: a DELETE inside
-- retention_purge_request_audit(), the only code that turns the setting on (for its own
-- transaction) and only for a request that closed before the cutoff its caller gives.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF TG_OP = \'DELETE\' AND current_setting(\'dsr.retention_purge\', true) = \'on\' THEN RETURN OLD\073 END IF\073 RAISE EXCEPTION \'AuditEvent is append-only\'\073 END\073';

-- The sanctioned purge path (activities/retention.ts): refuses a request that is open or
-- closed after `closed_before`, and returns how many audit events went.
CREATE FUNCTION retention_purge_request_audit(request uuid, closed_before timestamptz) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER AS
  E'DECLARE n integer\073 BEGIN IF NOT EXISTS (SELECT 1 FROM "DsrRequest" WHERE id = request AND "closedAt" IS NOT NULL AND "closedAt" <= closed_before) THEN RAISE EXCEPTION \'retention purge refused: the request is open or within its retention period\'\073 END IF\073 PERFORM set_config(\'dsr.retention_purge\', \'on\', true)\073 DELETE FROM "AuditEvent" WHERE "requestId" = request\073 GET DIAGNOSTICS n = ROW_COUNT\073 PERFORM set_config(\'dsr.retention_purge\', \'off\', true)\073 RETURN n\073 END\073';

-- The purges' own record: what kind, how many, up to which cutoff. No identifiers of anyone.
CREATE TABLE "RetentionPurge" (
  "id" BIGSERIAL NOT NULL,
  "kind" TEXT NOT NULL,
  "purged" INTEGER NOT NULL,
  "cutoff" TIMESTAMPTZ(3) NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "RetentionPurge_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RetentionPurge_kind_at_idx" ON "RetentionPurge"("kind", "at");

CREATE FUNCTION retention_purge_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION \'RetentionPurge is append-only\'\073 END\073';

CREATE TRIGGER retention_purge_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "RetentionPurge"
  FOR EACH ROW EXECUTE FUNCTION retention_purge_is_append_only();
