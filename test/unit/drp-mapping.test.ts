// The one table from the engine's statuses to DRP's (§3.02), and the rights and regimes (§3.01).
import { EXERCISE_TYPES, STATUS_TABLE, drpStateOf, engineRegimeFor } from '../../drp/mapping';
import { exerciseStatus } from '../../drp/exercise-status';
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
      REFUSED: 'denied/claim_not_covered',
      UNVERIFIABLE: 'denied/insuf_verification',
      WITHDRAWN: 'revoked',
      DUPLICATE: 'denied/too_many_requests',
    });
    expect(drpStateOf('WITHDRAWN', 'FEE_DECLINED')).toMatchObject({ status: 'denied', reason: 'other' });
  });

  test('when rights and regimes are mapped, then access and deletion are served under CCPA and sale rights are not', () => {
    expect(EXERCISE_TYPES).toEqual({ access: 'ACCESS', 'access:categories': 'ACCESS', 'access:specific': 'ACCESS', deletion: 'DELETION', 'sale:opt-out': null, 'sale:opt-in': null });
    expect([engineRegimeFor('ccpa'), engineRegimeFor(undefined), engineRegimeFor('gdpr')]).toEqual(['US_CA_CCPA', 'US_CA_CCPA', null]);
  });

  test('when a request awaits the consumer, then the status links their code form only where a link can be made', () => {
    const drp = { id: '6f1f3c4e-1111-4222-8333-444455556666', agentRequestId: null, started: true, deniedReason: null, processingDetails: null, receivedAt: new Date('2026-12-05T00:00:00Z') };
    const engine = { status: 'AWAITING_VERIFICATION', outcome: null, dueAt: new Date('2027-01-19T00:00:00Z') };
    expect(exerciseStatus(drp, engine)).toEqual({ request_id: drp.id, received_at: '2026-12-05T00:00:00.000Z', expected_by: '2027-01-19T00:00:00.000Z', status: 'in_progress', processing_details: expect.any(String) });
    const linked = exerciseStatus(drp, engine, { publicUrl: 'https://privacy.example.com/', key: Buffer.alloc(32, 1), now: new Date('2026-12-05T00:00:00Z') });
    expect(linked).toMatchObject({ reason: 'need_user_verification', user_verification_url: expect.stringMatching(/^https:\/\/privacy\.example\.com\/portal\/requests\/6f1f3c4e-1111-4222-8333-444455556666\?lang=en&token=/) });
  });
});
