// The Chinook sample database (docs/examples/chinook.data-map.json) in one dialect, as the
// declared SQL store sees it, with the direct queries tests compare the store's answers to.
// scripts/test.sh loads it afresh for every run (CHINOOK_POSTGRES_URL, CHINOOK_MYSQL_URL).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadDataMap } from '../../stores/data-map/validate';
import type { DataStore } from '../../stores/data-store';
import { openSqlDb, plainValue, type SqlDb } from '../../stores/sql/connect';
import { declaredSqlStores } from '../../stores/sql/connections';

export const CHINOOK_MAP_FILE = path.resolve(__dirname, '../../docs/examples/chinook.data-map.json');
export const CHINOOK_HASH_KEY = 'chinook-test-hash-key';

/** Table and column names of one dialect's Chinook. */
export interface ChinookNames {
  store: string;
  customer: string;
  invoice: string;
  line: string;
  customerId: string;
  invoiceId: string;
  lineId: string;
  email: string;
  phone: string;
  firstName: string;
  fax: string;
  address: string;
  billingAddress: string;
  billingCountry: string;
  total: string;
}

export const POSTGRES_NAMES: ChinookNames = {
  store: 'chinook-postgres', customer: 'customer', invoice: 'invoice', line: 'invoice_line', customerId: 'customer_id', invoiceId: 'invoice_id', lineId: 'invoice_line_id',
  email: 'email', phone: 'phone', firstName: 'first_name', fax: 'fax', address: 'address', billingAddress: 'billing_address', billingCountry: 'billing_country', total: 'total',
};
export const MYSQL_NAMES: ChinookNames = {
  store: 'chinook-mysql', customer: 'Customer', invoice: 'Invoice', line: 'InvoiceLine', customerId: 'CustomerId', invoiceId: 'InvoiceId', lineId: 'InvoiceLineId',
  email: 'Email', phone: 'Phone', firstName: 'FirstName', fax: 'Fax', address: 'Address', billingAddress: 'BillingAddress', billingCountry: 'BillingCountry', total: 'Total',
};

export interface Chinook {
  n: ChinookNames;
  db: SqlDb;
  store: DataStore;
  /** A customer's row, their invoices and invoice lines, straight from the database. */
  rowsOf(customerId: number): Promise<{ customer: Record<string, unknown>[]; invoices: Record<string, unknown>[]; lines: Record<string, unknown>[] }>;
  /** SHA-256 over every row of the three tables that is not the given customer's. */
  othersChecksum(customerId: number): Promise<string>;
  close(): Promise<void>;
}

const plain = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plainValue(v)])));

/** Opens the declared store of one dialect from the example map, and a direct connection. */
export function openChinook(n: ChinookNames, urlVariable: 'CHINOOK_POSTGRES_URL' | 'CHINOOK_MYSQL_URL'): Chinook {
  const url = process.env[urlVariable];
  if (!url) throw new Error(`${urlVariable} is not set: run the tests through scripts/test.sh`);
  const map = loadDataMap(CHINOOK_MAP_FILE);
  const entry = map.stores.find((s) => s.name === n.store);
  if (!entry?.sql) throw new Error(`the example map has no declared store ${n.store}`);
  const storeDb = openSqlDb(entry.sql.dialect, url);
  const [store] = declaredSqlStores([{ entry: { ...entry, sql: entry.sql }, db: storeDb, hashKey: CHINOOK_HASH_KEY }]);
  const db = openSqlDb(entry.sql.dialect, url);
  async function rowsOf(customerId: number) {
    const customer = await db.selectFrom(n.customer).selectAll().where(n.customerId, '=', customerId).execute();
    const invoices = await db.selectFrom(n.invoice).selectAll().where(n.customerId, '=', customerId).orderBy(n.invoiceId).execute();
    const ids = invoices.map((i) => i[n.invoiceId]);
    const lines = ids.length ? await db.selectFrom(n.line).selectAll().where(n.invoiceId, 'in', ids).orderBy(n.lineId).execute() : [];
    return { customer: plain(customer), invoices: plain(invoices), lines: plain(lines) };
  }
  return {
    n,
    db,
    store: store as DataStore,
    rowsOf,
    async othersChecksum(customerId) {
      const hash = createHash('sha256');
      hash.update(JSON.stringify(plain(await db.selectFrom(n.customer).selectAll().where(n.customerId, '<>', customerId).orderBy(n.customerId).execute())));
      const invoices = await db.selectFrom(n.invoice).selectAll().where(n.customerId, '<>', customerId).orderBy(n.invoiceId).execute();
      hash.update(JSON.stringify(plain(invoices)));
      const mine = db.selectFrom(n.invoice).select(n.invoiceId).where(n.customerId, '=', customerId);
      hash.update(JSON.stringify(plain(await db.selectFrom(n.line).selectAll().where(n.invoiceId, 'not in', mine).orderBy(n.lineId).execute())));
      return hash.digest('hex');
    },
    async close() {
      await db.destroy();
      await storeDb.destroy();
    },
  };
}
