// The one table from the engine's statuses to DRP's (§3.02), and the rights and regimes (§3.01).
import { EXERCISE_TYPES, STATUS_TABLE, drpStateOf, engineRegimeFor, optOutPurposes } from '../../drp/mapping';
import { agentResultsSecret, agentResultsSecretMatches } from '../../drp/results-link';
import { exerciseStatus, type EngineRow } from '../../drp/exercise-status';
import { REQUEST_STATUSES } from '../../domain/status';

describe('DRP mapping', () => {
  test('when each engine status is read as DRP, then it is one of the spec states, and only closed statuses are final', () => {
    expect(Object.keys(STATUS_TABLE).sort()).toEqual([...REQUEST_STATUSES].sort());
    expect(Object.fromEntries(REQUEST_STATUSES.map((s) => [s, `${STATUS_TABLE[s].status}${STATUS_TABLE[s].reason ? '/' + STATUS_TABLE[s].reason : ''}`]))).toEqual({
      RECEIVED: 'open',
      AWAITING_VERIFICATION: 'in_progress/need_user_verification',
      AWAITING_FEE: 'in_progress',
      AWAITING_APPROVAL: 'in_progress',
      AWAITING_DECISION: 'in_progress',
      IN_FULFILMENT: 'in_progress',
      STUCK: 'in_progress',
      COMPLETED: 'fulfilled',
      REFUSED: 'denied/other',
      UNVERIFIABLE: 'denied/insuf_verification',
      WITHDRAWN: 'revoked',
      DUPLICATE: 'denied/too_many_requests',
    });
    expect(drpStateOf('WITHDRAWN', 'FEE_DECLINED')).toMatchObject({ status: 'denied', reason: 'other' });
  });

  test('when rights and regimes are mapped, then access, deletion and the opt-out of sale are served under CCPA, opting in is not', () => {
    expect(EXERCISE_TYPES).toEqual({ access: 'ACCESS', 'access:categories': 'ACCESS', 'access:specific': 'ACCESS', deletion: 'DELETION', 'sale:opt-out': 'MANAGE', 'sale:opt-in': null });
    expect([engineRegimeFor('ccpa', 'CN_PIPL'), engineRegimeFor('gdpr', 'CN_PIPL')]).toEqual(['US_CA_CCPA', null]);
    // The opt-out objects to what the map marks a sale or a sharing, and to nothing else.
    const purposes = [
      { id: 'marketing', disclosure: [] },
      { id: 'data-brokers', disclosure: ['sale'] },
      { id: 'ad-partners', disclosure: ['sale', 'sharing'] },
      { id: 'retargeting', disclosure: ['sharing'] },
    ];
    expect(optOutPurposes(purposes)).toEqual(['data-brokers', 'ad-partners', 'retargeting']);
    expect(optOutPurposes([{ id: 'marketing', disclosure: [] }])).toEqual([]);
  });

  test('when a request states no regime, then it is processed under the controller profile’s default regime', () => {
    expect([engineRegimeFor(undefined, 'CN_PIPL'), engineRegimeFor(undefined, 'EU_GDPR')]).toEqual(['CN_PIPL', 'EU_GDPR']);
  });

  test('when a request awaits the consumer, then the status links their code form only where a link can be made', () => {
    const drp = { id: '6f1f3c4e-1111-4222-8333-444455556666', agentRequestId: null, started: true, deniedReason: null, processingDetails: null, receivedAt: new Date('2026-12-05T00:00:00Z') };
    const engine: EngineRow = { status: 'AWAITING_VERIFICATION', outcome: null, dueAt: new Date('2027-01-19T00:00:00Z') };
    expect(exerciseStatus(drp, engine)).toEqual({ request_id: drp.id, received_at: '2026-12-05T00:00:00.000Z', expected_by: '2027-01-19T00:00:00.000Z', status: 'in_progress', processing_details: expect.any(String) });
    const linked = exerciseStatus(drp, engine, { publicUrl: 'https://privacy.example.com/', key: Buffer.alloc(32, 1), now: new Date('2026-12-05T00:00:00Z') });
    expect(linked).toMatchObject({ reason: 'need_user_verification', user_verification_url: expect.stringMatching(/^https:\/\/privacy\.example\.com\/portal\/requests\/6f1f3c4e-1111-4222-8333-444455556666\?lang=en&token=/) });
  });

  test('when a request is refused, then the spec reason says why: excessive is too_many_requests, an exemption is other with its citation', () => {
    expect(drpStateOf('REFUSED', 'REFUSED_EXCESSIVE')).toMatchObject({ status: 'denied', reason: 'too_many_requests' });
    const exempt = drpStateOf('REFUSED', 'REFUSED_EXEMPT', { citations: ['Cal. Civ. Code §1798.145(a)(1)(C)'] });
    expect(exempt).toMatchObject({ status: 'denied', reason: 'other', details: expect.stringContaining('(Cal. Civ. Code §1798.145(a)(1)(C))') });
    expect(drpStateOf('COMPLETED', 'FULFILLED', { nothingHeld: true })).toMatchObject({ status: 'denied', reason: 'no_match' });
    expect(drpStateOf('COMPLETED', 'FULFILLED')).toMatchObject({ status: 'fulfilled' });
  });

  const drp = { id: '6f1f3c4e-1111-4222-8333-444455556666', agentRequestId: null, started: true, deniedReason: null, processingDetails: null, receivedAt: new Date('2026-12-05T00:00:00Z') };
  const link = { publicUrl: 'https://privacy.example.com', key: Buffer.alloc(32, 7), now: new Date('2026-12-20T00:00:00Z') };

  test('when the deadline was extended, then expected_by is the new due date and processing_details says it was extended', () => {
    const status = exerciseStatus(drp, { status: 'IN_FULFILMENT', outcome: null, dueAt: new Date('2027-03-05T00:00:00Z'), extensions: 1 }, link);
    expect(status).toMatchObject({ status: 'in_progress', expected_by: '2027-03-05T00:00:00.000Z', processing_details: expect.stringMatching(/^The business extended the time to reply/) });
    expect(exerciseStatus(drp, { status: 'IN_FULFILMENT', outcome: null, dueAt: new Date('2027-01-19T00:00:00Z'), extensions: 0 }, link).processing_details).toBeUndefined();
  });

  test('when an access request is fulfilled, then results_url opens its package with the agent’s own secret until expires_at, and then it is expired', () => {
    const pkg = { expiresAt: new Date('2026-12-30T00:00:00Z'), purgedAt: null };
    const fulfilled = exerciseStatus(drp, { status: 'COMPLETED', outcome: 'FULFILLED', dueAt: null, type: 'ACCESS', accessPackage: pkg }, link);
    expect(fulfilled).toEqual({
      request_id: drp.id,
      received_at: '2026-12-05T00:00:00.000Z',
      status: 'fulfilled',
      processing_details: expect.any(String),
      expires_at: '2026-12-30T00:00:00.000Z',
      results_url: `https://privacy.example.com/api/requests/${drp.id}/package?token=${agentResultsSecret(link.key, drp.id)}`,
    });
    expect(agentResultsSecretMatches(link.key, drp.id, agentResultsSecret(link.key, drp.id))).toBe(true);
    expect(agentResultsSecretMatches(Buffer.alloc(32, 8), drp.id, agentResultsSecret(link.key, drp.id))).toBe(false);
    expect(agentResultsSecretMatches(link.key, '00000000-1111-4222-8333-444455556666', agentResultsSecret(link.key, drp.id))).toBe(false);
    const later = exerciseStatus(drp, { status: 'COMPLETED', outcome: 'FULFILLED', dueAt: null, type: 'ACCESS', accessPackage: pkg }, { ...link, now: new Date('2026-12-30T00:00:01Z') });
    expect(later).toMatchObject({ status: 'expired', expires_at: '2026-12-30T00:00:00.000Z' });
    expect(later.results_url).toBeUndefined();
    const purged = exerciseStatus(drp, { status: 'COMPLETED', outcome: 'FULFILLED', dueAt: null, type: 'ACCESS', accessPackage: { ...pkg, purgedAt: new Date('2026-12-10T00:00:00Z') } }, link);
    expect(purged.status).toBe('expired');
    // A deletion has no package: fulfilled, with neither field.
    const deleted = exerciseStatus(drp, { status: 'COMPLETED', outcome: 'FULFILLED', dueAt: null, type: 'DELETION' }, link);
    expect(deleted).toMatchObject({ status: 'fulfilled' });
    expect(deleted.results_url ?? deleted.expires_at).toBeUndefined();
  });
});
