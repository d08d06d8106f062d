// Which rows of a declared SQL store are the subject's. A row is theirs when one of its identity
// columns matches an identity the request carries (e-mail case-insensitive, phone
// in E.164, account id exactly), when it holds an account id found that way in another
// collection, or when it references a row that is theirs (invoice line -> invoice -> customer),
// however many hops. Each is one SQL condition with nested subqueries: the subject's rows are
// never gathered in memory, and erasure works on the same condition, set-based.
import { type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { SubjectKeys } from '../data-store';
import type { DeclaredCollection, Mask, SqlDeclaration } from '../data-map/sql-fields';
import { normaliseEmail } from '../identity-key';
import type { SqlDb } from './connect';
import { HASH_MARKER } from './masks';
import { normalisePhone, phoneSpellings } from './phone';

type Eb = ExpressionBuilder<any, any>;

/** The identities a request carries, normalised, with the account ids they lead to. */
export interface Identities {
  email: string | null;
  phoneSpellings: string[];
  accountIds: string[];
}

/** `table.column`, which Kysely quotes part by part (schema.table.column for a qualified table). */
export const col = (c: DeclaredCollection, column: string) => `${c.name}.${column}`;

/** The condition matching a collection's rows by their own identity columns. */
function directMatch(eb: Eb, c: DeclaredCollection, ids: Identities, dialect: SqlDeclaration['dialect'], withAccounts: boolean): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  for (const { kind, column } of c.identities) {
    const ref = eb.ref(col(c, column));
    // lower(column), the expression a deployer's case-insensitive index is on (the demo tables' are).
    if (kind === 'email' && ids.email) out.push(eb(eb.fn('lower', [ref]), '=', ids.email));
    if (kind === 'phone' && ids.phoneSpellings.length > 0) {
      // Everything but digits and + removed in the database; the spellings are those that normalise to the subject's number.
      const stripped = eb.fn('regexp_replace', [ref, eb.val('[^0-9+]'), eb.val(''), ...(dialect === 'postgres' ? [eb.val('g')] : [])]);
      out.push(eb(stripped, 'in', ids.phoneSpellings));
    }
    if (kind === 'accountId' && withAccounts && ids.accountIds.length > 0) out.push(eb(ref, 'in', ids.accountIds));
  }
  return out;
}

/** The condition selecting the subject's rows of a collection. */
export function reached(eb: Eb, decl: SqlDeclaration, c: DeclaredCollection, ids: Identities): Expression<SqlBool> {
  const byName = new Map(decl.collections.map((x) => [x.name, x]));
  const terms = directMatch(eb, c, ids, decl.dialect, true);
  for (const r of c.references) {
    const parent = byName.get(r.collection) as DeclaredCollection;
    // Declared references form no loop (checked with the map), so this recursion ends.
    terms.push(eb(eb.ref(col(c, r.column)), 'in', eb.selectFrom(parent.name).select(col(parent, r.toColumn)).where((inner) => reached(inner, decl, parent, ids))));
  }
  return terms.length > 0 ? eb.or(terms) : eb.lit(false);
}

/** The request's identities, normalised, plus the account ids that its e-mail address and
 *  telephone number find in collections holding both (a customer id found by e-mail). */
export async function resolveIdentities(db: SqlDb, decl: SqlDeclaration, subject: SubjectKeys): Promise<Identities> {
  const phone = subject.phone && decl.defaultCountryCode ? normalisePhone(subject.phone, decl.defaultCountryCode) : null;
  const ids: Identities = {
    email: subject.email ? normaliseEmail(subject.email) : null,
    phoneSpellings: phone && decl.defaultCountryCode ? phoneSpellings(phone, decl.defaultCountryCode) : [],
    accountIds: subject.accountId ? [subject.accountId.trim()] : [],
  };
  const found = new Set(ids.accountIds);
  for (const c of decl.collections) {
    const account = c.identities.find((i) => i.kind === 'accountId');
    if (!account) continue;
    const rows = await db
      .selectFrom(c.name)
      .select(`${col(c, account.column)} as id`)
      .distinct()
      .where((eb) => {
        const terms = directMatch(eb, c, ids, decl.dialect, false);
        return terms.length > 0 ? eb.or(terms) : eb.lit(false);
      })
      .execute();
    for (const row of rows) if (row.id !== null && row.id !== undefined) found.add(String(row.id));
  }
  return { ...ids, accountIds: [...found].sort() };
}

/** Identity columns: spared by masking while anything of the subject is retained, so what is
 *  kept stays attributable to whoever the hold concerns. */
export const identityColumns = (c: DeclaredCollection) => new Set(c.identities.map((i) => i.column));

/** Whether a column still holds the value it was given, i.e. has not been masked yet. */
export function unmasked(eb: Eb, c: DeclaredCollection, column: string, mask: Mask): Expression<SqlBool> | null {
  const ref = eb.ref(col(c, column));
  switch (mask.kind) {
    case 'keep':
      return null;
    case 'null':
      return eb(ref, 'is not', null);
    case 'fixed':
      return eb.and([eb(ref, 'is not', null), eb(ref, '<>', mask.value)]);
    case 'hash':
      return eb.and([eb(ref, 'is not', null), eb(ref, 'not like', `${HASH_MARKER}%`)]);
  }
}

/** The columns whose unmasked value means a row still holds data of a category: its columns of
 *  that category, identities aside (they stay while a hold keeps the row attributable), except
 *  in a collection with `keepWhen`, whose kept rows are the subject's only through the identity
 *  that anonymising removes (an issued invoice with no name on it is still their invoice). */
export function dataColumns(c: DeclaredCollection, category: string): DeclaredCollection['columns'] {
  const ids = c.keepWhen ? new Set<string>() : identityColumns(c);
  return c.columns.filter((x) => x.category === category && !ids.has(x.name) && x.mask.kind !== 'keep');
}

/** Rows of the collection that still hold data in a category: any of its dataColumns unmasked;
 *  for the row's own category with no such column, every row reached. */
export function holdsData(eb: Eb, c: DeclaredCollection, category: string): Expression<SqlBool> {
  const terms = dataColumns(c, category).flatMap((x) => unmasked(eb, c, x.name, x.mask) ?? []);
  if (terms.length > 0) return eb.or(terms);
  return c.category === category ? eb.lit(true) : eb.lit(false);
}

/** The categories a collection holds: its rows' and its columns'. */
export const categoriesOf = (c: DeclaredCollection) => [...new Set([c.category, ...c.columns.map((x) => x.category)])];

/** Rows of the collection its `keepWhen` keeps (null when it keeps none): erasure anonymises
 *  them instead of deleting them, and corrections leave them as they were made. */
export function kept(eb: Eb, c: DeclaredCollection): Expression<SqlBool> | null {
  if (!c.keepWhen) return null;
  return eb(eb.ref(col(c, c.keepWhen.column)), c.keepWhen.isNull ? 'is' : 'is not', null);
}

/** The rows `kept` does not keep: every row when the collection keeps none. */
export function notKept(eb: Eb, c: DeclaredCollection): Expression<SqlBool> {
  if (!c.keepWhen) return eb.lit(true);
  return eb(eb.ref(col(c, c.keepWhen.column)), c.keepWhen.isNull ? 'is not' : 'is', null);
}
