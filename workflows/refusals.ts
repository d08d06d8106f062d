// How the request workflow says no to an update: a refusal carries a code, the failure's
// type, that the API maps to its HTTP answer, and a message written for the person who
// asked. Nothing else reads the message, so its words may change freely.
import { ApplicationFailure } from '@temporalio/workflow';
import type { RequestStatus } from '../domain/status';
import type { RequestRun } from './request-run';

/** Why an update was refused. */
export const REFUSAL_CODES = [
  /** The request is not in a state where this is possible (or is being withdrawn or closed). */
  'WRONG_STATE',
  /** What the update asks was already done (identity verified, fee answered, decision recorded). */
  'ALREADY_DONE',
  /** Another call of the same kind is under way on this request. */
  'BUSY',
  /** Too many, or too soon after the last (codes resent). */
  'RATE_LIMITED',
  /** The update's own arguments are missing or malformed. */
  'INVALID_INPUT',
  /** The rules do not allow it (a fee the regime does not allow, an extension beyond the regime's). */
  'NOT_ALLOWED',
  /** The caller may not do this (unproven staff, the attester approving their own attestation). */
  'FORBIDDEN',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Refuses the update; the code is the failure's type (never personal data), the message is for the caller. */
export function reject(code: RefusalCode, message: string): never {
  throw ApplicationFailure.nonRetryable(message, code);
}

export function requireText(value: unknown, what: string): void {
  if (typeof value !== 'string' || value.trim().length < 3) reject('INVALID_INPUT', `${what} is required (at least 3 characters).`);
}

export function requireStatus(run: RequestRun, ...allowed: RequestStatus[]): void {
  if (run.withdrawn) reject('WRONG_STATE', 'The request is being withdrawn.');
  if (!allowed.includes(run.status)) reject('WRONG_STATE', `Not possible while the request is ${run.status}.`);
}

/** Refuses a call while another call of the same kind is still under way on this request. */
export function requireFree(run: RequestRun, key: string, message: string): void {
  if (run.isBusy(key)) reject('BUSY', message);
}
