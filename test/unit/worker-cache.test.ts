// The worker's workflow cache is sized from a memory budget (README, WORKER_MEMORY_BUDGET_MIB).
import { CACHED_WORKFLOW_MIB, cachedWorkflowsFor, DEFAULT_WORKFLOW_CACHE_MIB } from '../../worker';

test('when nothing is set, then the cache holds what the default budget holds', () => {
  expect(cachedWorkflowsFor({})).toBe(Math.floor(DEFAULT_WORKFLOW_CACHE_MIB / CACHED_WORKFLOW_MIB));
  expect(cachedWorkflowsFor({})).toBe(256);
});

test('when a budget is set, then the cache grows and shrinks with it, never below one workflow', () => {
  expect(cachedWorkflowsFor({ WORKER_MEMORY_BUDGET_MIB: '64' })).toBe(128);
  expect(cachedWorkflowsFor({ WORKER_MEMORY_BUDGET_MIB: '0' })).toBe(1);
});

test('when a fixed number of cached workflows is set, then it wins over the budget', () => {
  expect(cachedWorkflowsFor({ WORKER_MAX_CACHED_WORKFLOWS: '40', WORKER_MEMORY_BUDGET_MIB: '64' })).toBe(40);
});
