// npm run datamap: a draft map read from a live Chinook in both dialects, and the check of a
// map against its databases, which prints each problem with its line and exits 1.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { validateDataMap } from '../../stores/data-map/validate';
import { CHINOOK_HASH_KEY, CHINOOK_MAP_FILE } from '../support/chinook';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

async function datamap(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/datamap.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

type Draft = { stores: Record<string, { dialect: string; collections: Record<string, { identities?: Record<string, string>; references?: Record<string, string>; review: string; columns: Record<string, { review: string }> }> }> };

describe('npm run datamap', () => {
  test.each([
    ['postgres', 'CHINOOK_POSTGRES_URL', { customer: 'customer', invoice: 'invoice', line: 'invoice_line', email: 'email', phone: 'phone', id: 'customer_id', invoiceId: 'invoice_id' }],
    ['mysql', 'CHINOOK_MYSQL_URL', { customer: 'Customer', invoice: 'Invoice', line: 'InvoiceLine', email: 'Email', phone: 'Phone', id: 'CustomerId', invoiceId: 'InvoiceId' }],
  ])('when a %s Chinook is drafted, then Customer e-mail and phone are identities and Invoice -> Customer, InvoiceLine -> Invoice are found, each marked for review', async (dialect, variable, n) => {
    const { code, stdout } = await datamap(['draft', '--url', process.env[variable] as string]);
    expect(code).toBe(0);
    const draft = JSON.parse(stdout) as Draft;
    const store = Object.values(draft.stores)[0]!;
    expect(store.dialect).toBe(dialect);
    const { collections } = store;
    expect(collections[n.customer]?.identities).toEqual({ email: n.email, phone: n.phone, accountId: n.id });
    expect(collections[n.invoice]?.references).toEqual({ [n.id]: `${n.customer}.${n.id}` });
    expect(collections[n.line]?.references).toEqual({ [n.invoiceId]: `${n.invoice}.${n.invoiceId}` });
    // Tables with nothing of a subject (tracks, albums) are left out; every guess carries a note.
    expect(Object.keys(collections)).not.toContain(dialect === 'postgres' ? 'track' : 'Track');
    expect(collections[n.customer]?.columns[n.email]?.review).toMatch(/guessed from the column name/);
    expect(collections[n.customer]?.review).toMatch(/staff who should not be declared/);
    // The draft is a map the engine reads as it is.
    expect(() => validateDataMap(stdout, 'draft.json')).not.toThrow();
  });

  test('when the example map is checked against its live databases, then it has no problems', async () => {
    const { code, stdout } = await datamap(['check', CHINOOK_MAP_FILE], { CHINOOK_HASH_KEY });
    expect(stdout).toBe('chinook.data-map.json: 2 stores, no problems\n');
    expect(code).toBe(0);
  });

  test('when a map names a column its database lacks, or a collection reaches no identity, then each problem is printed with its line and the exit is 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dsr-datamap-'));
    try {
      const original = await readFile(CHINOOK_MAP_FILE, 'utf8');
      const live = original.replace('"BillingCity": "invoice"', '"BillingTown": "invoice"');
      await writeFile(path.join(dir, 'live.json'), live);
      let result = await datamap(['check', path.join(dir, 'live.json')], { CHINOOK_HASH_KEY });
      const line = live.slice(0, live.indexOf('"BillingTown"')).split('\n').length;
      expect(result.stdout).toBe(`live.json line ${line}: store "chinook-mysql" collection "Invoice" names column "BillingTown", which table Invoice does not have\n`);
      expect(result.code).toBe(1);

      const unreached = original.replace('"references": {\n            "InvoiceId": "Invoice.InvoiceId"\n          }', '"references": {}');
      await writeFile(path.join(dir, 'unreached.json'), unreached);
      result = await datamap(['check', path.join(dir, 'unreached.json')], { CHINOOK_HASH_KEY });
      expect(result.stdout).toMatch(/^unreached\.json line \d+: store "chinook-mysql" collection "InvoiceLine" reaches no identity/);
      expect(result.code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
