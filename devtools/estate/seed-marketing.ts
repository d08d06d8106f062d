// The estate's rows in the marketing database: newsletter subscriptions (with the name mail
// greets the subject by and its language), campaign clicks, and the processing sets (audiences)
// each person is in, which MANAGE requests take them out of. A row already there (same
// address and list, or same address, link and time) is not written again.
import type { Pool } from 'pg';
import { ensureMarketingSchema } from './marketing-schema';
import { generator, pick, type Person } from './people';

const CHUNK = 1_000;
const LISTS = ['product-news', 'events', 'security-advisories'];
const CAMPAIGNS = ['spring-2026', 'cloud-summit-2026', 'double-11-2026'];
const SOURCES = ['signup-form', 'checkout', 'event-badge-scan'];

const INSERT_SUBSCRIPTIONS = `
  INSERT INTO newsletter_subscription (email, list, consented_at, source, display_name, language)
  SELECT v.email, v.list, v.consented_at, v.source, v.display_name, v.language
  FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[]) AS v(email, list, consented_at, source, display_name, language)
  WHERE NOT EXISTS (SELECT 1 FROM newsletter_subscription s WHERE lower(s.email) = lower(v.email) AND s.list = v.list)`;

const INSERT_CLICKS = `
  INSERT INTO campaign_click (email, campaign, url, clicked_at)
  SELECT v.email, v.campaign, v.url, v.clicked_at
  FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS v(email, campaign, url, clicked_at)
  WHERE NOT EXISTS (SELECT 1 FROM campaign_click c WHERE lower(c.email) = lower(v.email) AND c.url = v.url AND c.clicked_at = v.clicked_at)`;

const INSERT_AUDIENCES = `
  INSERT INTO audience_membership (email, audience, joined_at)
  SELECT v.email, v.audience, v.joined_at
  FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS v(email, audience, joined_at)
  WHERE NOT EXISTS (SELECT 1 FROM audience_membership a WHERE lower(a.email) = lower(v.email) AND a.audience = v.audience)`;

/** Every person is in the recommendations set; every other one also in the affiliates' and the advertising partners'. */
const audiencesOf = (p: Person) => (p.index % 2 === 0 ? ['personalised-recommendations', 'affiliate-sharing', 'advertising-partners'] : ['personalised-recommendations']);

/** Writes the people's subscriptions, clicks and audiences; returns the rows the seed holds there. */
export async function seedMarketing(pool: Pool, people: Person[]): Promise<number> {
  await ensureMarketingSchema(pool);
  const subscriptions = people.flatMap((p) => {
    const next = generator(40_000 + p.index);
    const lists = p.index % 2 === 0 ? LISTS.slice(0, 2) : [pick(next, LISTS)];
    return lists.map((list, n) => [p.email, list, new Date(Date.UTC(2025, n * 3, 1 + (p.index % 28))), pick(next, SOURCES), p.fullName, p.language] as const);
  });
  const clicks = people.flatMap((p) => {
    const next = generator(50_000 + p.index);
    return Array.from({ length: 1 + (p.index % 3) }, (_, n) => {
      const campaign = pick(next, CAMPAIGNS);
      return [p.email, campaign, `https://example.com/c/${campaign}/offer-${n + 1}`, new Date(Date.UTC(2026, 2, 1 + n, 8 + (p.index % 12)))] as const;
    });
  });
  for (let i = 0; i < subscriptions.length; i += CHUNK) {
    const rows = subscriptions.slice(i, i + CHUNK);
    await pool.query(INSERT_SUBSCRIPTIONS, [0, 1, 2, 3, 4, 5].map((col) => rows.map((r) => r[col])));
  }
  const audiences = people.flatMap((p) => audiencesOf(p).map((audience) => [p.email, audience, new Date(Date.UTC(2025, 5, 1 + (p.index % 28)))] as const));
  for (let i = 0; i < audiences.length; i += CHUNK) {
    const rows = audiences.slice(i, i + CHUNK);
    await pool.query(INSERT_AUDIENCES, [0, 1, 2].map((col) => rows.map((r) => r[col])));
  }
  for (let i = 0; i < clicks.length; i += CHUNK) {
    const rows = clicks.slice(i, i + CHUNK);
    await pool.query(INSERT_CLICKS, [0, 1, 2, 3].map((col) => rows.map((r) => r[col])));
  }
  return subscriptions.length + clicks.length + audiences.length;
}
