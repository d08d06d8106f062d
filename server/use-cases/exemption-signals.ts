// Exemption signals recorded and cleared by compliance: the fact that a refusal ground of
// the request's regime applies to its subject. The workflow's assessment reads the signals
// on record (activities/assessment.ts) and puts their grounds before compliance's decision.
import type { ExemptionSignal } from '../../generated/prisma/client';
import { clearExemptionSignal, recordExemptionSignal } from '../../legal/exemptions';
import { getRegime } from '../../policy';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';
import type { SignalBody, SignalView } from '../staff/console-schemas';
import { findRequestFields, latestRequestIdOf, requestAuditedWith } from '../../db/records';

/** A signal as staff see it. */
export function signalView(s: ExemptionSignal): SignalView {
  return {
    signalId: s.id,
    ground: s.ground,
    note: s.note,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    clearedAt: s.clearedAt?.toISOString() ?? null,
  };
}

/** Records that a refusal ground of the request's regime applies to its subject; audited on the request. */
export async function recordExemptionSignalFor(deps: ServerDeps, staffId: string, requestId: string, body: SignalBody): Promise<SignalView> {
  const request = await findRequestFields(deps.db, requestId, { subjectId: true, regime: true });
  if (!request) throw notFound('The request');
  const grounds = getRegime(request.regime).refusalGrounds.map((g) => g.code);
  if (!grounds.includes(body.ground)) {
    throw new AppError(400, 'UNKNOWN_GROUND', `"${body.ground}" is not a refusal ground of ${request.regime} (its grounds: ${grounds.join(', ')}).`);
  }
  const existing = await deps.db.exemptionSignal.findFirst({ where: { subjectId: request.subjectId, ground: body.ground, clearedAt: null } });
  if (existing) throw new AppError(409, 'ALREADY_RECORDED', `A ${body.ground} signal is already on record for this subject (${existing.id}).`);
  const signal = await recordExemptionSignal(deps.db, {
    subjectId: request.subjectId,
    ground: body.ground,
    note: body.note,
    createdBy: `staff:${staffId}`,
    requestId,
  });
  return signalView(signal);
}

/** Clears a signal, audited with the reason on the request it was recorded through. */
export async function clearExemptionSignalFor(deps: ServerDeps, staffId: string, signalId: string, reason: string): Promise<SignalView> {
  const signal = await deps.db.exemptionSignal.findUnique({ where: { id: signalId } });
  if (!signal) throw notFound('The exemption signal');
  if (signal.clearedAt) throw new AppError(409, 'WRONG_STATE', `This signal was already cleared on ${signal.clearedAt.toISOString()}.`);
  const auditedOn = (await requestAuditedWith(deps.db, 'EXEMPTION_SIGNAL_RECORDED', 'signalId', signalId)) ?? (await latestRequestIdOf(deps.db, signal.subjectId));
  await clearExemptionSignal(deps.db, signalId, `staff:${staffId}`, deps.clock(), auditedOn, reason);
  return signalView(await deps.db.exemptionSignal.findUniqueOrThrow({ where: { id: signalId } }));
}
