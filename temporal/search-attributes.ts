// Registers the engine's search attributes on a namespace, so that workflows can upsert
// them (the server refuses unknown ones) and compliance can filter by them in the Web UI.
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../workflows/messages';

const INDEXED_TYPE = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  BOOL: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
} as const;

/** Adds the attributes that are missing; a no-op when all are registered. */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const searchAttributes = Object.fromEntries(SEARCH_ATTRIBUTES.map((k) => [k.name, INDEXED_TYPE[k.type as keyof typeof INDEXED_TYPE]]));
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (err) {
    // ALREADY_EXISTS: registered by an earlier start.
    if ((err as { code?: number }).code !== 6) throw err;
  }
}
