// The estate's web sessions in Redis, written the way the sign-in service writes them (see
// stores/redis-sessions-store.ts). Keys are the subject's; writing them again changes nothing.
import type { RedisClient } from '../../stores/redis-sessions-store';
import { sessionKey, subjectIndexKey } from '../../stores/redis-sessions-store';
import { seededUuid, type Person } from './people';

const CHUNK = 500;

/** Writes one or two sessions per person; returns how many sessions the seed holds. */
export async function seedRedis(client: RedisClient, people: Person[]): Promise<number> {
  let sessions = 0;
  for (let i = 0; i < people.length; i += CHUNK) {
    const batch = client.multi();
    for (const p of people.slice(i, i + CHUNK)) {
      for (let n = 1; n <= 1 + (p.index % 2); n++) {
        const key = sessionKey(p.email, n);
        const day = String(1 + ((p.index + n) % 28)).padStart(2, '0');
        batch.hSet(key, {
          startedAt: `2026-02-${day}T08:00:00Z`,
          lastSeenAt: `2026-02-${day}T09:30:00Z`,
          lastIp: `10.${p.index % 250}.9.${n}`,
          deviceId: `dev-${seededUuid('device', p.email).slice(0, 8)}`,
          cookieIds: `ck-${seededUuid('cookie', p.email, n).slice(0, 12)},ck-${seededUuid('cookie', p.email, n, 'b').slice(0, 12)}`,
        });
        batch.sAdd(subjectIndexKey(p.email), key);
        sessions++;
      }
    }
    await batch.exec();
  }
  return sessions;
}
