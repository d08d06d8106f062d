// What the Exercise Status needs from the engine's rows, read in one place for the status and
// revoke endpoints and the status callback: the request, its deadline and extensions, the
// refusal's citations, and its access package.
import type { Db } from '../db/prisma';
import { findRequestFields, lastAuditEvent } from '../db/records';
import { getRegime } from '../policy/regimes';
import type { EngineRow } from './exercise-status';

/** The engine's facts about a request, or null while its first activity has not written the row. */
export async function engineFacts(db: Db, requestId: string): Promise<EngineRow | null> {
  const row = await findRequestFields(db, requestId, { status: true, outcome: true, dueAt: true, extensions: true, type: true, regime: true });
  if (!row) return null;
  const facts: EngineRow = { ...row };
  if (row.status === 'REFUSED') {
    const decision = await lastAuditEvent(db, requestId, 'DECISION_REFUSE');
    // The ground codes compliance chose, cited in the regime's own words: the citation staff
    // typed is free text, which might describe the consumer, so it is not passed on.
    const codes = new Set(((decision?.details as { grounds?: Array<{ code?: unknown }> } | null)?.grounds ?? []).map((g) => g.code));
    facts.citations = getRegime(row.regime).refusalGrounds.filter((g) => codes.has(g.code)).map((g) => g.citation);
  }
  if (row.status === 'COMPLETED' && row.type === 'ACCESS') {
    facts.accessPackage = await db.accessPackage.findUnique({ where: { requestId }, select: { expiresAt: true, purgedAt: true } });
  }
  return facts;
}
