// Form bodies: read as URL-encoded text, then checked field by field so that each error
// can be shown next to its field, in the subject's language, with the values kept.
import { REQUEST_TYPES, type Language, type RequestType } from '../../domain/request-kinds';
import { MANAGE_ACTIONS, type ManageAction } from '../../domain/manage';
import type { MapPurpose } from '../../stores/data-map/purposes';
import type { SubmitRequestBody } from '../schemas';
import { intakeAccountId, intakePhone } from '../intake-identities';
import { CORRECTABLE_FIELDS, residenceOptions, type CorrectableField } from './i18n';
import { activeProfile, type ControllerProfile } from '../../config/controller-profile';
import { registeredRecipient } from '../../config/portability-recipients';

/** Whether a check passes (it throws its refusal). */
function accepted(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

/** Form fields by name; the first value wins and nothing reaches Object.prototype. */
export type FormFields = Readonly<Record<string, string>>;

/** Parses an application/x-www-form-urlencoded body. */
export function parseForm(body: string): FormFields {
  const fields: Record<string, string> = Object.create(null);
  for (const [name, value] of new URLSearchParams(body)) if (!(name in fields)) fields[name] = value;
  return fields;
}

/** What the subject typed, kept to fill the form again. */
export interface RequestFormValues {
  type: string;
  residence: string;
  email: string;
  /** Further identities the subject may give (server/intake-identities.ts). */
  phone?: string;
  accountId?: string;
  corrections: Partial<Record<CorrectableField, string>>;
  /** A manage request: the purposes ticked and the action chosen. */
  purposes: string[];
  manageAction: string;
  /** A portability request: the registered recipient chosen, or '' for none. */
  recipient?: string;
}

export type RequestFormErrors = Partial<Record<'type' | 'residence' | 'email' | 'phone' | 'accountId' | 'corrections' | 'manage' | 'recipient', true>>;

/** The checkbox of a purpose a manage request names, e.g. `purpose_marketing`. */
export const purposeField = (purpose: string) => `purpose_${purpose}`;

/** The field name of a correction's new value, e.g. `fix_phone`. */
export const correctionField = (field: CorrectableField) => `fix_${field}`;

// The "fast" e-mail shape of ajv-formats, which checks the API's `format: 'email'`, so the
// portal accepts exactly the addresses the API accepts.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_EMAIL = 254;
const MAX_CORRECTION = 200;

/** Reads the request form: either the body for the submit use case, or the errors by field. */
export function readRequestForm(
  fields: FormFields,
  language: Language,
  /** The data map's purposes: a ticked box counts only for one of these. */
  declaredPurposes: readonly MapPurpose[],
  profile: ControllerProfile = activeProfile().profile,
): { values: RequestFormValues; body?: SubmitRequestBody; errors: RequestFormErrors } {
  const corrections: RequestFormValues['corrections'] = {};
  for (const field of CORRECTABLE_FIELDS) {
    const value = (fields[correctionField(field)] ?? '').trim();
    if (value) corrections[field] = value;
  }
  const values: RequestFormValues = {
    type: fields.type ?? '',
    residence: fields.residence ?? '',
    email: (fields.email ?? '').trim(),
    phone: (fields.phone ?? '').trim(),
    accountId: (fields.accountId ?? '').trim(),
    corrections,
    purposes: declaredPurposes.map((p) => p.id).filter((id) => fields[purposeField(id)] !== undefined),
    manageAction: fields.manageAction ?? '',
    recipient: fields.recipient ?? '',
  };
  const errors: RequestFormErrors = {};
  if (!(REQUEST_TYPES as readonly string[]).includes(values.type)) errors.type = true;
  if (!residenceOptions(language, profile).some(([code]) => code === values.residence)) errors.residence = true;
  if (values.email.length > MAX_EMAIL || !EMAIL.test(values.email)) errors.email = true;
  // The same rules the API applies at intake, so the form refuses exactly what the API would.
  if (values.phone && !accepted(() => intakePhone(values.phone as string))) errors.phone = true;
  if (values.accountId && !accepted(() => intakeAccountId(values.accountId as string))) errors.accountId = true;
  const isCorrection = values.type === 'CORRECTION';
  const given = Object.values(corrections);
  if (isCorrection && (given.length === 0 || given.some((v) => v.length > MAX_CORRECTION))) errors.corrections = true;
  const isManage = values.type === 'MANAGE';
  if (isManage && (values.purposes.length === 0 || !(MANAGE_ACTIONS as readonly string[]).includes(values.manageAction))) errors.manage = true;
  const isPortability = values.type === 'PORTABILITY';
  if (isPortability && values.recipient && !registeredRecipient(profile, values.recipient)) errors.recipient = true;
  if (Object.keys(errors).length > 0) return { values, errors };
  // Values typed under "correction" and then left for another right are dropped, not refused.
  const body: SubmitRequestBody = {
    email: values.email,
    type: values.type as RequestType,
    residence: values.residence,
    language,
    ...(values.phone ? { phone: values.phone } : {}),
    ...(values.accountId ? { accountId: values.accountId } : {}),
    ...(isCorrection ? { corrections } : {}),
    ...(isPortability && values.recipient ? { recipient: values.recipient } : {}),
    ...(isManage ? { manage: { purposes: values.purposes, action: values.manageAction as ManageAction } } : {}),
  };
  return { values, body, errors };
}
