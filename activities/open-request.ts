// Opening a request in one step: its rows (if intake has not written them) and its deadline
// plan, which runs recorded before the read model took as two activities.
import type { DsrWorkflowInput } from '../domain/request-input';
import { deadlineActivities, type IntakeResult } from './deadlines';
import type { ActivityDeps } from './deps';
import { intakeActivities } from './intake';

export function openRequestActivities(deps: ActivityDeps) {
  const intake = intakeActivities(deps);
  const deadlines = deadlineActivities(deps);
  return {
    /** Registers the request and plans its deadline; both are idempotent, so a retry is safe. */
    async openRequest(input: DsrWorkflowInput): Promise<IntakeResult> {
      await intake.registerRequest(input);
      return deadlines.planIntake({ requestId: input.requestId });
    },
  };
}
