// The Redis sessions store against a real Redis: one subject's sessions among others'.
import { createClient } from 'redis';
import { createRedisSessionsStore, sessionKey, subjectIndexKey, type RedisClient } from '../../stores/redis-sessions-store';
import { testDb } from '../support/database';
import { holdOn, POLICE_HOLD } from './fixtures';
import { holdsOf, newSubject, nothingProtected, required } from './store-fixtures';
import { exportedByCategory } from '../support/exported';

const db = testDb();
const client: RedisClient = createClient({ url: required('REDIS_URL') });
const sessions = createRedisSessionsStore(async () => client);
beforeAll(() => client.connect());
afterAll(async () => {
  await client.quit();
  await db.$disconnect();
});

/** `count` sessions for an address, written the way the sign-in service writes them. */
async function seedSessions(email: string, count: number) {
  for (let n = 1; n <= count; n++) {
    const key = sessionKey(email, n);
    await client.hSet(key, { startedAt: `2026-01-0${n}T08:00:00Z`, lastSeenAt: `2026-01-0${n}T09:00:00Z`, lastIp: `10.1.0.${n}`, deviceId: `device-${n}`, cookieIds: `ck-${n}a,ck-${n}b` });
    await client.sAdd(subjectIndexKey(email), key);
  }
}

/** Everything Redis holds for an address, to compare before and after. */
async function snapshot(email: string) {
  const keys = (await client.sMembers(subjectIndexKey(email))).sort();
  return Promise.all(keys.map(async (key) => [key, await client.hGetAll(key)]));
}

describe('redis-sessions store', () => {
  test('when one subject is located, exported and erased, then the other subjects are untouched', async () => {
    const [subject, other1, other2] = [await newSubject(db), await newSubject(db), await newSubject(db)];
    await seedSessions(subject.email, 2);
    await seedSessions(other1.email, 2);
    await seedSessions(other2.email, 1);
    const othersBefore = [await snapshot(other1.email), await snapshot(other2.email)];

    expect(await sessions.locate(subject)).toEqual({ device: 2, cookie: 2, session: 2 });
    const exported = await exportedByCategory(sessions, subject);
    expect(exported.device).toEqual([{ session: 1, deviceId: 'device-1' }, { session: 2, deviceId: 'device-2' }]);
    expect(exported.cookie?.[1]).toEqual({ session: 2, cookieIds: 'ck-2a,ck-2b' });
    expect(exported.session?.[0]).toEqual({ session: 1, startedAt: '2026-01-01T08:00:00Z', lastSeenAt: '2026-01-01T09:00:00Z', lastIp: '10.1.0.1' });
    expect(await sessions.rectify(subject, { fullName: 'Zhang Ming' })).toBe(0);

    expect(await sessions.erase(subject, nothingProtected)).toEqual({ erased: 6, retained: [] });
    expect(await client.exists([sessionKey(subject.email, 1), sessionKey(subject.email, 2), subjectIndexKey(subject.email)])).toBe(0);
    expect(await sessions.locate(subject)).toEqual({ device: 0, cookie: 0, session: 0 });
    expect([await snapshot(other1.email), await snapshot(other2.email)]).toEqual(othersBefore);
    // A second run finds nothing and changes nothing.
    expect(await sessions.erase(subject, nothingProtected)).toEqual({ erased: 0, retained: [] });
    expect([await snapshot(other1.email), await snapshot(other2.email)]).toEqual(othersBefore);
  });

  test('when the device category is under a legal hold, then device ids survive and the rest goes', async () => {
    const subject = await newSubject(db);
    await seedSessions(subject.email, 2);
    const hold = await holdOn(db, subject.subjectId, { store: 'redis-sessions', category: 'device' });

    const result = await sessions.erase(subject, holdsOf(db, sessions, subject));
    expect(result).toEqual({ erased: 4, retained: [{ category: 'device', records: 2, reason: 'LEGAL_HOLD', reference: hold.id, basis: POLICE_HOLD.basis }] });
    // The keys and their index stay, so the kept device ids remain attributable to the subject.
    expect(await snapshot(subject.email)).toEqual([
      [sessionKey(subject.email, 1), { deviceId: 'device-1' }],
      [sessionKey(subject.email, 2), { deviceId: 'device-2' }],
    ]);
    expect(await sessions.locate(subject)).toEqual({ device: 2, cookie: 0, session: 0 });
    expect(await sessions.erase(subject, holdsOf(db, sessions, subject))).toEqual({ erased: 0, retained: result.retained });
  });

  test('when the index lists a session that has expired, then it is neither counted nor an obstacle to erasure', async () => {
    const subject = await newSubject(db);
    await seedSessions(subject.email, 1);
    await client.sAdd(subjectIndexKey(subject.email), sessionKey(subject.email, 9));
    expect(await sessions.locate(subject)).toEqual({ device: 1, cookie: 1, session: 1 });
    expect(await sessions.erase(subject, nothingProtected)).toEqual({ erased: 3, retained: [] });
    expect(await client.exists(subjectIndexKey(subject.email))).toBe(0);
  });

  test('when keys are named, then they carry a hash of the address and never the address', async () => {
    const subject = await newSubject(db);
    expect(sessionKey(subject.email, 1)).toMatch(/^session:[0-9a-f]{64}:1$/);
    expect(subjectIndexKey(` ${subject.email.toUpperCase()} `)).toBe(subjectIndexKey(subject.email));
  });
});
