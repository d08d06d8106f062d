// Reading the "open a request" form: the portal's checks for the right, residence, address
// and corrections, plus what only staff give: the channel, the language and the evidence note.
import { MINOR_AGE_BANDS, MINOR_FILERS } from '../../../domain/minor';
import { LANGUAGES, type Language } from '../../../domain/request-kinds';
import { STAFF_CHANNELS, type StaffSubmitBody } from '../../staff/schemas';
import { readRequestForm, type FormFields, type RequestFormValues } from '../form-input';
import type { FieldErrors } from './form-fields';
import type { ConsoleMessages } from './console-messages-en';
import type { MapPurpose } from '../../../stores/data-map/purposes';

const NOTE_MIN = 3;
const NOTE_MAX = 2000;

/** What the agent typed, kept to fill the form again. */
export interface NewRequestValues extends RequestFormValues {
  channel: string;
  language: string;
  evidenceNote: string;
  /** Empty when the subject is not known to be under 18. */
  minorAgeBand: string;
  minorFiledBy: string;
}

type FieldMessages = ConsoleMessages['fields'];

/** Each field's message in the words given (the portal's field names, and staff's own). */
const messagesOf = (m: FieldMessages) => ({
  type: m.type,
  residence: m.residence,
  email: m.email,
  phone: m.phone,
  accountId: m.accountId,
  corrections: m.corrections,
  manage: m.manage,
  recipient: m.recipient,
  channel: m.channel,
  language: m.replyLanguage,
  minor: m.minor,
  evidenceNote: m.evidenceNote(NOTE_MIN, NOTE_MAX),
});

/** The body for submitRequest with the channel and attestation, or the errors by field in the words given. */
export function readNewRequestForm(fields: FormFields, purposes: readonly MapPurpose[], m: FieldMessages): { values: NewRequestValues; body?: StaffSubmitBody; errors: FieldErrors } {
  const language = (LANGUAGES as readonly string[]).includes(fields.language ?? '') ? (fields.language as Language) : undefined;
  const portal = readRequestForm(fields, language ?? 'en', purposes);
  const values: NewRequestValues = {
    ...portal.values,
    channel: fields.channel ?? '',
    language: fields.language ?? '',
    evidenceNote: (fields.evidenceNote ?? '').trim(),
    minorAgeBand: fields.minorAgeBand ?? '',
    minorFiledBy: fields.minorFiledBy ?? '',
  };
  const MESSAGES = messagesOf(m);
  const errors: Record<string, string> = {};
  for (const field of Object.keys(portal.errors) as Array<keyof typeof portal.errors>) errors[field] = MESSAGES[field];
  if (!(STAFF_CHANNELS as readonly string[]).includes(values.channel)) errors.channel = MESSAGES.channel;
  if (!language) errors.language = MESSAGES.language;
  const minorGiven = values.minorAgeBand !== '' || values.minorFiledBy !== '';
  const minorValid = (MINOR_AGE_BANDS as readonly string[]).includes(values.minorAgeBand) && (MINOR_FILERS as readonly string[]).includes(values.minorFiledBy);
  if (minorGiven && !minorValid) errors.minor = MESSAGES.minor;
  if (values.evidenceNote.length < NOTE_MIN || values.evidenceNote.length > NOTE_MAX) errors.evidenceNote = MESSAGES.evidenceNote;
  if (!portal.body || Object.keys(errors).length > 0) return { values, errors };
  const minor = minorGiven ? { minor: { ageBand: values.minorAgeBand, filedBy: values.minorFiledBy } as NonNullable<StaffSubmitBody['minor']> } : {};
  return { values, errors, body: { ...portal.body, ...minor, channel: values.channel as StaffSubmitBody['channel'], evidenceNote: values.evidenceNote } };
}
