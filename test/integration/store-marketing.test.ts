// The marketing store, as the shipped map declares it, against its own real PostgreSQL database: one subject among others.
import { ensureMarketingSchema } from '../../devtools/estate/marketing-schema';
import { testDb } from '../support/database';
import { holdOn, POLICE_HOLD } from './fixtures';
import { holdsOf, newSubject, nothingProtected, marketingStoreForTests } from './store-fixtures';
import { exportedByCategory } from '../support/exported';

const db = testDb();
const { pool, marketing } = marketingStoreForTests();
afterAll(() => db.$disconnect());

async function seedMarketing(email: string, clicks: number) {
  await pool.query(`INSERT INTO newsletter_subscription (email, list, consented_at, source) VALUES ($1, 'cloud-news', '2026-01-01T00:00:00Z', 'signup-form')`, [email]);
  for (let n = 1; n <= clicks; n++) {
    await pool.query(`INSERT INTO campaign_click (email, campaign, url, clicked_at) VALUES ($1, 'spring-2026', $2, $3)`, [email, `https://example.com/offer/${n}`, `2026-03-0${n}T10:00:00Z`]);
  }
  for (const audience of ['personalised-recommendations', 'advertising-partners']) {
    await pool.query(`INSERT INTO audience_membership (email, audience, joined_at) VALUES ($1, $2, '2025-06-01T00:00:00Z')`, [email, audience]);
  }
}

async function snapshot(email: string) {
  const consents = await pool.query('SELECT * FROM newsletter_subscription WHERE email = $1 ORDER BY id', [email]);
  const clicks = await pool.query('SELECT * FROM campaign_click WHERE email = $1 ORDER BY id', [email]);
  const audiences = await pool.query('SELECT * FROM audience_membership WHERE email = $1 ORDER BY id', [email]);
  return [consents.rows, clicks.rows, audiences.rows];
}

const clicksOf = async (url: string) => (await pool.query<{ n: number; named: number }>('SELECT count(*)::int AS n, count(email)::int AS named FROM campaign_click WHERE url = $1', [url])).rows[0];

describe('marketing-db store', () => {
  test('when one subject is located, exported and erased, then consent goes, clicks lose the address and others are untouched', async () => {
    const [subject, other1, other2] = [await newSubject(db), await newSubject(db), await newSubject(db)];
    await seedMarketing(subject.email, 2);
    await seedMarketing(other1.email, 1);
    await seedMarketing(other2.email, 2);
    const othersBefore = [await snapshot(other1.email), await snapshot(other2.email)];

    // The address is matched whatever its case.
    expect(await marketing.locate({ ...subject, email: subject.email.toUpperCase() })).toEqual({ 'marketing-consent': 1, 'campaign-activity': 2, audience: 2 });
    // The declared export shows every field it names; a name or language never given reads null.
    expect(await exportedByCategory(marketing, subject)).toEqual({
      'marketing-consent': [{ list: 'cloud-news', consentedAt: '2026-01-01T00:00:00.000Z', source: 'signup-form', displayName: null, language: null, status: 'subscribed' }],
      'campaign-activity': [
        { campaign: 'spring-2026', url: 'https://example.com/offer/1', clickedAt: '2026-03-01T10:00:00.000Z' },
        { campaign: 'spring-2026', url: 'https://example.com/offer/2', clickedAt: '2026-03-02T10:00:00.000Z' },
      ],
      // Booleans are exported as text, as the connector writes every non-date scalar (stores/sql/connect.ts).
      audience: [
        { audience: 'personalised-recommendations', active: 'true', joinedAt: '2025-06-01T00:00:00.000Z' },
        { audience: 'advertising-partners', active: 'true', joinedAt: '2025-06-01T00:00:00.000Z' },
      ],
    });
    const before = await clicksOf('https://example.com/offer/2');
    expect(await marketing.rectify(subject, { fullName: 'Zhang Ming' })).toBe(0);

    expect(await marketing.erase(subject, nothingProtected)).toEqual({ erased: 5, retained: [], anonymised: 2 });
    expect(await marketing.locate(subject)).toEqual({ 'marketing-consent': 0, 'campaign-activity': 0, audience: 0 });
    // Anonymised, not deleted: the campaign keeps its click, without the subject's address.
    expect(await clicksOf('https://example.com/offer/2')).toEqual({ n: before?.n, named: (before?.named ?? 0) - 1 });
    expect([await snapshot(other1.email), await snapshot(other2.email)]).toEqual(othersBefore);
    expect(await marketing.erase(subject, nothingProtected)).toEqual({ erased: 0, retained: [], anonymised: 0 });
    expect([await snapshot(other1.email), await snapshot(other2.email)]).toEqual(othersBefore);
  });

  test('when marketing consent is under a legal hold, then the subscription survives and the clicks are anonymised', async () => {
    const subject = await newSubject(db);
    await seedMarketing(subject.email, 1);
    const hold = await holdOn(db, subject.subjectId, { store: 'marketing-db', category: 'marketing-consent' });

    const result = await marketing.erase(subject, holdsOf(db, marketing, subject));
    expect(result).toEqual({ erased: 3, anonymised: 1, retained: [{ category: 'marketing-consent', records: 1, reason: 'LEGAL_HOLD', reference: hold.id, basis: POLICE_HOLD.basis }] });
    expect(await marketing.locate(subject)).toEqual({ 'marketing-consent': 1, 'campaign-activity': 0, audience: 0 });
    expect(await marketing.erase(subject, holdsOf(db, marketing, subject))).toEqual({ erased: 0, anonymised: 0, retained: result.retained });
  });

  test('when a subject withdraws marketing consent and objects to the advertising partners, then their subscription says so and they leave that audience, nothing is erased and others are untouched', async () => {
    const [subject, other] = [await newSubject(db), await newSubject(db)];
    await seedMarketing(subject.email, 1);
    await seedMarketing(other.email, 1);
    const otherBefore = await snapshot(other.email);
    expect(await marketing.manage!(subject, ['marketing'], 'WITHDRAW_CONSENT')).toEqual([{ purpose: 'marketing', result: 'SET', changed: 1, already: 0 }]);
    expect(await marketing.manage!(subject, ['advertising-partners', 'personalised-recommendations'], 'OBJECT')).toEqual([
      { purpose: 'advertising-partners', result: 'SET', changed: 1, already: 0 },
      { purpose: 'personalised-recommendations', result: 'SET', changed: 1, already: 0 },
    ]);
    // Asked again: nothing more to change, each row already so.
    expect(await marketing.manage!(subject, ['advertising-partners'], 'OBJECT')).toEqual([{ purpose: 'advertising-partners', result: 'SET', changed: 0, already: 1 }]);
    // The map gives advertising partners no "restricted" state: not claimed, reported as not available.
    expect(await marketing.manage!(subject, ['advertising-partners'], 'RESTRICT')).toEqual([{ purpose: 'advertising-partners', result: 'NOT_DECLARED', changed: 0, already: 0 }]);
    const [subs, , audiences] = await snapshot(subject.email);
    expect(subs!.map((r) => r.status)).toEqual(['withdrawn']);
    expect(audiences!.map((r) => [r.audience, r.active])).toEqual([['personalised-recommendations', false], ['advertising-partners', false]]);
    expect(await marketing.locate(subject)).toEqual({ 'marketing-consent': 1, 'campaign-activity': 1, audience: 2 });
    expect(await snapshot(other.email)).toEqual(otherBefore);
  });

  test('when the schema is created by several processes at once, then it is created once and harmlessly', async () => {
    await Promise.all([ensureMarketingSchema(pool), ensureMarketingSchema(pool), ensureMarketingSchema(pool)]);
    const tables = await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_name IN ('newsletter_subscription', 'campaign_click', 'audience_membership') ORDER BY 1`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(['audience_membership', 'campaign_click', 'newsletter_subscription']);
  });
});
