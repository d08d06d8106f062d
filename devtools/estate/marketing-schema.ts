// The demo estate's marketing database (MARKETING_DATABASE_URL): its three tables, which the data
// map declares as store "marketing-db" (config/data-map.json) and the generic SQL connector
// reaches. A deployer's own database has its tables already; the demo makes them here, before
// the worker's start-up check reads the catalog and before the seed writes rows.
import { Pool } from 'pg';

// Idempotent; the advisory lock keeps two processes from racing on it.
const SCHEMA = `
  SELECT pg_advisory_xact_lock(hashtext('marketing-db-schema'));
  CREATE TABLE IF NOT EXISTS newsletter_subscription (
    id bigserial PRIMARY KEY, email text NOT NULL, list text NOT NULL,
    consented_at timestamptz NOT NULL, source text);
  CREATE INDEX IF NOT EXISTS newsletter_subscription_email ON newsletter_subscription (lower(email));
  ALTER TABLE newsletter_subscription ADD COLUMN IF NOT EXISTS display_name text;
  ALTER TABLE newsletter_subscription ADD COLUMN IF NOT EXISTS language text;
  -- What a MANAGE request on "marketing" sets (withdrawn, paused, objected); mail goes to "subscribed" rows only.
  ALTER TABLE newsletter_subscription ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'subscribed';
  CREATE TABLE IF NOT EXISTS campaign_click (
    id bigserial PRIMARY KEY, email text, campaign text NOT NULL, url text NOT NULL,
    clicked_at timestamptz NOT NULL);
  CREATE INDEX IF NOT EXISTS campaign_click_email ON campaign_click (lower(email));
  -- The processing sets a subject is in (personalised recommendations, affiliates, advertising
  -- partners): a MANAGE request sets "active" false, which takes the subject out of the set.
  CREATE TABLE IF NOT EXISTS audience_membership (
    id bigserial PRIMARY KEY, email text NOT NULL, audience text NOT NULL,
    active boolean NOT NULL DEFAULT true, joined_at timestamptz NOT NULL DEFAULT now());
  CREATE INDEX IF NOT EXISTS audience_membership_email ON audience_membership (lower(email));`;

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

/** The same over a connection of its own, closed again: for a start-up before any pool exists. */
export async function ensureMarketingSchemaAt(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await ensureMarketingSchema(pool);
  } finally {
    await pool.end();
  }
}
