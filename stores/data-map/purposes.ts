// The purposes of processing a MANAGE request may name, declared once in the data map's
// top-level `purposes` (the compliance officer's file, not code): per purpose its words for the
// subject in Chinese and English, what follows for the subject once it is stopped, and whether
// it is a sale or a sharing of personal information in the CCPA's sense (Cal. Civ. Code
// §1798.140(ad), (ah)), whose opt-out needs no verification (11 CCR §7026(d)). How each store
// stops a purpose is said in the store's own `purposes` (sql-purposes.ts). The portal, the
// console and the API offer exactly these; the reply letter words each with them.
import { MANAGE_ACTIONS, type ManageAction } from '../../domain/manage';
import type { Language } from '../../domain/request-kinds';

/** A sale (§1798.140(ad)) or a sharing for cross-context behavioural advertising (§1798.140(ah)). */
export const DISCLOSURES = ['sale', 'sharing'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

export type Words = Record<Language, string>;

export interface MapPurpose {
  /** The id requests name, e.g. "marketing": a name, never personal data (it sits in history and audit). */
  id: string;
  label: Words;
  /** What the subject can expect once the action is done: one text for every action, or per action. */
  consequence: Words | Partial<Record<ManageAction, Words>>;
  /** Set when stopping it is an opt-out of sale or sharing under the CCPA. */
  disclosure: Disclosure[];
  line: number;
}

type Report = (at: string[], message: string) => void;
/** Lower-case words joined by hyphens: safe in form field names, history and audit. */
const PURPOSE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_ID = 60;
const FIELDS = ['label', 'consequence', 'disclosure', 'description'];
const LANGS: readonly Language[] = ['zh', 'en'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWords = (v: unknown): v is Words => isObject(v) && LANGS.every((l) => typeof v[l] === 'string' && (v[l] as string).trim() !== '') && Object.keys(v).every((k) => (LANGS as string[]).includes(k));

/** Checks the map's top-level `purposes`; faults are reported, sound purposes returned in the file's order. */
export function checkPurposes(value: unknown, fault: Report, lineOf: (at: string[]) => number): MapPurpose[] {
  if (value === undefined) return [];
  if (!isObject(value)) {
    fault(['purposes'], 'the map must give "purposes" as an object, e.g. {"marketing": {"label": {"zh": …, "en": …}, "consequence": {"zh": …, "en": …}}}');
    return [];
  }
  const out: MapPurpose[] = [];
  for (const [id, spec] of Object.entries(value)) {
    const at = ['purposes', id];
    const where = `purpose "${id}"`;
    let sound = true;
    const bad = (field: string[], message: string) => {
      sound = false;
      fault([...at, ...field], `${where} ${message}`);
    };
    if (id.length > MAX_ID || !PURPOSE_ID.test(id)) bad([], `is not a purpose id: lower-case letters and digits joined by hyphens, at most ${MAX_ID} characters, e.g. "personalised-recommendations"`);
    if (!isObject(spec)) {
      bad([], 'must be an object with "label" and "consequence"');
      continue;
    }
    for (const key of Object.keys(spec)) if (!FIELDS.includes(key)) bad([key], `has an unknown field "${key}" (allowed: ${FIELDS.join(', ')})`);
    const { label, consequence, disclosure, description } = spec;
    if (!isWords(label)) bad(['label'], 'needs "label": what the subject reads, as {"zh": text, "en": text} (both, neither empty)');
    const perAction = isObject(consequence) && Object.keys(consequence).some((k) => (MANAGE_ACTIONS as readonly string[]).includes(k));
    if (perAction) {
      for (const [action, words] of Object.entries(consequence)) {
        if (!(MANAGE_ACTIONS as readonly string[]).includes(action)) bad(['consequence', action], `gives a consequence for unknown action "${action}" (one of: ${MANAGE_ACTIONS.join(', ')})`);
        else if (!isWords(words)) bad(['consequence', action], `needs for "${action}" a consequence as {"zh": text, "en": text} (both, neither empty)`);
      }
      const missing = MANAGE_ACTIONS.filter((a) => !Object.hasOwn(consequence, a));
      if (missing.length > 0) bad(['consequence'], `gives consequences per action but none for ${missing.join(', ')}: the letter would say nothing of what follows`);
    } else if (!isWords(consequence)) {
      bad(['consequence'], 'needs "consequence": what follows for the subject once it is stopped, as {"zh": text, "en": text}, or per action {"WITHDRAW_CONSENT": {"zh": …, "en": …}, …}');
    }
    if (disclosure !== undefined && !(Array.isArray(disclosure) && disclosure.every((d) => (DISCLOSURES as readonly unknown[]).includes(d)) && new Set(disclosure).size === disclosure.length)) {
      bad(['disclosure'], `has "disclosure" that is not a list of ${DISCLOSURES.map((d) => `"${d}"`).join(' and/or ')} (a sale or a sharing under the CCPA), each at most once`);
    }
    if (description !== undefined && typeof description !== 'string') bad(['description'], 'has a description that is not text');
    if (!sound) continue;
    out.push({ id, label: label as Words, consequence: consequence as MapPurpose['consequence'], disclosure: (disclosure as Disclosure[] | undefined) ?? [], line: lineOf(at) });
  }
  return out;
}

/** What the subject can expect once `action` is done for the purpose, in language `l`. */
export function consequenceOf(p: Pick<MapPurpose, 'consequence'>, action: ManageAction, l: Language): string {
  const c = p.consequence as Record<string, Words | undefined>;
  return (isWords(c) ? (c as unknown as Words) : c[action]!)[l];
}

/** Why a manage choice cannot be accepted against the declared purposes, as the end of "This request …", or null. */
export function manageProblem(declared: readonly Pick<MapPurpose, 'id'>[], purposes: readonly string[], action: string): string | null {
  const ids = declared.map((p) => p.id);
  if (ids.length === 0) return 'names a purpose, but the data map declares none: this controller offers no purpose to manage';
  if (purposes.length === 0) return `names no purpose (one or more of: ${ids.join(', ')})`;
  const unknown = purposes.filter((p) => !ids.includes(p));
  if (unknown.length > 0) return `names unknown purpose "${unknown[0]}" (the data map declares: ${ids.join(', ')})`;
  if (new Set(purposes).size !== purposes.length) return 'names a purpose twice';
  if (!(MANAGE_ACTIONS as readonly string[]).includes(action)) return `asks for unknown action "${action}" (one of: ${MANAGE_ACTIONS.join(', ')})`;
  return null;
}
