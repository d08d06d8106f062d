// The identities beyond the e-mail address that intake collects (portal, console, JSON API):
// a telephone number, brought to E.164, and a customer or account id. Each is checked here
// (a clear 400 naming the field, never repeating the value), then carried only encrypted, with
// a keyed hash for the plain column: never in a workflow id, search attribute or log line.
import { createHmac } from 'node:crypto';
import type { FieldCipher } from '../crypto/field-cipher';
import { normalisePhone } from '../stores/sql/phone';
import type { SubjectIdentities } from '../workflows/messages';
import { AppError } from './app-error';

/** Letters, digits and the separators ids are written with; what a system's id column holds. */
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The number in E.164. Intake has no country to assume, so the number must carry its own
 *  (written +86… or 0086…); a declared store still matches its own national spellings. */
export function intakePhone(raw: string): string {
  const trimmed = raw.trim();
  // The default country is never used: a number without + or 00 is refused first.
  const e164 = /^(\+|00)/.test(trimmed) ? normalisePhone(trimmed, '1') : null;
  if (!e164 || /[^0-9+ ()./-]/.test(trimmed)) {
    throw new AppError(400, 'INVALID_INPUT', 'The telephone number must be written with its country code, e.g. +86 138 0000 0000: 7 to 15 digits, with spaces, dashes or brackets if you like.');
  }
  return e164;
}

/** The account id as given, trimmed. */
export function intakeAccountId(raw: string): string {
  const id = raw.trim();
  if (!ACCOUNT_ID.test(id)) throw new AppError(400, 'INVALID_INPUT', 'The account id must be 1 to 64 letters or digits, with dots, dashes, underscores or colons between them.');
  return id;
}

/** A keyed hash of one identity, its kind mixed in so a phone and an id never hash alike. */
function keyed(pepper: string, kind: 'phone' | 'accountId', value: string): string {
  return createHmac('sha256', pepper).update(`${kind}:${value}`).digest('hex');
}

/** The keyed hash an account id is stored and found by, as given (trimmed): also what a
 *  sign-in's `sub` is compared with when the profile identifies subjects by it. */
export function accountIdHashOf(pepper: string, accountId: string): string {
  return keyed(pepper, 'accountId', accountId.trim());
}

/** The keyed hash a phone number is stored and found by, once brought to E.164. */
export function phoneHashOf(pepper: string, e164: string): string {
  return keyed(pepper, 'phone', e164);
}

/** The request's further identities, checked, hashed and encrypted; {} when none was given. */
export function furtherIdentities(pepper: string, cipher: FieldCipher, given: { phone?: string; accountId?: string }): Partial<SubjectIdentities> {
  const phone = given.phone !== undefined && given.phone.trim() !== '' ? intakePhone(given.phone) : undefined;
  const accountId = given.accountId !== undefined && given.accountId.trim() !== '' ? intakeAccountId(given.accountId) : undefined;
  return {
    ...(phone && { phoneHash: phoneHashOf(pepper, phone), phoneEncrypted: cipher.encrypt(phone, 'DsrRequest.phoneEncrypted') }),
    ...(accountId && { accountIdHash: accountIdHashOf(pepper, accountId), accountIdEncrypted: cipher.encrypt(accountId, 'DsrRequest.accountIdEncrypted') }),
  };
}
