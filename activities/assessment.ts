// Assessing a verified request: a duplicate of an open one, how many earlier requests
// fall in the regime's fee window, whether that makes it chargeable or possibly
// excessive, and whether an exemption signal is on record for the subject.
import { collectedByMistake, minorOf } from '../domain/minor';
import { EXCESSIVE_MULTIPLE_OF_FREE_QUOTA, EXCESSIVE_REQUESTS_PER_YEAR } from '../domain/procedure';
import { citerFor, offerFor } from '../config/controller-profile';
import { getRegime, type RegimePolicy } from '../policy';
import { appendAudit, countVerifiedOriginalsInWindow, findRequest, openVerifiedOriginalOf, readRequest, unverifiedTwinIdsOf, updateRequest } from '../db/records';
import type { ActivityDeps } from './deps';
import { profileAccess } from './profile-access';

export interface Assessment {
  /** The earlier open request this one repeats: only a verified one is an original. */
  duplicateOf: string | null;
  /** Open requests of the same subject and kind still waiting for verification: this verified
   *  one supersedes them (absent in assessments recorded before superseding). */
  supersedes?: string[];
  earlierInWindow: number;
  fee: { amount: number; currency: string; citation: string } | null;
  excessive: boolean;
  /** The fee compliance may charge instead if it finds the request manifestly unfounded or
   *  excessive; null where the regime allows no such fee. */
  excessiveFee: { amount: number; currency: string; citation: string } | null;
  exemptionGrounds: Array<{ code: string; citation: string; description: string }>;
}

function windowStart(regime: RegimePolicy, receivedAt: Date): Date {
  const start = new Date(receivedAt);
  const window = regime.fees.window ?? { amount: 12, unit: 'calendarMonths' as const };
  if (window.unit === 'calendarMonths') start.setUTCMonth(start.getUTCMonth() - window.amount);
  else start.setUTCDate(start.getUTCDate() - window.amount);
  return start;
}

function isExcessive(regime: RegimePolicy, earlier: number): boolean {
  const free = regime.fees.freeRequestsPerWindow;
  return free === null ? earlier >= EXCESSIVE_REQUESTS_PER_YEAR : earlier >= Math.max(1, free) * EXCESSIVE_MULTIPLE_OF_FREE_QUOTA;
}

export function assessmentActivities({ db, profile, holidayDataDir }: ActivityDeps) {
  const profiles = profileAccess(db, profile, holidayDataDir);
  return {
    /** Assesses the request and records the findings as an audit event. */
    async assessRequest({ requestId }: { requestId: string }): Promise<Assessment> {
      const request = await readRequest(db, requestId);
      const regime = getRegime(request.regime);
      // The law says whether a fee is lawful; the controller's profile says how much.
      const controller = await profiles.profileOf(request);
      const cite = citerFor(controller);
      const cost = regime.fees.costFeeAllowed ? offerFor(controller, request.regime).fees.cost : null;
      const feeQuote = cost ? { ...cost, citation: cite(regime.fees.citation) } : null;
      // Only a verified open request is an original: an unverified one filed first (by anyone
      // who knows the address) must never make the subject's verified request a duplicate.
      const open = await openVerifiedOriginalOf(db, request);
      const unverified = open ? [] : await unverifiedTwinIdsOf(db, request);
      const earlierInWindow = await countVerifiedOriginalsInWindow(db, request, regime.fees.countedRequestTypes, windowStart(regime, request.receivedAt), request.receivedAt);
      const free = regime.fees.freeRequestsPerWindow;
      // A deletion compliance opened for a child's data collected by mistake is the controller's
      // own duty, not the subject's request: never charged, never weighed as excessive.
      const ownMotion = collectedByMistake(minorOf(request.details));
      const chargeable = !ownMotion && free !== null && earlierInWindow >= free && feeQuote !== null;
      const signals = await db.exemptionSignal.findMany({ where: { subjectId: request.subjectId, clearedAt: null } });
      const assessment: Assessment = {
        duplicateOf: open?.id ?? null,
        supersedes: unverified,
        earlierInWindow,
        // A duplicate is answered by the open request it repeats: it is never charged, nor weighed as excessive.
        fee: chargeable && !open ? feeQuote : null,
        excessive: !open && !ownMotion && isExcessive(regime, earlierInWindow),
        excessiveFee: !open && !ownMotion && regime.fees.feeForExcessive ? feeQuote : null,
        exemptionGrounds: signals.map((s) => {
          const ground = regime.refusalGrounds.find((g) => g.code === s.ground);
          return { code: s.ground, citation: cite(ground?.citation ?? regime.citation), description: ground?.description ?? s.ground };
        }),
      };
      await db.$transaction(async (tx) => {
        if (assessment.duplicateOf) await updateRequest(tx, requestId, { duplicateOfId: assessment.duplicateOf });
        await appendAudit(tx, {
          requestId,
          actor: 'system',
          action: 'ASSESSED',
          details: { ...assessment, exemptionGrounds: assessment.exemptionGrounds.map((g) => g.code) },
          eventKey: `${requestId}:assessed`,
        });
      });
      return assessment;
    },

    /** Confirms that `byRequestId` may supersede this request: the same subject and kind,
     *  verified, while this one is not. The workflow asks before closing on a signal's word. */
    async confirmSupersession({ requestId, byRequestId }: { requestId: string; byRequestId: string }): Promise<boolean> {
      const [mine, by] = await Promise.all([findRequest(db, requestId), findRequest(db, byRequestId)]);
      return !!mine && !!by && mine.id !== by.id && mine.subjectId === by.subjectId && mine.type === by.type && mine.verifiedAt === null && by.verifiedAt !== null;
    },
  };
}
