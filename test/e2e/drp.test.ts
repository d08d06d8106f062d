// Authorized agents over DRP 1.0, end to end: an agent simulator written from the spec
// (test/support/drp-agent.ts) against the real engine (Temporal dev server, PostgreSQL, SMTP).
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/http';
import { type CallbackServer, drpCall, envelope, newAgent, signed, startCallbackServer, writeDirectory } from '../support/drp-agent';
import { createStaffAndLogIn, staffApi, startStack, type Stack } from '../support/stack';
import { activeProfile } from '../../config/controller-profile';
import { getRegime } from '../../policy/regimes';
import { EXCESSIVE_MULTIPLE_OF_FREE_QUOTA } from '../../domain/procedure';

const BUSINESS = 'EXAMPLE_CB';
const agentA = newAgent('AGENT_A');
const agentB = newAgent('AGENT_B');
const outsider = newAgent('NOT_IN_DIRECTORY');

let stack: Stack;
let warnings: string[];
let callbacks: CallbackServer;
let base: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drp-'));
  writeDirectory(join(dir, 'agents.json'), [agentA, agentB], [{ id: 'BROKEN', verify_key: 'not-a-key', technical_contact: 'someone@example.org' }]);
  process.env.DRP_AGENT_DIRECTORY = join(dir, 'agents.json');
  process.env.DRP_BUSINESS_ID = BUSINESS;
  warnings = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((m: unknown) => void warnings.push(String(m)));
  stack = await startStack();
  warn.mockRestore();
  callbacks = await startCallbackServer();
  base = `${stack.baseUrl}/drp/v1`;
  for (const agent of [agentA, agentB]) {
    const res = await drpCall(`${base}/agent/${agent.id}`, 'POST', { body: signed(agent, { ...envelope(agent.id, BUSINESS), 'drp.version': '1.0' }) });
    expect(res.status).toBe(200);
    tokens[agent.id] = res.body!.token as string;
  }
});
afterAll(async () => {
  await callbacks?.close();
  await stack?.close();
  delete process.env.DRP_AGENT_DIRECTORY;
  delete process.env.DRP_BUSINESS_ID;
});

const subjectEmail = () => `drp-${randomUUID()}@example.org`;

/** A signed exercise message of agent A (or `agent`), with the spec's claims. */
function exerciseBody(claims: Record<string, unknown>, agent = agentA, env = envelope(agent.id, BUSINESS)) {
  return signed(agent, { ...env, 'drp.version': '1.0', regime: 'ccpa', relationships: [], ...claims });
}

async function exercise(claims: Record<string, unknown>, token = tokens[agentA.id]!) {
  return drpCall(`${base}/data-rights-request`, 'POST', { token, body: exerciseBody(claims) });
}

describe('pairwise key setup and agent information', () => {
  test('when the directory has an unusable entry, then it is left out with a logged reason that names no contact', async () => {
    expect(warnings.filter((w) => w.includes('DRP agent directory'))).toEqual([expect.stringContaining('entry 2 (BROKEN): verify_key is not a 32-byte Ed25519 key in base64; the entry is ignored.')]);
    expect(warnings.join('\n')).not.toContain('someone@example.org');
    const res = await drpCall(`${base}/agent/BROKEN`, 'POST', { body: signed(outsider, { ...envelope('BROKEN', BUSINESS), 'drp.version': '1.0' }) });
    expect([res.status, res.text]).toEqual([403, '']);
  });

  test('when an agent of the directory signs the setup message, then it gets a token bound to it, stored only as SHA-256', async () => {
    const res = await drpCall(`${base}/agent/${agentA.id}`, 'POST', { body: signed(agentA, { ...envelope(agentA.id, BUSINESS), 'drp.version': '1.0' }) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ 'agent-id': agentA.id, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const hash = createHash('sha256').update(res.body!.token as string).digest('hex');
    expect(await stack.db.drpAgentToken.findUnique({ where: { tokenHash: hash } })).toMatchObject({ agentId: agentA.id });
    expect(await stack.db.drpAgentToken.count({ where: { tokenHash: res.body!.token as string } })).toBe(0);

    expect(await drpCall(`${base}/agent/${agentA.id}`, 'GET', { token: res.body!.token as string })).toMatchObject({ status: 200, body: {} });
    expect((await drpCall(`${base}/agent/${agentB.id}`, 'GET', { token: res.body!.token as string })).status).toBe(403);
    expect((await drpCall(`${base}/agent/${agentA.id}`, 'GET', { token: 'unknown-token-unknown-token' })).status).toBe(401);
    expect((await drpCall(`${base}/agent/${agentA.id}`, 'GET')).status).toBe(401);
  });

  test('when the setup message fails any check, then the answer is 403 with an empty body and no token is issued', async () => {
    const before = await stack.db.drpAgentToken.count();
    const now = Date.now();
    const ok = (over: object = {}) => ({ ...envelope(agentA.id, BUSINESS), 'drp.version': '1.0', ...over });
    const cases: Array<[string, string, string]> = [
      ['unknown agent', outsider.id, signed(outsider, { ...ok(), 'agent-id': outsider.id })],
      ['bad signature (another agent signed)', agentA.id, signed(agentB, ok())],
      ['agent-id other than the URL', agentA.id, signed(agentA, ok({ 'agent-id': agentB.id }))],
      ['wrong business id', agentA.id, signed(agentA, ok({ 'business-id': 'OTHER_CB' }))],
      ['expired', agentA.id, signed(agentA, ok(envelope(agentA.id, BUSINESS, new Date(now - 3_600_000))))],
      ['issued in the future', agentA.id, signed(agentA, ok(envelope(agentA.id, BUSINESS, new Date(now + 3_600_000))))],
      ['not base64', agentA.id, 'this is not a signed message'],
      ['no drp.version', agentA.id, signed(agentA, envelope(agentA.id, BUSINESS))],
    ];
    for (const [what, urlAgent, body] of cases) {
      const res = await drpCall(`${base}/agent/${urlAgent}`, 'POST', { body });
      expect([what, res.status, res.text]).toEqual([what, 403, '']);
    }
    expect(await stack.db.drpAgentToken.count()).toBe(before);
  });
});

describe('exercising rights', () => {
  test('when an agent files an access request with a verified e-mail, then a real workflow fulfils it, the status says fulfilled and the callback hears each change', async () => {
    const email = subjectEmail();
    await stack.db.customerAccount.create({ data: { email, fullName: 'Drp Reader', plan: 'basic' } });
    const res = await exercise({ exercise: 'access', 'agent-request-id': 'agent-ref-1', email, email_verified: true, status_callback: callbacks.url });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ request_id: expect.any(String), status: 'open', agent_request_id: 'agent-ref-1', received_at: expect.any(String) });
    const requestId = res.body!.request_id as string;

    const row = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ type: 'ACCESS', regime: 'US_CA_CCPA', channel: 'API', attestedBy: `drp-agent:${agentA.id}` });
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'COMPLETED', 60_000);

    const status = await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentA.id] });
    // §3.02 fulfilled adds results_url and expires_at: the access package and the end of its link.
    const pkg = await stack.db.accessPackage.findUniqueOrThrow({ where: { requestId } });
    expect(status).toMatchObject({ status: 200, body: { request_id: requestId, status: 'fulfilled', agent_request_id: 'agent-ref-1', expires_at: pkg.expiresAt.toISOString(), results_url: expect.stringContaining(`/api/requests/${requestId}/package?token=`) } });
    expect(status.body!.expected_by).toBeUndefined();
    const results = new URL(status.body!.results_url as string);
    const download = await fetch(`${stack.baseUrl}${results.pathname}${results.search}`);
    expect([download.status, download.headers.get('content-type')]).toEqual([200, 'application/zip']);
    expect((await download.arrayBuffer()).byteLength).toBe(Number(pkg.sizeBytes));
    const opened = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'ACCESS_PACKAGE_DOWNLOADED' } });
    expect(opened.actor).toBe(`drp-agent:${agentA.id}`);
    // The agent's secret opens this request's package only.
    const elsewhere = await fetch(`${stack.baseUrl}/api/requests/${randomUUID()}/package${results.search}`);
    expect(elsewhere.status).toBe(404);

    const mine = () => callbacks.received.filter((c) => c.request_id === requestId);
    await eventually(async () => mine().some((c) => c.status === 'fulfilled'), 30_000);
    expect(mine().map((c) => c.status)).toEqual(['in_progress', 'fulfilled']);
    // expected_by is the request's due date (the regime's deadline), as the engine computed it.
    const due = (await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).dueAt!;
    expect(mine()[0]).toMatchObject({ _method: 'POST', _contentType: 'application/json', expected_by: due.toISOString() });
    expect(mine()[1]).toMatchObject({ status: 'fulfilled', expires_at: pkg.expiresAt.toISOString() });
    // Never personal data: neither the address nor anything but the status object.
    expect(JSON.stringify(mine())).not.toContain(email);
    expect(JSON.stringify(status.body)).not.toContain(email);
  });

  test('when an agent files a deletion request, then the engine erases under CCPA, the status says fulfilled, and a refused callback is retried', async () => {
    const email = subjectEmail();
    await stack.db.customerAccount.create({ data: { email, fullName: 'Drp Subject', plan: 'basic' } });
    callbacks.failNext(2);
    const res = await exercise({ exercise: 'deletion', email, email_verified: true, status_callback: callbacks.url });
    expect(res.status).toBe(200);
    const requestId = res.body!.request_id as string;
    expect(await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ type: 'DELETION', regime: 'US_CA_CCPA' });
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'COMPLETED', 60_000);
    expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
    expect((await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentA.id] })).body).toMatchObject({ status: 'fulfilled' });
    // The first posts were answered 503: the activity retries, and the agent hears the latest status.
    await eventually(async () => callbacks.received.some((c) => c.request_id === requestId && c.status === 'fulfilled'), 45_000);
  });

  test('when the e-mail is not verified by the agent, then the consumer is asked for the mailed code (need_user_verification), and a revoke withdraws the request', async () => {
    const email = subjectEmail();
    const res = await exercise({ exercise: 'access', email, email_verified: false, status_callback: callbacks.url });
    const requestId = res.body!.request_id as string;
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_VERIFICATION');
    await stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject));
    const status = await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentA.id] });
    expect(status.body).toMatchObject({ status: 'in_progress', reason: 'need_user_verification', user_verification_url: expect.stringContaining(`/portal/requests/${requestId}?`) });

    // Another agent may neither revoke it nor read it.
    const foreign = signed(agentB, { ...envelope(agentB.id, BUSINESS), reason: 'not mine' });
    expect((await drpCall(`${base}/data-rights-request/${requestId}`, 'DELETE', { token: tokens[agentB.id], body: foreign })).status).toBe(403);
    expect((await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentB.id] })).status).toBe(403);
    // A revoke signed by the wrong key is refused.
    const forged = signed(agentB, { ...envelope(agentA.id, BUSINESS), reason: 'forged' });
    expect((await drpCall(`${base}/data-rights-request/${requestId}`, 'DELETE', { token: tokens[agentA.id], body: forged })).status).toBe(403);

    const revoke = await drpCall(`${base}/data-rights-request/${requestId}`, 'DELETE', { token: tokens[agentA.id], body: signed(agentA, { ...envelope(agentA.id, BUSINESS), reason: 'changed my mind' }) });
    expect(revoke).toMatchObject({ status: 200, body: { request_id: requestId, status: 'revoked' } });
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'WITHDRAWN');
    expect((await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentA.id] })).body).toMatchObject({ status: 'revoked' });
    await eventually(async () => callbacks.received.some((c) => c.request_id === requestId && c.status === 'revoked'), 30_000);
    // Once closed, a second revoke is refused as a request error.
    const again = await drpCall(`${base}/data-rights-request/${requestId}`, 'DELETE', { token: tokens[agentA.id], body: signed(agentA, envelope(agentA.id, BUSINESS)) });
    expect(again).toMatchObject({ status: 409, body: { code: '409' } });
  });

  test('when an agent files sale:opt-out with an e-mail it did not verify, then the engine objects to every purpose the map marks a sale or sharing, asks for no code (11 CCR §7026(d)) and the status says fulfilled', async () => {
    const email = subjectEmail();
    const res = await exercise({ exercise: 'sale:opt-out', email, email_verified: false, status_callback: callbacks.url });
    expect(res).toMatchObject({ status: 200, body: { status: 'open' } });
    const requestId = res.body!.request_id as string;
    expect(await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ type: 'MANAGE', regime: 'US_CA_CCPA', details: { manage: { purposes: ['advertising-partners'], action: 'OBJECT' } } });
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'COMPLETED', 60_000);
    const waived = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'VERIFICATION_NOT_REQUIRED' } });
    expect(waived.details).toMatchObject({ citation: expect.stringContaining('11 CCR §7026(d)') });
    expect(await stack.db.verificationChallenge.count({ where: { requestId } })).toBe(0);
    expect((await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentA.id] })).body).toMatchObject({ status: 'fulfilled' });
    await eventually(async () => callbacks.received.some((c) => c.request_id === requestId && c.status === 'fulfilled'), 30_000);
    expect(callbacks.received.filter((c) => c.request_id === requestId).map((c) => c.reason)).not.toContain('need_user_verification');
  });

  test('when the right or the regime is one the engine does not serve, then the request is denied with the spec reason and no engine request starts', async () => {
    const before = await stack.db.dsrRequest.count();
    const optIn = await exercise({ exercise: 'sale:opt-in', email: subjectEmail(), email_verified: true });
    expect(optIn).toMatchObject({ status: 200, body: { status: 'denied', reason: 'claim_not_covered', processing_details: expect.any(String) } });
    const gdpr = await exercise({ exercise: 'access', regime: 'gdpr', email: subjectEmail(), email_verified: true });
    expect(gdpr.body).toMatchObject({ status: 'denied', reason: 'outside_jurisdiction' });
    const noEmail = await exercise({ exercise: 'access', phone_number: '+14155550100', phone_number_verified: true });
    expect(noEmail.body).toMatchObject({ status: 'denied', reason: 'no_match' });
    expect(await stack.db.dsrRequest.count()).toBe(before);
    // The denial stays readable at the status endpoint.
    expect((await drpCall(`${base}/data-rights-request/${optIn.body!.request_id as string}`, 'GET', { token: tokens[agentA.id] })).body).toMatchObject({ status: 'denied', reason: 'claim_not_covered' });
    // The trailing slash of versions before 0.9.3 is still accepted (§2.01).
    const slash = await drpCall(`${base}/data-rights-request/`, 'POST', { token: tokens[agentA.id], body: exerciseBody({ exercise: 'sale:opt-in', email: subjectEmail() }) });
    expect(slash.body).toMatchObject({ status: 'denied', reason: 'claim_not_covered' });
    // A right outside the spec's list (the reference agent's "sale:opt_out") is a request error.
    expect(await exercise({ exercise: 'sale:opt_out', email: subjectEmail() })).toMatchObject({ status: 400, body: { code: '400', message: 'Unsupported rights actions submitted.' } });
  });
});

describe('deadlines, regimes and reasons', () => {
  test('when staff extend the deadline, then expected_by moves to the new due date, processing_details says why, and the agent is called back', async () => {
    const res = await exercise({ exercise: 'access', email: subjectEmail(), email_verified: false, status_callback: callbacks.url });
    const requestId = res.body!.request_id as string;
    const mine = () => callbacks.received.filter((c) => c.request_id === requestId);
    // The workers of the tests have no PUBLIC_URL, so the callback carries no verification link (nor its reason).
    await eventually(async () => mine().some((c) => c.status === 'in_progress'), 30_000);
    const before = (await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).dueAt!;
    expect(mine()[0]!.expected_by).toBe(before.toISOString());

    const officer = await createStaffAndLogIn(stack, 'compliance');
    const extended = await staffApi(stack.baseUrl, 'POST', `/api/staff/requests/${requestId}/extend`, officer, { reason: 'Many systems to search.' });
    expect(extended.status).toBe(200);
    const after = (await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).dueAt!;
    expect(after.getTime()).toBeGreaterThan(before.getTime());

    await eventually(async () => mine().some((c) => c.expected_by === after.toISOString()), 30_000);
    const news = mine().find((c) => c.expected_by === after.toISOString())!;
    expect(news).toMatchObject({ status: 'in_progress', processing_details: expect.stringMatching(/^The business extended the time to reply/) });
    // Staff's own words went to the consumer, not to the agent.
    expect(JSON.stringify(news)).not.toContain('Many systems');
    const status = await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentA.id] });
    expect(status.body).toMatchObject({ expected_by: after.toISOString(), processing_details: expect.stringContaining('extended') });
    await drpCall(`${base}/data-rights-request/${requestId}`, 'DELETE', { token: tokens[agentA.id], body: signed(agentA, envelope(agentA.id, BUSINESS)) });
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'WITHDRAWN');
  });

  test('when a request states no regime, then it is processed under the controller profile’s default regime', async () => {
    const res = await drpCall(`${base}/data-rights-request`, 'POST', {
      token: tokens[agentA.id],
      body: signed(agentA, { ...envelope(agentA.id, BUSINESS), 'drp.version': '1.0', exercise: 'access', email: subjectEmail(), email_verified: true }),
    });
    expect(res.body).toMatchObject({ status: 'open' });
    const row = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: res.body!.request_id as string } });
    expect(row.regime).toBe(activeProfile().profile.defaultRegime);
    expect((await stack.db.drpRequest.findUniqueOrThrow({ where: { id: row.id } })).regime).toBeNull();
  });

  test('when compliance refuses a request under an exemption, then it is denied as other, citing the regime’s ground and not staff’s words', async () => {
    const email = subjectEmail();
    await stack.db.customerAccount.create({ data: { email, fullName: 'Drp Exempt', plan: 'basic' } });
    const officer = await createStaffAndLogIn(stack, 'compliance');
    // A first request gives the subject a row to record the exemption signal on.
    const first = await exercise({ exercise: 'access', email, email_verified: false });
    const firstId = first.body!.request_id as string;
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: firstId } }))?.status === 'AWAITING_VERIFICATION');
    const signal = await staffApi(stack.baseUrl, 'POST', `/api/staff/requests/${firstId}/exemption-signals`, officer, { ground: 'LEGAL_COMPLIANCE' });
    expect(signal.status).toBeLessThan(300);

    const res = await exercise({ exercise: 'access', email, email_verified: true, status_callback: callbacks.url });
    const requestId = res.body!.request_id as string;
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_DECISION', 60_000);
    const decided = await staffApi(stack.baseUrl, 'POST', `/api/staff/requests/${requestId}/decide`, officer, {
      decision: 'REFUSE',
      grounds: [{ code: 'LEGAL_COMPLIANCE', citation: 'as Drp Exempt was told on the phone' }],
      reason: 'A legal obligation stands against it.',
    });
    expect(decided.status).toBe(200);
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'REFUSED', 60_000);
    const citation = getRegime('US_CA_CCPA').refusalGrounds.find((g) => g.code === 'LEGAL_COMPLIANCE')!.citation;
    const status = await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentA.id] });
    expect(status.body).toMatchObject({ status: 'denied', reason: 'other', processing_details: expect.stringContaining(citation) });
    expect(JSON.stringify(status.body)).not.toContain('Drp Exempt');
    await eventually(async () => callbacks.received.some((c) => c.request_id === requestId && c.status === 'denied' && c.reason === 'other'), 30_000);
  });

  test('when compliance refuses a repeated request as excessive, then it is denied as too_many_requests', async () => {
    const email = subjectEmail();
    await stack.db.customerAccount.create({ data: { email, fullName: 'Drp Repeat', plan: 'basic' } });
    const first = await exercise({ exercise: 'access', email, email_verified: true });
    const firstId = first.body!.request_id as string;
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: firstId } }))?.status === 'COMPLETED', 60_000);
    // Earlier answered requests of the subject in the regime's window, as many as make the next one excessive.
    const done = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: firstId } });
    const earlier = EXCESSIVE_MULTIPLE_OF_FREE_QUOTA * getRegime('US_CA_CCPA').fees.freeRequestsPerWindow! - 1;
    for (let i = 0; i < earlier; i += 1) {
      const id = randomUUID();
      const { subjectId, type, regime, channel, status, language, receivedAt, dueAt, verifiedAt, closedAt, outcome } = done;
      await stack.db.dsrRequest.create({ data: { id, workflowId: `dsr-${id}`, subjectId, type, regime, channel, status, language, receivedAt, dueAt, verifiedAt, closedAt, outcome } });
    }

    const res = await exercise({ exercise: 'access', email, email_verified: true, status_callback: callbacks.url });
    const requestId = res.body!.request_id as string;
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_DECISION', 60_000);
    const officer = await createStaffAndLogIn(stack, 'compliance');
    const decided = await staffApi(stack.baseUrl, 'POST', `/api/staff/requests/${requestId}/decide`, officer, {
      decision: 'REFUSE',
      grounds: [{ code: 'MANIFESTLY_UNFOUNDED_OR_EXCESSIVE', citation: 'Cal. Civ. Code §1798.145(h)(3)' }],
      reason: 'The same request every week.',
    });
    expect(decided.status).toBe(200);
    // The outcome is recorded just before the status moves: wait for both.
    await eventually(async () => {
      const row = await stack.db.dsrRequest.findUnique({ where: { id: requestId } });
      return row?.status === 'REFUSED' && row.outcome === 'REFUSED_EXCESSIVE';
    }, 60_000);
    const status = await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentA.id] });
    expect(status.body).toMatchObject({ status: 'denied', reason: 'too_many_requests', processing_details: expect.any(String) });
    await eventually(async () => callbacks.received.some((c) => c.request_id === requestId && c.reason === 'too_many_requests'), 30_000);
  });

  test('when no system holds data under the e-mail given, then the access request is denied as no_match, without results', async () => {
    const res = await exercise({ exercise: 'access', email: subjectEmail(), email_verified: true, status_callback: callbacks.url });
    const requestId = res.body!.request_id as string;
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'COMPLETED', 60_000);
    const status = await drpCall(`${base}/data-rights-request/${requestId}`, 'GET', { token: tokens[agentA.id] });
    expect(status.body).toMatchObject({ status: 'denied', reason: 'no_match', processing_details: expect.any(String) });
    expect(status.body!.results_url).toBeUndefined();
    await eventually(async () => callbacks.received.some((c) => c.request_id === requestId && c.reason === 'no_match'), 30_000);
  });
});

describe('every verification failure of a signed request', () => {
  test('when the token, the signature or a claim is wrong, then the exercise answers the spec error and files nothing', async () => {
    const before = await stack.db.drpRequest.count();
    const email = subjectEmail();
    const claims = { exercise: 'access', email, email_verified: true };
    const now = Date.now();
    const cases: Array<[string, string | undefined, string, number]> = [
      ['bad signature', tokens[agentA.id], exerciseBody(claims, agentB, envelope(agentA.id, BUSINESS)), 403],
      ['wrong agent (agent-id of another agent)', tokens[agentA.id], exerciseBody(claims, agentA, envelope(agentB.id, BUSINESS)), 403],
      ['token of another agent', tokens[agentB.id], exerciseBody(claims, agentA), 403],
      ['wrong business id', tokens[agentA.id], exerciseBody(claims, agentA, envelope(agentA.id, 'OTHER_CB')), 403],
      ['expired', tokens[agentA.id], exerciseBody(claims, agentA, envelope(agentA.id, BUSINESS, new Date(now - 3_600_000))), 403],
      ['issued in the future', tokens[agentA.id], exerciseBody(claims, agentA, envelope(agentA.id, BUSINESS, new Date(now + 3_600_000))), 403],
      ['unknown token', 'unknown-token-unknown-token', exerciseBody(claims), 401],
      ['no token', undefined, exerciseBody(claims), 401],
      ['not base64', tokens[agentA.id], 'not a signed message', 400],
    ];
    for (const [what, token, body, expected] of cases) {
      const res = await drpCall(`${base}/data-rights-request`, 'POST', { token, body });
      expect([what, res.status, res.body?.code, typeof res.body?.message]).toEqual([what, expected, String(expected), 'string']);
    }
    const expired = await drpCall(`${base}/data-rights-request`, 'POST', { token: tokens[agentA.id], body: exerciseBody(claims, agentA, envelope(agentA.id, BUSINESS, new Date(now - 3_600_000))) });
    expect(expired.body).toMatchObject({ fatal: true });
    // A JSON body instead of the signed text.
    const json = await fetch(`${base}/data-rights-request`, { method: 'POST', headers: { authorization: `Bearer ${tokens[agentA.id]}`, 'content-type': 'application/json' }, body: JSON.stringify(claims) });
    expect(json.status).toBe(400);
    expect(await stack.db.drpRequest.count()).toBe(before);
  });

  test('when the status of an unknown request is asked, then it is 404; without a token, 401', async () => {
    expect((await drpCall(`${base}/data-rights-request/${randomUUID()}`, 'GET', { token: tokens[agentA.id] })).status).toBe(404);
    expect((await drpCall(`${base}/data-rights-request/not-a-uuid`, 'GET', { token: tokens[agentA.id] })).status).toBe(404);
    expect((await drpCall(`${base}/data-rights-request/${randomUUID()}`, 'GET')).status).toBe(401);
  });
});
