// Reading the action forms that carry more than one note: the decision, a legal hold and an
// exemption signal. Each gives the use case's body, or the errors by field.
import type { RefusalGround } from '../../../policy';
import type { PlaceHoldBody, SignalBody } from '../../staff/console-schemas';
import type { ManualTaskCompletionBody } from '../../use-cases/manual-tasks';
import type { DecideBody } from '../../staff/schemas';
import type { FormFields } from '../form-input';
import { noteIn } from './console-http';
import type { FieldErrors } from './form-fields';
import { groundField } from './request-forms';

const DECISIONS = ['PROCEED', 'REFUSE', 'REFUSE_IN_PART', 'CHARGE_FEE'] as const;
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const GROUND = /^[A-Z][A-Z0-9_]{1,63}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_EXCLUDED = 50;

type Read<T> = { body: T } | { errors: FieldErrors };
const done = <T>(errors: Record<string, string>, body: () => T): Read<T> => (Object.keys(errors).length > 0 ? { errors } : { body: body() });

/** The decide form: decision, grounds ticked (of `allowed`, the regime's), categories kept back, reasons;
 *  charging a fee only where the regime allows one for a manifestly unfounded or excessive request. */
export function readDecision(f: FormFields, allowed: readonly RefusalGround[], feeForExcessive: boolean): Read<DecideBody> {
  const errors: Record<string, string> = {};
  const decision = DECISIONS.find((d) => d === f.decision);
  if (!decision) errors.decision = 'Choose proceed, refuse, refuse in part or charge the fee.';
  if (decision === 'CHARGE_FEE' && !feeForExcessive) errors.decision = 'This regime allows no fee for a manifestly unfounded or excessive request: proceed, or refuse on one of its grounds.';
  const codes = Object.keys(f)
    .filter((name) => name.startsWith(groundField('')) && f[name] === 'yes')
    .map((name) => name.slice(groundField('').length));
  const chosen = allowed.filter((g) => codes.includes(g.code));
  if ((decision === 'REFUSE' || decision === 'REFUSE_IN_PART') && chosen.length === 0) errors.grounds = 'A refusal must rest on at least one ground: tick it.';
  const excluded = (f.excluded ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  if (excluded.some((c) => !NAME.test(c)) || excluded.length > MAX_EXCLUDED) errors.excluded = 'Give category names (letters, digits, - and _) separated by commas.';
  else if (decision === 'REFUSE_IN_PART' && excluded.length === 0) errors.excluded = 'A partial refusal must name the categories kept back.';
  const reason = noteIn(f, 'reason');
  if (!reason) errors.reason = 'Write the reasons (3 to 2000 characters).';
  return done(errors, () => {
    const grounds = chosen.map((g) => ({ code: g.code, citation: g.citation }));
    const ground = grounds[0];
    return {
      decision: decision!,
      grounds: decision === 'REFUSE' || decision === 'REFUSE_IN_PART' ? grounds : [],
      ...(decision === 'REFUSE_IN_PART' && ground ? { excluded: excluded.map((category) => ({ category, ground: ground.code, citation: ground.citation })) } : {}),
      reason: reason!,
    };
  });
}

/** The place-a-hold form, for the subject of `requestId`. */
export function readHold(f: FormFields, requestId: string): Read<PlaceHoldBody> {
  const errors: Record<string, string> = {};
  const store = (f.store ?? '').trim();
  const category = (f.category ?? '').trim();
  if (store && !NAME.test(store)) errors.store = 'Choose a store from the list.';
  if (category && !NAME.test(category)) errors.category = 'A category name: letters, digits, - and _.';
  const authority = noteIn(f, 'authority', 2, 200);
  if (!authority) errors.authority = 'Name the authority (2 to 200 characters).';
  const reference = (f.reference ?? '').trim();
  if (reference.length > 200) errors.reference = 'At most 200 characters.';
  const basis = noteIn(f, 'basis', 3, 500);
  if (!basis) errors.basis = 'Cite the legal basis (3 to 500 characters).';
  const reason = noteIn(f, 'reason');
  if (!reason) errors.reason = 'Say why the data must be kept (3 to 2000 characters).';
  const endsOn = (f.endsAt ?? '').trim();
  const endsAt = DAY.test(endsOn) ? new Date(`${endsOn}T00:00:00Z`) : undefined;
  if (endsOn && (!endsAt || Number.isNaN(endsAt.getTime()))) errors.endsAt = 'A date such as 2027-06-30, or nothing.';
  return done(errors, () => ({
    requestId,
    ...(store ? { store } : {}),
    ...(category ? { category } : {}),
    authority: authority!,
    ...(reference ? { reference } : {}),
    reason: reason!,
    basis: basis!,
    ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
  }));
}

/** The record-a-signal form. */
export function readSignal(f: FormFields): Read<SignalBody> {
  const errors: Record<string, string> = {};
  const ground = f.ground ?? '';
  if (!GROUND.test(ground)) errors.ground = 'Choose a refusal ground.';
  const note = (f.note ?? '').trim();
  if (note.length > 2000) errors.note = 'At most 2000 characters.';
  return done(errors, () => ({ ground, ...(note ? { note } : {}) }));
}

/** The manual-task form: what was done, "checked, nothing found", and how many records were dealt with. */
export function readTaskCompletion(f: FormFields): Read<ManualTaskCompletionBody> {
  const errors: Record<string, string> = {};
  const note = noteIn(f, 'note');
  if (!note) errors.note = 'Say what was checked or done (3 to 2000 characters).';
  const nothingFound = f.nothingFound === 'yes';
  const count = (f.processed ?? '').trim();
  const processed = /^\d{1,9}$/.test(count) ? Number(count) : undefined;
  if (count && processed === undefined) errors.processed = 'A whole number, or nothing.';
  else if (nothingFound && (processed ?? 0) > 0) errors.processed = 'Nothing found means no records dealt with: leave this empty.';
  return done(errors, () => ({ note: note!, nothingFound, ...(processed !== undefined ? { processed } : {}) }));
}
