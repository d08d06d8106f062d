// The erasure procedure both database stores share: category by category, asking about
// protection right before each one, so a hold that arrives mid-way still protects what
// has not been erased yet. Stores supply only how to count, clear and remove their rows.
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
}

/** Erases category by category; rows go only when no category of theirs is protected. */
export async function eraseByCategory(
  eraser: CategoryEraser,
  protectedNow: (category: DataCategory) => Promise<CategoryProtection | null>,
): Promise<{ erased: number; retained: Retained[] }> {
  const retained: Retained[] = [];
  let erased = 0;
  for (const category of eraser.categories) {
    const records = await eraser.count(category);
    // Nothing to erase means nothing to keep either: an empty category is not reported retained.
    if (records === 0) continue;
    const protection = await protectedNow(category);
    if (protection) {
      retained.push({ category, records, reason: protection.reason, reference: protection.reference, basis: protection.basis });
      continue;
    }
    erased += await eraser.clear(category);
  }
  // The rows themselves (with the identifier that links them to the subject) go only when
  // nothing is kept: retained data must stay attributable to whoever the hold concerns.
  if (retained.length === 0) await eraser.removeRows();
  return { erased, retained };
}
