// The workflow stack honours DSR_TEST_NOW: the server's clock, the activities' clock and the
// requests' receipt all stand on the chosen day (on an ordinary run, on today).
import { testNowFromEnv } from '../support/test-clock';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { requestRow } from './helpers';

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack();
});
afterAll(async () => stack?.close());

const MINUTE = 60_000;

test('when the suite runs as if on another day, then the server, the activities and the request all agree on it', async () => {
  const expected = testNowFromEnv() ?? new Date();
  expect(Math.abs(stack.now().getTime() - expected.getTime())).toBeLessThan(10 * MINUTE);
  expect(Math.abs((await stack.env.currentTimeMs()) - stack.now().getTime())).toBeLessThan(10 * MINUTE);
  const { requestId, handle } = await stack.start({ attestation: { staffId: 'agent-1', evidenceNote: 'ID card checked in person' } });
  await handle.result();
  const row = await requestRow(stack.db, requestId);
  expect(Math.abs(row.receivedAt.getTime() - expected.getTime())).toBeLessThan(10 * MINUTE);
  expect(Math.abs(row.verifiedAt!.getTime() - expected.getTime())).toBeLessThan(10 * MINUTE);
});
