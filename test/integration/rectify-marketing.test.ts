// Corrections in the marketing database: the name newsletters greet the subject by and the
// language they are written in, in every subscription of the subject and no one else's.
import type { ExportedRecord, FieldChange } from '../../stores/data-store';
import { CorrectionRefused } from '../../stores/store-errors';
import { testDb } from '../support/database';
import { newSubject, marketingStoreForTests } from './store-fixtures';

const db = testDb();
const { pool, marketing } = marketingStoreForTests();
afterAll(() => db.$disconnect());

/** Two subscriptions greeting the address by a name, and one click. */
async function subscribe(email: string, name: string) {
  for (const list of ['cloud-news', 'events']) {
    await pool.query(`INSERT INTO newsletter_subscription (email, list, consented_at, source, display_name, language) VALUES ($1, $2, '2026-01-01T00:00:00Z', 'signup-form', $3, 'en')`, [email, list, name]);
  }
  await pool.query(`INSERT INTO campaign_click (email, campaign, url, clicked_at) VALUES ($1, 'spring-2026', 'https://example.com/offer/1', '2026-03-01T10:00:00Z')`, [email]);
}

const rowsOf = async (email: string) => (await pool.query('SELECT * FROM newsletter_subscription WHERE email = $1 ORDER BY id', [email])).rows;

async function collect(records: AsyncIterable<ExportedRecord>): Promise<ExportedRecord[]> {
  const all: ExportedRecord[] = [];
  for await (const r of records) all.push(r);
  return all;
}

describe('marketing-db corrections', () => {
  test('when a subject corrects their name and language, then each of their subscriptions changes and no one else’s', async () => {
    const [subject, other] = [await newSubject(db), await newSubject(db)];
    await subscribe(subject.email, 'Zhang Min');
    await subscribe(other.email, 'Anna Schmidt');
    const otherBefore = await rowsOf(other.email);

    const changes: FieldChange[] = [];
    // Fields held by other stores (phone) are left to them.
    expect(await marketing.rectify(subject, { fullName: '张敏', preferredLanguage: 'zh', phone: '+86 139 0000 1111' }, (c) => changes.push(c))).toBe(2);
    expect((await rowsOf(subject.email)).map((r) => [r.list, r.display_name, r.language])).toEqual([
      ['cloud-news', '张敏', 'zh'],
      ['events', '张敏', 'zh'],
    ]);
    expect(changes).toEqual([
      { field: 'fullName', records: 2, lengthsBefore: [9], lengthAfter: 2 },
      { field: 'preferredLanguage', records: 2, lengthsBefore: [2], lengthAfter: 2 },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/Zhang|张敏|zh"|en"/);
    expect(await rowsOf(other.email)).toEqual(otherBefore);
    // The access reply shows the corrected values.
    const exported = await collect(marketing.exportStream(subject));
    expect(exported.filter((r) => r.category === 'marketing-consent').map((r) => [r.record.displayName, r.record.language])).toEqual([
      ['张敏', 'zh'],
      ['张敏', 'zh'],
    ]);

    // Asked again, nothing differs: nothing changes and nothing is reported.
    expect(await marketing.rectify(subject, { fullName: '张敏' }, (c) => changes.push(c))).toBe(0);
    expect(changes).toHaveLength(2);
  });

  test('when a correction carries a bad value, then nothing changes and the message names the field, never the value', async () => {
    const subject = await newSubject(db);
    await subscribe(subject.email, 'Zhang Min');
    const before = await rowsOf(subject.email);

    const attempt = marketing.rectify(subject, { fullName: 'Zhang Ming', preferredLanguage: 'klingon-secret' });
    await expect(attempt).rejects.toBeInstanceOf(CorrectionRefused);
    await expect(attempt).rejects.toThrow('Store marketing-db refused the correction of "preferredLanguage": the new value must be one of zh, en.');
    await expect(attempt).rejects.not.toThrow('klingon-secret');
    expect(await rowsOf(subject.email)).toEqual(before);
  });
});
