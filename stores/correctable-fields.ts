// The fields a correction request may change, shared by every store: each store applies the
// ones it holds and leaves the others, but all of them check the whole request with the same
// rules, so a value one store refuses is refused by all and no store applies half a request.
import type { FieldChange } from './data-store';
import { CorrectionRefused } from './store-errors';

const MAX_TEXT = 200;
const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;
/** A value that stands in for erased data (see customer-accounts) is no one's real name. */
const RESERVED = 'erased';

const text = (v: string) => (v.trim().length === 0 || v.length > MAX_TEXT || v.trim() === RESERVED ? 'must be 1 to 200 characters' : null);

/** Checks one corrected value; a message says what is wrong without repeating the value. */
export const CORRECTABLE_FIELDS: Readonly<Record<string, (value: string) => string | null>> = {
  fullName: text,
  phone: (v) => (PHONE.test(v.trim()) ? null : 'must be a telephone number of digits, spaces, brackets and dashes'),
  companyName: text,
  /** The language mail is written in (marketing). */
  preferredLanguage: (v) => (['zh', 'en'].includes(v.trim()) ? null : 'must be one of zh, en'),
  /** The name invoices and payment methods are made out to (billing). */
  billingName: text,
  /** The address on invoices not yet issued (billing). */
  billingAddress: text,
};

/** A field name fit to repeat in an error: the request could carry anything as a key. */
function fieldLabel(field: string): string {
  return /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(field) ? `"${field}"` : 'an unnamed field';
}

/** The first problem with a set of corrections, as "<verb phrase>" naming the field, never the
 *  value; null when every field is correctable and every value acceptable. */
export function correctionProblem(corrections: Record<string, string>): string | null {
  for (const [field, value] of Object.entries(corrections)) {
    const validate = Object.hasOwn(CORRECTABLE_FIELDS, field) ? CORRECTABLE_FIELDS[field] : undefined;
    if (!validate) return `cannot correct ${fieldLabel(field)}: correctable fields are ${Object.keys(CORRECTABLE_FIELDS).join(', ')}.`;
    const problem = validate(value);
    if (problem) return `refused the correction of "${field}": the new value ${problem}.`;
  }
  return null;
}

/** Checks every correction and returns, trimmed, those of the fields this store holds; throws
 *  CorrectionRefused (naming the field, never the value) before anything is written. */
export function correctionsFor<F extends string>(store: string, corrections: Record<string, string>, held: readonly F[]): Partial<Record<F, string>> {
  const problem = correctionProblem(corrections);
  if (problem) throw new CorrectionRefused(`Store ${store} ${problem}`);
  const mine: Partial<Record<F, string>> = {};
  for (const [field, value] of Object.entries(corrections)) {
    if ((held as readonly string[]).includes(field)) mine[field as F] = value.trim();
  }
  return mine;
}

/** What replacing `before` values by `after` changes, in lengths only; null when nothing differs. */
export function fieldChange(field: string, before: ReadonlyArray<string | null>, after: string): FieldChange | null {
  const replaced = before.filter((v) => v !== after);
  if (replaced.length === 0) return null;
  return { field, records: replaced.length, lengthsBefore: [...new Set(replaced.map((v) => v?.length ?? 0))].sort((a, b) => a - b), lengthAfter: after.length };
}
