// The staff assertion: what the API signs and the worker checks before a staff update acts.
import { checkStaffAssertion, signStaffAssertion, staffAssertionKey } from '../../crypto/staff-assertion';

const key = staffAssertionKey('a-pepper-long-enough-for-a-test-0123456789');
const claim = { requestId: 'r-1', action: 'approveErasure', staffId: 's-1', role: 'compliance' };
const now = new Date('2026-12-05T04:00:00Z');
const expected = { requestId: 'r-1', action: 'approveErasure', staffId: 's-1' };

test('when the assertion matches request, action and staff and is fresh, then it is valid with its role', () => {
  expect(checkStaffAssertion(key, signStaffAssertion(key, claim, now), expected, now)).toEqual({ ok: true, role: 'compliance' });
});

test('when anything differs, is altered, expired or missing, then it is refused with the reason', () => {
  const good = signStaffAssertion(key, claim, now);
  const reason = (a: unknown, e = expected, at = now) => (checkStaffAssertion(key, a, e, at) as { reason?: string }).reason;
  expect(reason(undefined)).toMatch(/no assertion/);
  expect(reason('x.y')).toMatch(/malformed/);
  expect(reason(signStaffAssertion(staffAssertionKey('another pepper'), claim, now))).toMatch(/not signed by the API/);
  const [body, sig] = good.split('.');
  const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), o: 'admin' })).toString('base64url');
  expect(reason(`${forgedBody}.${sig}`)).toMatch(/not signed by the API/);
  expect(reason(good, { ...expected, requestId: 'r-2' })).toMatch(/another request/);
  expect(reason(good, { ...expected, action: 'decide' })).toMatch(/another action/);
  expect(reason(good, { ...expected, staffId: 's-2' })).toMatch(/another member of staff/);
  expect(reason(good, expected, new Date(now.getTime() + 6 * 60_000))).toMatch(/expired/);
});

test('the key is distinct from the status-link key derived from the same pepper', async () => {
  const { statusTokenKey } = await import('../../crypto/status-token');
  expect(staffAssertionKey('p').equals(statusTokenKey('p'))).toBe(false);
});
