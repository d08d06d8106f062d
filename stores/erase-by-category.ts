// The erasure procedure the Redis and file stores share: protection is asked for each category
// right before the erasure, so a hold placed while a deletion is under way still protects
// what it covers. Stores supply only how to count, clear and remove their rows.
import type { DataCategory, Retained } from '../domain/fulfilment';
import type { CategoryProtection } from './data-store';

export interface CategoryEraser {
  /** Categories in erasure order; the one whose erasure removes the row itself comes last. */
  categories: readonly DataCategory[];
  /** The subject's records that still hold data in a category. */
  count(category: DataCategory): Promise<number>;
  /** Clears a category's columns in the subject's rows, keeping the rows; returns rows changed. */
  clear(category: DataCategory): Promise<number>;
  /** Removes the subject's rows altogether; called only when nothing is retained. */
  removeRows(): Promise<number>;
  /** Optional fast path when nothing is protected: removes every record of the subject in
   *  one step, instead of clearing category by category first. Only for stores whose
   *  categories are all erased by deletion (none is anonymised in place). */
  removeAll?(): Promise<number>;
}

/** Erases the subject's data; rows go only when no category of theirs is protected.
 *  Every category's protection is asked for first, in one quick pass right before any
 *  change: when none is protected (the usual case) and the store offers `removeAll`, the
 *  rows go in one statement instead of a column update per category, which is what makes
 *  large erasures fast. */
export async function eraseByCategory(
  eraser: CategoryEraser,
  protectedNow: (category: DataCategory) => Promise<CategoryProtection | null>,
): Promise<{ erased: number; retained: Retained[] }> {
  const retained: Retained[] = [];
  const toClear: Array<{ category: DataCategory; records: number }> = [];
  for (const category of eraser.categories) {
    const records = await eraser.count(category);
    // Nothing to erase means nothing to keep either: an empty category is not reported retained.
    if (records === 0) continue;
    const protection = await protectedNow(category);
    if (protection) retained.push({ category, records, reason: protection.reason, reference: protection.reference, basis: protection.basis });
    else toClear.push({ category, records });
  }
  if (retained.length === 0 && eraser.removeAll) {
    await eraser.removeAll();
    return { erased: toClear.reduce((sum, c) => sum + c.records, 0), retained };
  }
  let erased = 0;
  for (const { category } of toClear) erased += await eraser.clear(category);
  // The rows themselves (with the identifier that links them to the subject) stay when
  // anything is kept: retained data must stay attributable to whoever the hold concerns.
  if (retained.length === 0) await eraser.removeRows();
  return { erased, retained };
}
