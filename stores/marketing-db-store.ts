// The marketing database (MARKETING_DATABASE_URL), a PostgreSQL database of its own reached
// with `pg`. Categories: 'marketing-consent' (newsletter subscriptions, deleted on erasure)
// and 'campaign-activity' (campaign clicks, anonymised: the address goes, the click stays
// for campaign totals). Counts are rows.
import type { Pool } from 'pg';
import type { DataCategory } from '../domain/fulfilment';
import type { DataStore, SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';

// Created idempotently on first use; the advisory lock keeps two processes from racing on it.
const SCHEMA = `
  SELECT pg_advisory_xact_lock(hashtext('marketing-db-schema'));
  CREATE TABLE IF NOT EXISTS newsletter_subscription (
    id bigserial PRIMARY KEY, email text NOT NULL, list text NOT NULL,
    consented_at timestamptz NOT NULL, source text);
  CREATE INDEX IF NOT EXISTS newsletter_subscription_email ON newsletter_subscription (lower(email));
  CREATE TABLE IF NOT EXISTS campaign_click (
    id bigserial PRIMARY KEY, email text, campaign text NOT NULL, url text NOT NULL,
    clicked_at timestamptz NOT NULL);
  CREATE INDEX IF NOT EXISTS campaign_click_email ON campaign_click (lower(email));`;

// Campaign activity first: erasing consent last leaves the subscription, the record of what
// the subject agreed to, for as long as anything else of theirs is kept.
const CATEGORIES = ['campaign-activity', 'marketing-consent'] as const;
type Category = (typeof CATEGORIES)[number];

const COUNT: Record<Category, string> = {
  'marketing-consent': 'SELECT count(*)::int AS n FROM newsletter_subscription WHERE lower(email) = lower($1)',
  'campaign-activity': 'SELECT count(*)::int AS n FROM campaign_click WHERE lower(email) = lower($1)',
};

const ERASE: Record<Category, string> = {
  'marketing-consent': 'DELETE FROM newsletter_subscription WHERE lower(email) = lower($1)',
  'campaign-activity': 'UPDATE campaign_click SET email = NULL WHERE lower(email) = lower($1)',
};

function isCategory(category: DataCategory): category is Category {
  return (CATEGORIES as readonly string[]).includes(category);
}

/** Creates the marketing tables if they are missing; safe to run at any time. */
export async function ensureMarketingSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; ${SCHEMA} COMMIT;`);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The marketing-db store over its own PostgreSQL pool. */
export function createMarketingDbStore(pool: Pool): DataStore {
  const name = 'marketing-db';
  let ready: Promise<void> | undefined;
  const schema = () => (ready ??= ensureMarketingSchema(pool).catch((err) => {
    ready = undefined; // a failed attempt is retried by the next call
    throw err;
  }));
  const known = (c: DataCategory): Category => {
    if (!isCategory(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };
  const count = async (s: SubjectKeys, c: Category) => {
    await schema();
    return (await pool.query<{ n: number }>(COUNT[c], [s.email])).rows[0]?.n ?? 0;
  };

  return {
    name,
    categories: CATEGORIES,

    async locate(subject) {
      const counts = await Promise.all(CATEGORIES.map((c) => count(subject, c)));
      return Object.fromEntries(CATEGORIES.map((c, i) => [c, counts[i] ?? 0]));
    },

    async export(subject) {
      await schema();
      const consents = await pool.query<{ list: string; consented_at: Date; source: string | null }>(
        'SELECT list, consented_at, source FROM newsletter_subscription WHERE lower(email) = lower($1) ORDER BY consented_at, id',
        [subject.email],
      );
      const clicks = await pool.query<{ campaign: string; url: string; clicked_at: Date }>(
        'SELECT campaign, url, clicked_at FROM campaign_click WHERE lower(email) = lower($1) ORDER BY clicked_at, id',
        [subject.email],
      );
      return {
        'marketing-consent': consents.rows.map((r) => ({ list: r.list, consentedAt: r.consented_at.toISOString(), source: r.source })),
        'campaign-activity': clicks.rows.map((r) => ({ campaign: r.campaign, url: r.url, clickedAt: r.clicked_at.toISOString() })),
      };
    },

    async erase(subject, protectedNow) {
      await schema();
      return eraseByCategory(
        {
          categories: CATEGORIES,
          count: (c) => count(subject, known(c)),
          clear: async (c) => (await pool.query(ERASE[known(c)], [subject.email])).rowCount ?? 0,
          // Each category's erasure already removes or unlinks its rows: nothing else is left.
          removeRows: async () => 0,
        },
        protectedNow,
      );
    },

    // Subscriptions and clicks hold only the address and what the subject did; corrections
    // of a name or a phone concern other stores.
    async rectify() {
      return 0;
    },
  };
}
