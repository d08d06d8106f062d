// A deadline recomputed along with other results in one step (the folded steps, acts.ts
// FOLDED_PATCH: the clock's start with the assessment). Kept apart from RequestRun.replan,
// whose awaits running histories depend on, command for command.
import { condition, patched } from '@temporalio/workflow';
import type { DeadlinePlan } from './messages';
import type { RequestRun } from './request-run';

/** As run.replan: waits out an extension being recorded, holds 'plan' while `compute` runs,
 *  installs the plan it returns; hands back the whole result. */
export async function replanWith<T extends { plan: DeadlinePlan }>(run: RequestRun, compute: () => Promise<T>): Promise<T> {
  if (run.isBusy('extend') && patched('race-plan-lock')) await condition(() => !run.isBusy('extend'));
  const result = await run.exclusively('plan', compute);
  run.setPlan(result.plan);
  return result;
}
