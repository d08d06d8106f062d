// The `purposes` of a declared SQL store: how a MANAGE request stops a processing there, as
// data. Per purpose (declared in the map's top-level `purposes`, purposes.ts) the collection whose rows carry it, an
// optional condition picking its rows (`when`: column equals value, for one table that holds
// every purpose), the column to set and the value each action writes, e.g.
//   "marketing": { "collection": "ProcessingConsent", "when": { "column": "purpose", "equals": "marketing" },
//                  "column": "status", "set": { "WITHDRAW_CONSENT": "withdrawn", "OBJECT": "objected" } }
// The three usual shapes are all a value set: a consent row set to "withdrawn", a flag column set
// to false, a row moved out of a processing set by setting its membership column.
// Setting a value never erases: the row and its history stay, only the processing stops.
import { MANAGE_ACTIONS, type ManageAction } from '../../domain/manage';

export interface DeclaredPurpose {
  purpose: string;
  collection: string;
  when?: { column: string; equals: string | number };
  column: string;
  set: Partial<Record<ManageAction, string | number | boolean>>;
  line: number;
}

type Report = (at: string[], message: string) => void;
const COLUMN = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const FIELDS = ['description', 'collection', 'when', 'column', 'set'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Checks `purposes` against the store's collections; faults are reported, sound entries returned. */
export function checkSqlPurposes(value: unknown, collections: readonly string[], declaredPurposes: readonly string[], store: string, fault: Report, lineOf: (at: string[]) => number): DeclaredPurpose[] {
  if (value === undefined) return [];
  if (!isObject(value)) {
    fault(['purposes'], `${store} must give "purposes" as an object, e.g. {"marketing": {"collection": …, "column": …, "set": {…}}}`);
    return [];
  }
  const out: DeclaredPurpose[] = [];
  for (const [purpose, spec] of Object.entries(value)) {
    const at = ['purposes', purpose];
    const where = `${store} purpose "${purpose}"`;
    if (!declaredPurposes.includes(purpose)) {
      const known = declaredPurposes.length > 0 ? `declared: ${declaredPurposes.join(', ')}` : 'it declares none';
      fault(at, `${where} is not declared in the map's top-level "purposes" (${known}): declare its label and consequence there first`);
      continue;
    }
    if (!isObject(spec)) {
      fault(at, `${where} must be an object with "collection", "column" and "set"`);
      continue;
    }
    for (const key of Object.keys(spec)) if (!FIELDS.includes(key)) fault([...at, key], `${where} has an unknown field "${key}" (allowed: ${FIELDS.join(', ')})`);
    const { collection, when, column, set } = spec;
    let sound = true;
    const bad = (field: string[], message: string) => {
      sound = false;
      fault([...at, ...field], `${where} ${message}`);
    };
    if (typeof collection !== 'string' || !collections.includes(collection)) bad(['collection'], `needs "collection": one of the store's collections (${collections.join(', ')})`);
    if (typeof column !== 'string' || !COLUMN.test(column)) bad(['column'], 'needs "column": the column the action sets');
    if (when !== undefined && !(isObject(when) && typeof when.column === 'string' && COLUMN.test(when.column) && (typeof when.equals === 'string' || typeof when.equals === 'number') && Object.keys(when).length === 2)) {
      bad(['when'], 'has "when" that is not {"column": name, "equals": value}');
    }
    if (!isObject(set) || Object.keys(set).length === 0) bad(['set'], `needs "set": the value each action writes (actions: ${MANAGE_ACTIONS.join(', ')})`);
    else {
      for (const [action, v] of Object.entries(set)) {
        if (!(MANAGE_ACTIONS as readonly string[]).includes(action)) bad(['set', action], `sets for unknown action "${action}" (one of: ${MANAGE_ACTIONS.join(', ')})`);
        else if (!isScalar(v)) bad(['set', action], `sets for "${action}" a value that is not text, a number or true/false`);
      }
    }
    if (!sound) continue;
    out.push({
      purpose,
      collection: collection as string,
      ...(isObject(when) && { when: { column: when.column as string, equals: when.equals as string | number } }),
      column: column as string,
      set: set as DeclaredPurpose['set'],
      line: lineOf(at),
    });
  }
  return out;
}
