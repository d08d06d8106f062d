// Driver adapter used by the Prisma CLI (migrate) through prisma.config.ts.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { requireDatabaseUrl } from './database-url';

const PG_NAME_OID = 19;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** The schema engine reads PostgreSQL catalog columns of types `name` and `"char"`, which
 *  the adapter refuses (prisma/orm#27403). Both are text on the wire, so they are
 *  relabelled as text before the adapter looks at them. */
function relabelCatalogTypes(result: pg.QueryResult): pg.QueryResult {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

function patchClientQuery(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (err: Error | null, result: pg.QueryResult) => callback(err, err ? result : relabelCatalogTypes(result));
    }
    const out = query(...args);
    return out instanceof Promise ? out.then(relabelCatalogTypes) : out;
  };
}

/** Builds the adapter over DATABASE_URL for `prisma migrate`. */
export function cliAdapterFactory(): PrismaPg {
  const max = process.env.DATABASE_POOL_MAX ? Number(process.env.DATABASE_POOL_MAX) : undefined;
  const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max });
  pool.on('connect', patchClientQuery);
  return new PrismaPg(pool, { disposeExternalPool: true });
}
