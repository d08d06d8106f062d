// What follows a verified identity on a request no second person must approve: the clock
// starts (the deadline counted from verification) and the request is assessed. One local
// activity where runs from before the folded steps took two; both parts are idempotent
// (verifiedAt recorded once, event keys), so a retry is safe.
import type { DeadlinePlan } from '../domain/deadline-plan';
import { type Assessment, assessmentActivities } from './assessment';
import { deadlineActivities } from './deadlines';
import type { ActivityDeps } from './deps';

export function verifiedStartActivities(deps: ActivityDeps) {
  const deadlines = deadlineActivities(deps);
  const assessments = assessmentActivities(deps);
  return {
    /** Starts the clock from `verifiedAt`, then assesses the request; the new plan and the assessment. */
    async startClockAndAssess(a: { requestId: string; verifiedAt: string }): Promise<{ plan: DeadlinePlan; assessment: Assessment }> {
      const plan = await deadlines.startClock(a);
      const assessment = await assessments.assessRequest({ requestId: a.requestId });
      return { plan, assessment };
    },
  };
}
