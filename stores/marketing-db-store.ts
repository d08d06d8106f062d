// The marketing database (MARKETING_DATABASE_URL), a PostgreSQL database of its own reached
// with `pg`. Categories: 'marketing-consent' (newsletter subscriptions, deleted on erasure)
// and 'campaign-activity' (campaign clicks, anonymised: the address goes, the click stays
// for campaign totals). Counts are rows.
import type { Pool } from 'pg';
import type { DataCategory } from '../domain/fulfilment';
import { correctionsFor, fieldChange } from './correctable-fields';
import { EXPORT_BATCH_SIZE, type DataStore, type ExportedRecord, type FieldChange, type SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { normaliseEmail } from './identity-key';

// Created idempotently on first use; the advisory lock keeps two processes from racing on it.
const SCHEMA = `
  SELECT pg_advisory_xact_lock(hashtext('marketing-db-schema'));
  CREATE TABLE IF NOT EXISTS newsletter_subscription (
    id bigserial PRIMARY KEY, email text NOT NULL, list text NOT NULL,
    consented_at timestamptz NOT NULL, source text);
  CREATE INDEX IF NOT EXISTS newsletter_subscription_email ON newsletter_subscription (lower(email));
  ALTER TABLE newsletter_subscription ADD COLUMN IF NOT EXISTS display_name text;
  ALTER TABLE newsletter_subscription ADD COLUMN IF NOT EXISTS language text;
  CREATE TABLE IF NOT EXISTS campaign_click (
    id bigserial PRIMARY KEY, email text, campaign text NOT NULL, url text NOT NULL,
    clicked_at timestamptz NOT NULL);
  CREATE INDEX IF NOT EXISTS campaign_click_email ON campaign_click (lower(email));`;

// Campaign activity first: erasing consent last leaves the subscription, the record of what
// the subject agreed to, for as long as anything else of theirs is kept.
const CATEGORIES = ['campaign-activity', 'marketing-consent'] as const;
type Category = (typeof CATEGORIES)[number];

const COUNT: Record<Category, string> = {
  'marketing-consent': 'SELECT count(*)::int AS n FROM newsletter_subscription WHERE lower(email) = $1',
  'campaign-activity': 'SELECT count(*)::int AS n FROM campaign_click WHERE lower(email) = $1',
};

const ERASE: Record<Category, string> = {
  'marketing-consent': 'DELETE FROM newsletter_subscription WHERE lower(email) = $1',
  'campaign-activity': 'UPDATE campaign_click SET email = NULL WHERE lower(email) = $1',
};

/** Correctable fields (rules in correctable-fields.ts) and the subscription column each sets:
 *  the name newsletters greet the subject by and the language they are written in. */
const CORRECTABLE = { fullName: 'display_name', preferredLanguage: 'language' } as const;
type Correctable = keyof typeof CORRECTABLE;

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

/** The subject's rows of one table in id order, a batch per query after the last id seen.
 *  `columns` and `table` are constants of this file, never input. */
async function* keysetRows<R>(pool: Pool, columns: string, table: string, email: string): AsyncGenerator<R & { id: string }> {
  let after = 0n;
  for (;;) {
    const { rows } = await pool.query<R & { id: string }>(
      `SELECT id, ${columns} FROM ${table} WHERE lower(email) = $1 AND id > $2 ORDER BY id LIMIT ${EXPORT_BATCH_SIZE}`,
      [email, after.toString()],
    );
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_BATCH_SIZE) return;
    after = BigInt(last.id);
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
    return (await pool.query<{ n: number }>(COUNT[c], [normaliseEmail(s.email)])).rows[0]?.n ?? 0;
  };

  return {
    name,
    categories: CATEGORIES,
    correctable: Object.keys(CORRECTABLE),

    async locate(subject) {
      const counts = await Promise.all(CATEGORIES.map((c) => count(subject, c)));
      return Object.fromEntries(CATEGORIES.map((c, i) => [c, counts[i] ?? 0]));
    },

    async *exportStream(subject): AsyncGenerator<ExportedRecord> {
      await schema();
      type Subscription = { list: string; consented_at: Date; source: string | null; display_name: string | null; language: string | null };
      for await (const r of keysetRows<Subscription>(pool, 'list, consented_at, source, display_name, language', 'newsletter_subscription', normaliseEmail(subject.email))) {
        // The name and language appear only where the subject gave them.
        const given = { ...(r.display_name !== null && { displayName: r.display_name }), ...(r.language !== null && { language: r.language }) };
        yield { category: 'marketing-consent', record: { list: r.list, consentedAt: r.consented_at.toISOString(), source: r.source, ...given } };
      }
      for await (const r of keysetRows<{ campaign: string; url: string; clicked_at: Date }>(pool, 'campaign, url, clicked_at', 'campaign_click', normaliseEmail(subject.email))) {
        yield { category: 'campaign-activity', record: { campaign: r.campaign, url: r.url, clickedAt: r.clicked_at.toISOString() } };
      }
    },

    async erase(subject, protectedNow) {
      await schema();
      // Clicks keep their row without the address: counted apart for the deletion certificate.
      let anonymised = 0;
      const clear = async (c: DataCategory) => {
        const changed = (await pool.query(ERASE[known(c)], [normaliseEmail(subject.email)])).rowCount ?? 0;
        if (c === 'campaign-activity') anonymised += changed;
        return changed;
      };
      const result = await eraseByCategory(
        {
          categories: CATEGORIES,
          count: (c) => count(subject, known(c)),
          clear,
          // Each category's erasure already removes or unlinks its rows: nothing else is left.
          removeRows: async () => 0,
        },
        protectedNow,
      );
      return { ...result, anonymised };
    },

    // Subscriptions hold the name mail greets the subject by and its language; clicks only
    // what the subject did, which is not corrected. A correction replaces a value held, and
    // adds none where the subject never gave one.
    async rectify(subject, corrections, report, unchanged) {
      const wanted = correctionsFor(name, corrections, Object.keys(CORRECTABLE) as Correctable[]);
      const fields = (Object.keys(CORRECTABLE) as Correctable[]).filter((f) => wanted[f] !== undefined);
      if (fields.length === 0) return 0;
      await schema();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const before = await client.query<{ id: string; display_name: string | null; language: string | null }>(
          'SELECT id, display_name, language FROM newsletter_subscription WHERE lower(email) = $1 ORDER BY id FOR UPDATE',
          [normaliseEmail(subject.email)],
        );
        const differs = (r: (typeof before.rows)[number], f: Correctable) => r[CORRECTABLE[f]] !== null && r[CORRECTABLE[f]] !== wanted[f];
        const hit = before.rows.filter((r) => fields.some((f) => differs(r, f)));
        if (hit.length > 0) {
          const set = (column: string, n: number) => `${column} = CASE WHEN ${column} IS NULL THEN NULL ELSE COALESCE($${n}, ${column}) END`;
          await client.query(`UPDATE newsletter_subscription SET ${set('display_name', 2)}, ${set('language', 3)} WHERE id = ANY($1::bigint[])`, [
            hit.map((r) => r.id),
            wanted.fullName ?? null,
            wanted.preferredLanguage ?? null,
          ]);
        }
        await client.query('COMMIT');
        const held = (f: Correctable) => before.rows.map((r) => r[CORRECTABLE[f]]).filter((v) => v !== null);
        const changes = fields.map((f) => fieldChange(f, held(f), wanted[f] ?? '')).filter((c): c is FieldChange => c !== null);
        // Reported once committed, so the audit never names a change that was rolled back.
        for (const change of changes) report?.(change);
        for (const field of fields.filter((f) => !changes.some((c) => c.field === f))) unchanged?.({ field, reason: held(field).length === 0 ? 'NONE_HELD' : 'ALREADY_AS_ASKED' });
        return hit.length;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
}
