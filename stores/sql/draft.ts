// A first data map for a live database, drafted from its catalog for a person to review:
// identity columns and categories guessed from column names and types, references from the
// foreign keys that lead a table without identities to one with them. Every guess says so in
// a "review" note; nothing here is trusted until someone has read it.
import type { Catalog, CatalogColumn, CatalogTable } from './catalog';
import type { SqlDialect } from '../data-map/sql-fields';

interface Guess {
  category: string;
  identity?: 'email' | 'phone';
}

const TEXT = /char|text|string|clob/;
/** Name patterns, first match wins; the category names are suggestions. */
const GUESSES: Array<[RegExp, Guess]> = [
  [/e_?mail/i, { category: 'contact', identity: 'email' }],
  [/phone|mobile|^tel$|telephone/i, { category: 'contact', identity: 'phone' }],
  [/^fax$/i, { category: 'contact' }],
  [/(first|last|full|given|family|middle|sur|display|user)_?name|^name$/i, { category: 'contact' }],
  [/company|employer/i, { category: 'contact' }],
  [/address|street|city|^state$|province|zip|postal|post_?code|country/i, { category: 'address' }],
  [/(^|_)ip($|_)|ip_?addr/i, { category: 'network' }],
  [/birth|^dob$/i, { category: 'birth-date' }],
  [/gender|^sex$/i, { category: 'demographic' }],
  [/passport|national_?id|ssn|tax_?id|id_?number/i, { category: 'government-id' }],
];

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();

function guess(column: CatalogColumn): Guess | null {
  for (const [pattern, g] of GUESSES) {
    if (!pattern.test(column.name)) continue;
    // An identity is text: a numeric "phone_count" is not a telephone number.
    if (g.identity && !TEXT.test(column.dataType)) return { category: g.category };
    return g;
  }
  return null;
}

/** The draft map (as JSON-ready data) for one schema of a live database. */
export function draftMap(catalog: Catalog, dialect: SqlDialect, databaseName: string): Record<string, unknown> {
  const personal = new Map<string, Array<[CatalogColumn, Guess]>>();
  for (const t of catalog.tables.values()) personal.set(t.name, t.columns.flatMap((c) => (guess(c) ? [[c, guess(c) as Guess]] : [])) as Array<[CatalogColumn, Guess]>);
  const hasIdentity = (t: CatalogTable) => (personal.get(t.name) ?? []).some(([, g]) => g.identity);
  // A table without identities of its own is the subject's through foreign keys that lead,
  // however many hops, to a table with one (invoice line -> invoice -> customer).
  const included = new Set([...catalog.tables.values()].filter(hasIdentity).map((t) => t.name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of catalog.tables.values()) {
      if (included.has(t.name) || !t.primaryKey.length) continue;
      if (t.foreignKeys.some((fk) => fk.table !== t.name && included.has(fk.table))) {
        included.add(t.name);
        grew = true;
      }
    }
  }
  const categories = new Map<string, string>();
  const collections: Record<string, unknown> = {};
  for (const name of included) {
    const t = catalog.tables.get(name) as CatalogTable;
    const own = hasIdentity(t);
    const rowCategory = own ? 'contact' : snake(name);
    categories.set(rowCategory, own ? 'contact details of the subject' : `rows of ${name} that belong to the subject`);
    const identities: Record<string, string> = {};
    const columns: Record<string, unknown> = {};
    for (const [c, g] of personal.get(name) ?? []) {
      categories.set(g.category, categories.get(g.category) ?? `${g.category} (guessed)`);
      if (g.identity && !identities[g.identity]) identities[g.identity] = c.name;
      columns[c.name] = { category: g.category, ...(c.nullable ? {} : { mask: { fixed: 'erased' } }), review: `guessed from the column name (${c.dataType}${c.nullable ? '' : ', NOT NULL'})` };
    }
    const pk = t.primaryKey.length === 1 ? t.primaryKey[0] : undefined;
    if (own && pk) identities.accountId = pk;
    // Only tables without identities of their own follow their foreign keys: a customer's
    // reference to the employee who supports them must not make the employee's rows theirs.
    const references = own ? {} : Object.fromEntries(t.foreignKeys.filter((fk) => fk.table !== name && included.has(fk.table)).map((fk) => [fk.column, `${fk.table}.${fk.column2}`]));
    const notes = [
      own ? `has identity columns (${Object.keys(identities).join(', ')}): are its rows data subjects (customers), or staff who should not be declared?` : 'reaches an identity through its foreign keys',
      ...(pk ? [] : [`has ${t.primaryKey.length ? 'a composite' : 'no'} primary key: give the one column that identifies a row`]),
      ...(own && t.foreignKeys.length ? [`foreign keys left out (${t.foreignKeys.map((f) => `${f.column} -> ${f.table}`).join(', ')}): add them only if those rows are this subject's`] : []),
    ];
    collections[name] = {
      review: notes.join('; '),
      primaryKey: pk ?? t.primaryKey.join(','),
      category: rowCategory,
      ...(Object.keys(identities).length ? { identities } : {}),
      ...(Object.keys(references).length ? { references } : {}),
      columns,
    };
  }
  const storeName = snake(databaseName) || 'database';
  return {
    $comment: `Draft data map for ${dialect === 'postgres' ? 'PostgreSQL' : 'MySQL/MariaDB'} schema "${catalog.schema}": every guess carries a "review" note. Check it with: npm run datamap -- check FILE`,
    stores: {
      [storeName]: {
        review: 'choose per category "delete" or "anonymise" (and the masks), and which fields may be corrected',
        kind: 'sql',
        dialect,
        connection: `${storeName.replace(/-/g, '_').toUpperCase()}_DATABASE_URL`.replace(/^([^A-Z])/, 'DB_$1'),
        ...([...included].some((n) => (personal.get(n) ?? []).some(([, g]) => g.identity === 'phone')) ? { defaultCountryCode: '1' } : {}),
        categories: Object.fromEntries([...categories].map(([c, description]) => [c, { erase: 'delete', corrections: false, description }])),
        collections,
      },
    },
  };
}
