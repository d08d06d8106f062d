// Reading the action forms that carry more than one note: the decision, a legal hold and an
// exemption signal. Each gives the use case's body, or the errors by field in the words given.
import type { RefusalGround } from '../../../policy';
import type { PlaceHoldBody, SignalBody } from '../../staff/console-schemas';
import type { ManualTaskCompletionBody } from '../../use-cases/manual-tasks';
import type { DecideBody } from '../../staff/schemas';
import type { FormFields } from '../form-input';
import { noteIn } from './console-http';
import type { FieldErrors } from './form-fields';
import type { ConsoleMessages } from './console-messages-en';
import { groundField } from './request-forms';

const DECISIONS = ['PROCEED', 'REFUSE', 'REFUSE_IN_PART', 'CHARGE_FEE'] as const;
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const GROUND = /^[A-Z][A-Z0-9_]{1,63}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_EXCLUDED = 50;

/** The field errors' words, in the staff member's language. */
type FieldMessages = ConsoleMessages['fields'];
type Read<T> = { body: T } | { errors: FieldErrors };
const done = <T>(errors: Record<string, string>, body: () => T): Read<T> => (Object.keys(errors).length > 0 ? { errors } : { body: body() });

/** The decide form: decision, grounds ticked (of `allowed`, the regime's), categories kept back, reasons;
 *  charging a fee only where the regime allows one for a manifestly unfounded or excessive request. */
export function readDecision(f: FormFields, allowed: readonly RefusalGround[], feeForExcessive: boolean, m: FieldMessages): Read<DecideBody> {
  const errors: Record<string, string> = {};
  const decision = DECISIONS.find((d) => d === f.decision);
  if (!decision) errors.decision = m.decision;
  if (decision === 'CHARGE_FEE' && !feeForExcessive) errors.decision = m.noFee;
  const codes = Object.keys(f)
    .filter((name) => name.startsWith(groundField('')) && f[name] === 'yes')
    .map((name) => name.slice(groundField('').length));
  const chosen = allowed.filter((g) => codes.includes(g.code));
  if ((decision === 'REFUSE' || decision === 'REFUSE_IN_PART') && chosen.length === 0) errors.grounds = m.grounds;
  const excluded = (f.excluded ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  if (excluded.some((c) => !NAME.test(c)) || excluded.length > MAX_EXCLUDED) errors.excluded = m.excluded;
  else if (decision === 'REFUSE_IN_PART' && excluded.length === 0) errors.excluded = m.excludedMissing;
  const reason = noteIn(f, 'reason');
  if (!reason) errors.reason = m.reasons;
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
export function readHold(f: FormFields, requestId: string, m: FieldMessages): Read<PlaceHoldBody> {
  const errors: Record<string, string> = {};
  const store = (f.store ?? '').trim();
  const category = (f.category ?? '').trim();
  if (store && !NAME.test(store)) errors.store = m.holdStore;
  if (category && !NAME.test(category)) errors.category = m.holdCategory;
  const authority = noteIn(f, 'authority', 2, 200);
  if (!authority) errors.authority = m.authority;
  const reference = (f.reference ?? '').trim();
  if (reference.length > 200) errors.reference = m.at200;
  const basis = noteIn(f, 'basis', 3, 500);
  if (!basis) errors.basis = m.basis;
  const reason = noteIn(f, 'reason');
  if (!reason) errors.reason = m.holdReason;
  const endsOn = (f.endsAt ?? '').trim();
  const endsAt = DAY.test(endsOn) ? new Date(`${endsOn}T00:00:00Z`) : undefined;
  if (endsOn && (!endsAt || Number.isNaN(endsAt.getTime()))) errors.endsAt = m.endsAt;
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
export function readSignal(f: FormFields, m: FieldMessages): Read<SignalBody> {
  const errors: Record<string, string> = {};
  const ground = f.ground ?? '';
  if (!GROUND.test(ground)) errors.ground = m.ground;
  const note = (f.note ?? '').trim();
  if (note.length > 2000) errors.note = m.at2000;
  return done(errors, () => ({ ground, ...(note ? { note } : {}) }));
}

/** The manual-task form: what was done, "checked, nothing found", and how many records were dealt with. */
export function readTaskCompletion(f: FormFields, m: FieldMessages): Read<ManualTaskCompletionBody> {
  const errors: Record<string, string> = {};
  const note = noteIn(f, 'note');
  if (!note) errors.note = m.taskNote;
  const nothingFound = f.nothingFound === 'yes';
  const count = (f.processed ?? '').trim();
  const processed = /^\d{1,9}$/.test(count) ? Number(count) : undefined;
  if (count && processed === undefined) errors.processed = m.wholeNumber;
  else if (nothingFound && (processed ?? 0) > 0) errors.processed = m.nothingFound;
  return done(errors, () => ({ note: note!, nothingFound, ...(processed !== undefined ? { processed } : {}) }));
}
