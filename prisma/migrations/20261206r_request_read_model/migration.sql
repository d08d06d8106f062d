-- Issue 17: PostgreSQL is the read model of a request. What it waits for and its fee are
-- written with each status change (activities/request-state.ts), so the portal, the API and
-- the console read the row instead of querying the workflow.
ALTER TABLE "DsrRequest" ADD COLUMN "awaiting" TEXT;
ALTER TABLE "DsrRequest" ADD COLUMN "fee" JSONB;

-- Requests already open: what they wait for follows from their status (domain/awaiting.ts).
UPDATE "DsrRequest" SET "awaiting" = CASE "status"
  WHEN 'AWAITING_VERIFICATION' THEN 'SUBJECT_VERIFICATION'
  WHEN 'AWAITING_FEE' THEN 'SUBJECT_FEE_ANSWER'
  WHEN 'AWAITING_DECISION' THEN 'COMPLIANCE_DECISION'
  WHEN 'AWAITING_APPROVAL' THEN 'COMPLIANCE_APPROVAL'
  WHEN 'STUCK' THEN 'COMPLIANCE_STORE_ACTION'
  ELSE NULL END;

-- Their fee, as the status page derived it from the audit trail until now: the quote of the
-- assessment (the excessive-request fee where compliance charged it), answered or waived by
-- the last answer on record. Only where it was shown: a request awaiting the answer, one
-- with an answer, or a closed one, never a duplicate.
WITH quoted AS (
  SELECT r.id,
    CASE WHEN EXISTS (SELECT 1 FROM "AuditEvent" d WHERE d."requestId" = r.id AND d.action = 'DECISION_CHARGE_FEE')
      THEN a.details -> 'excessiveFee' ELSE a.details -> 'fee' END AS quote,
    (SELECT e.action FROM "AuditEvent" e WHERE e."requestId" = r.id AND e.action IN ('FEE_ACCEPTED', 'FEE_DECLINED', 'FEE_WAIVED') ORDER BY e.id DESC LIMIT 1) AS answer
  FROM "DsrRequest" r
  JOIN LATERAL (SELECT details FROM "AuditEvent" x WHERE x."requestId" = r.id AND x.action = 'ASSESSED' ORDER BY x.id LIMIT 1) a ON TRUE
  WHERE r."status" <> 'DUPLICATE' AND r."duplicateOfId" IS NULL
)
UPDATE "DsrRequest" r SET "fee" = jsonb_build_object(
    'amount', q.quote -> 'amount',
    'currency', q.quote -> 'currency',
    'state', CASE q.answer WHEN 'FEE_ACCEPTED' THEN 'ACCEPTED' WHEN 'FEE_DECLINED' THEN 'DECLINED' WHEN 'FEE_WAIVED' THEN 'WAIVED' ELSE 'QUOTED' END)
FROM quoted q
WHERE r.id = q.id AND jsonb_typeof(q.quote) = 'object'
  AND (r."status" = 'AWAITING_FEE' OR q.answer IS NOT NULL OR r."closedAt" IS NOT NULL);
