// The subject's personal data must never sit in clear in Temporal's stored history.
import { randomUUID } from 'node:crypto';
import { workflowIdFor } from '../../workflows/messages';
import { api, codeIn } from '../support/http';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;

/** Every byte field of a protobuf message tree, read as UTF-8 text and joined;
 *  fields named in `skip` are left out. */
function bytesAsText(node: unknown, skip: string[] = [], seen = new Set<unknown>()): string {
  if (node instanceof Uint8Array) return Buffer.from(node).toString('utf8') + '\n';
  if (!node || typeof node !== 'object' || seen.has(node)) return '';
  seen.add(node);
  return Object.entries(node)
    .filter(([key]) => !skip.includes(key))
    .map(([, child]) => bytesAsText(child, skip, seen))
    .join('');
}
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

test('when a request has run, then its raw history holds neither the address nor the code in clear', async () => {
  const email = `private-${randomUUID()}@example.org`;
  await stack.db.customerAccount.create({ data: { email, fullName: 'Zhang Min Secret', plan: 'basic' } });
  const res = await api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'ACCESS' });
  const code = codeIn((await stack.mail.waitFor((m) => m.to.includes(email) && /verification|验证码/.test(m.subject))).text);
  expect((await api(stack.baseUrl, 'POST', res.body.statusUrl.replace('?', '/verification?'), { code })).status).toBe(200);
  await stack.client.workflow.getHandle(workflowIdFor(res.body.requestId)).result();

  // The raw protobuf answer, with every byte field read as text: what the server stores.
  const { history } = await stack.client.workflowService.getWorkflowExecutionHistory({
    namespace: 'default',
    execution: { workflowId: workflowIdFor(res.body.requestId) },
  });
  const raw = bytesAsText(history);
  expect(raw.length).toBeGreaterThan(1000);
  expect(raw.includes(email)).toBe(false);
  expect(raw.includes('Zhang Min Secret')).toBe(false);
  expect(raw.includes(`"code":"${code}"`)).toBe(false);
  expect(raw.includes('binary/encrypted')).toBe(true);
  // Search attributes are indexed, so the server keeps them as plain JSON: they must hold
  // only the non-personal status, type, regime, due date and stuck flag. Every other
  // payload must be encrypted, except the markers of versioned changes (patched()), which the
  // SDK's core writes in plain JSON and which hold only the change's name.
  const patchMarkers = (history?.events ?? []).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch');
  expect(bytesAsText(patchMarkers)).not.toContain(email);
  // A local activity's marker carries the core's bookkeeping (sequence, attempt, activity type,
  // times) in plain JSON under `data`, beside the result, which goes through the codec.
  const localActivityMarkers = (history?.events ?? []).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity');
  expect(localActivityMarkers.length).toBeGreaterThan(0);
  expect(bytesAsText(localActivityMarkers, ['data']).includes('json/plain')).toBe(false);
  expect(bytesAsText(localActivityMarkers.map((e) => e.markerRecordedEventAttributes?.details?.result))).toContain('binary/encrypted');
  const otherEvents = (history?.events ?? []).filter((e) => !patchMarkers.includes(e) && !localActivityMarkers.includes(e));
  expect(bytesAsText(otherEvents, ['searchAttributes']).includes('json/plain')).toBe(false);
  expect(raw.includes('"COMPLETED"')).toBe(true);
});
