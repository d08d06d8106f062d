// The one check a column's text passes on its way out of the database: PostgreSQL keeps the
// engine's closed vocabularies (request type, status, channel, regime, ...) as plain text, so
// a value written by hand, by an older build or by a newer one is caught here, by name, rather
// than travelling on as a type it is not.

/** Thrown when a row holds a value outside the vocabulary its column is read as. */
export class UnknownStoredValue extends Error {
  constructor(
    readonly column: string,
    readonly value: unknown,
    allowed: readonly string[],
  ) {
    super(`${column} holds ${JSON.stringify(value)}, which is none of ${allowed.join(', ')}.`);
    this.name = 'UnknownStoredValue';
  }
}

const isOneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T => typeof value === 'string' && (allowed as readonly string[]).includes(value);

/** `value` as one of `allowed`; throws naming the column when it is not. */
export function oneOf<T extends string>(allowed: readonly T[], value: unknown, column: string): T {
  if (isOneOf(allowed, value)) return value;
  throw new UnknownStoredValue(column, value, allowed);
}

/** How each typed column of a table is read from what Prisma returns. */
export type ColumnReaders<Cols> = { [K in keyof Cols]: (value: unknown) => Cols[K] };

/** A row, or a selection of one, with the typed columns it holds typed. */
export type TypedRow<Row, Cols> = { [K in keyof Row]: K extends keyof Cols ? Cols[K] : Row[K] };

/** Reads each typed column present in `row` with its reader; the other columns pass as they are. */
export function typedRow<Row extends object, Cols>(readers: ColumnReaders<Cols>, row: Row): TypedRow<Row, Cols> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(row));
  for (const key of Object.keys(readers) as Array<keyof Cols & string>) if (key in out) out[key] = readers[key](out[key]);
  return out as TypedRow<Row, Cols>;
}

/** As oneOf, for a nullable column: null stays null. */
export function oneOfOrNull<T extends string>(allowed: readonly T[], value: unknown, column: string): T | null {
  return value === null || value === undefined ? null : oneOf(allowed, value, column);
}
