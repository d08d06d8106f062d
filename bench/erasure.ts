// Section 3: erasing one subject who holds many rows across two related tables (orders and
// their lines), through the generic declared SQL connector (stores/sql/) over a map entry,
// against the same rows deleted with two plain DELETEs in the same run, on the same connection.
import { sql } from 'kysely';
import { validateDataMap } from '../stores/data-map/validate';
import { openSqlDb, type SqlDb } from '../stores/sql/connect';
import { createDeclaredSqlStore } from '../stores/sql/declared-sql-store';
import { median, round, since } from './stats';

export interface ErasureResult {
  subjectRows: number;
  otherRows: number;
  rounds: number;
  storeEraseMs: number;
  plainDeleteMs: number;
}

const SUBJECT = 'heavy-subject@example.org';
/** Lines per order: a subject's rows are one fifth orders, four fifths their lines. */
const LINES_PER_ORDER = 4;

/** The store as a deployer declares it in config/data-map.json: the connector reads nothing else. */
const MAP = JSON.stringify({
  stores: {
    'bench-shop': {
      kind: 'sql',
      dialect: 'postgres',
      connection: 'DATABASE_URL',
      categories: { order: { erase: 'delete', corrections: false, description: 'orders and their lines' } },
      collections: {
        bench_order: { primaryKey: 'id', category: 'order', columns: { email: 'order', amount: 'order' }, identities: { email: 'email' } },
        bench_order_line: { primaryKey: 'id', category: 'order', columns: { item: 'order' }, references: { order_id: 'bench_order.id' } },
      },
    },
  },
});

/** Creates both tables afresh and fills them: the subject's rows plus as many of other people. */
async function freshTables(db: SqlDb, subjectRows: number, otherRows: number): Promise<void> {
  await sql`DROP TABLE IF EXISTS bench_order_line, bench_order`.execute(db);
  await sql`CREATE TABLE bench_order (id bigint PRIMARY KEY, email text NOT NULL, amount numeric(10,2))`.execute(db);
  await sql`CREATE TABLE bench_order_line (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES bench_order(id), item text)`.execute(db);
  // One generated INSERT … SELECT per population; ids of others' orders follow the subject's.
  const fill = async (firstId: number, rows: number, email: ReturnType<typeof sql>) => {
    const orders = Math.ceil(rows / (LINES_PER_ORDER + 1));
    const lines = rows - orders;
    await sql`INSERT INTO bench_order SELECT ${firstId} + g, ${email}, (g % 500) + 0.99 FROM generate_series(1, ${orders}::int) g`.execute(db);
    await sql`INSERT INTO bench_order_line SELECT ${firstId} + g, ${firstId} + 1 + ((g - 1) % ${orders}::int), 'item ' || (g % 97) FROM generate_series(1, ${lines}::int) g`.execute(db);
    return orders;
  };
  const subjectOrders = await fill(0, subjectRows, sql`${SUBJECT}::text`);
  await fill(subjectOrders + subjectRows, otherRows, sql`'other-' || (g % 1000) || '@example.org'`);
  // The connector matches case-insensitively, the plain DELETE by equality: each gets its index.
  await sql`CREATE INDEX bench_order_email ON bench_order (email)`.execute(db);
  await sql`CREATE INDEX bench_order_email_lower ON bench_order (lower(email))`.execute(db);
  await sql`CREATE INDEX bench_order_line_order ON bench_order_line (order_id)`.execute(db);
  await sql`ANALYZE bench_order`.execute(db);
  await sql`ANALYZE bench_order_line`.execute(db);
}

/** Times one erasure of the subject; checks that their rows are gone and the others' kept. */
async function timed(db: SqlDb, otherRows: number, erase: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await erase();
  const ms = since(t);
  const { rows } = await sql<{ n: string }>`SELECT (SELECT count(*) FROM bench_order) + (SELECT count(*) FROM bench_order_line) AS n`.execute(db);
  if (Number(rows[0]?.n) !== otherRows) throw new Error(`Erasure left ${Number(rows[0]?.n)} rows where ${otherRows} others' were expected.`);
  return ms;
}

export async function benchErasure(databaseUrl: string, subjectRows: number, otherRows: number, rounds: number): Promise<ErasureResult> {
  console.log(`\n[3] Erasure: one subject with ${subjectRows} rows in two related tables (+${otherRows} rows of others), declared store against plain SQL, ${rounds} rounds each`);
  const entry = validateDataMap(MAP, 'bench data map').stores[0];
  if (!entry?.sql) throw new Error('The bench data map has no declared SQL store.');
  const db = openSqlDb('postgres', databaseUrl);
  const store = createDeclaredSqlStore({ name: entry.name, declaration: entry.sql, categories: entry.categories, db });
  const storeTimes: number[] = [];
  const plainTimes: number[] = [];
  try {
    for (let r = 1; r <= rounds; r++) {
      await freshTables(db, subjectRows, otherRows);
      storeTimes.push(await timed(db, otherRows, () => store.erase({ subjectId: 'bench', email: SUBJECT }, async () => null)));
      await freshTables(db, subjectRows, otherRows);
      plainTimes.push(
        await timed(db, otherRows, () =>
          db.transaction().execute(async (trx) => {
            await sql`DELETE FROM bench_order_line WHERE order_id IN (SELECT id FROM bench_order WHERE email = ${SUBJECT})`.execute(trx);
            await sql`DELETE FROM bench_order WHERE email = ${SUBJECT}`.execute(trx);
          }),
        ),
      );
      console.log(`  round ${r}/${rounds}: declared store erase ${round(storeTimes.at(-1)!)} ms, plain SQL ${round(plainTimes.at(-1)!)} ms`);
    }
    await sql`DROP TABLE IF EXISTS bench_order_line, bench_order`.execute(db);
  } finally {
    await db.destroy();
  }
  return { subjectRows, otherRows, rounds, storeEraseMs: round(median(storeTimes)), plainDeleteMs: round(median(plainTimes)) };
}
