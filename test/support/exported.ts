// Collects a store's exportStream into rows per category, every category of the store
// present (empty when nothing was found), for tests that compare what a store exports.
import type { DataStore, SubjectKeys } from '../../stores/data-store';

type Row = Record<string, string | number | null>;

/** The subject's exported records grouped by category, in the order the store yields them. */
export async function exportedByCategory(store: DataStore, subject: SubjectKeys): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = Object.fromEntries(store.categories.map((c) => [c, []]));
  for await (const { category, record } of store.exportStream(subject)) (out[category] ??= []).push(record);
  return out;
}
