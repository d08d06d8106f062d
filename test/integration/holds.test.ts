// Legal holds and exemption signals: which bind, and how placing or clearing them is audited.
import { createFieldCipher } from '../../crypto/field-cipher';
import { activeExemptionSignals, clearExemptionSignal, recordExemptionSignal } from '../../legal/exemptions';
import { activeHoldFor, activeHolds, placeHold, releaseHold } from '../../legal/holds';
import { testDb } from '../support/database';
import { testSecrets } from '../support/test-keys';
import { createRequest, createSubject, holdOn, newEmail, POLICE_HOLD } from './fixtures';

const db = testDb();
const cipher = createFieldCipher(testSecrets().keyring);
afterAll(() => db.$disconnect());

const auditOf = (requestId: string) => db.auditEvent.findMany({ where: { requestId }, orderBy: { id: 'asc' } });

describe('legal holds', () => {
  test('when a hold is placed and released for a request, then both are audited once, without the free-text reason', async () => {
    const subjectId = await createSubject(db, cipher, newEmail());
    const requestId = await createRequest(db, subjectId, 'DELETION');
    const now = new Date();
    const hold = await placeHold(db, { subjectId, store: 'service-logs', category: 'network', ...POLICE_HOLD, requestId }, now);
    expect(await activeHoldFor(db, subjectId, 'service-logs', 'network', now)).toEqual({ category: 'network', reason: 'LEGAL_HOLD', reference: hold.id, basis: POLICE_HOLD.basis });
    expect(await activeHoldFor(db, subjectId, 'service-logs', 'device', now)).toBeNull();
    expect(await activeHoldFor(db, subjectId, 'customer-accounts', 'network', now)).toBeNull();

    const later = new Date(now.getTime() + 1000);
    expect((await releaseHold(db, { holdId: hold.id, releasedBy: 'staff:dpo-1', requestId }, later)).releasedAt).toEqual(later);
    // Releasing again keeps the first release's time and writes no second event.
    expect((await releaseHold(db, { holdId: hold.id, releasedBy: 'staff:dpo-2', requestId }, new Date(later.getTime() + 1000))).releasedBy).toBe('staff:dpo-1');
    expect(await activeHoldFor(db, subjectId, 'service-logs', 'network', later)).toBeNull();

    const events = await auditOf(requestId);
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['LEGAL_HOLD_PLACED', POLICE_HOLD.createdBy],
      ['LEGAL_HOLD_RELEASED', 'staff:dpo-1'],
    ]);
    expect(events[0]?.details).toEqual({ holdId: hold.id, store: 'service-logs', category: 'network', authority: POLICE_HOLD.authority, basis: POLICE_HOLD.basis });
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(POLICE_HOLD.reason);
  });

  test('when a hold has an end date, then it binds until that moment and not after', async () => {
    const subjectId = await createSubject(db, cipher, newEmail());
    const endsAt = new Date(Date.now() + 60_000);
    await holdOn(db, subjectId, { endsAt });
    expect(await activeHolds(db, subjectId, new Date(endsAt.getTime() - 1))).toHaveLength(1);
    expect(await activeHolds(db, subjectId, endsAt)).toHaveLength(0);
  });
});

describe('exemption signals', () => {
  test('when a signal is recorded and later cleared, then it is listed only while active, and audited on the request', async () => {
    const subjectId = await createSubject(db, cipher, newEmail());
    const requestId = await createRequest(db, subjectId, 'ACCESS');
    const signal = await recordExemptionSignal(db, { subjectId, ground: 'CRIMINAL_INVESTIGATION', note: 'Case file 2026-118', createdBy: 'staff:dpo-1', requestId });
    await recordExemptionSignal(db, { subjectId: await createSubject(db, cipher, newEmail()), ground: 'NATIONAL_SECURITY', createdBy: 'system' });

    expect((await activeExemptionSignals(db, subjectId)).map((s) => s.ground)).toEqual(['CRIMINAL_INVESTIGATION']);
    await clearExemptionSignal(db, signal.id, 'staff:dpo-1', new Date(), requestId);
    await clearExemptionSignal(db, signal.id, 'staff:dpo-1', new Date(), requestId);
    expect(await activeExemptionSignals(db, subjectId)).toEqual([]);

    const events = await auditOf(requestId);
    expect(events.map((e) => e.action)).toEqual(['EXEMPTION_SIGNAL_RECORDED', 'EXEMPTION_SIGNAL_CLEARED']);
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain('Case file');
  });
});
