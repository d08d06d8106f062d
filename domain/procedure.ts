// Procedure settings that are the organisation's choice rather than the law's. Legal
// durations live in the regime policies; these are the controller's own safeguards.

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const VERIFICATION = {
  /** A mailed code is short-lived so that a leaked mailbox copy soon becomes useless. */
  codeTtlMs: 30 * MINUTE_MS,
  /** Six digits with five guesses: a one in 200,000 chance for a guesser. */
  maxAttempts: 5,
  /** How long a subject has to verify before the request closes as unverifiable. */
  windowMs: 30 * DAY_MS,
} as const;
