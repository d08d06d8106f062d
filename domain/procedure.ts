// Procedure settings that are the organisation's choice rather than the law's. Legal
// durations live in the regime policies; these are the controller's own safeguards.

const MINUTE_MS = 60_000;

export const VERIFICATION = {
  /** A mailed code is short-lived so that a leaked mailbox copy soon becomes useless. */
  codeTtlMs: 30 * MINUTE_MS,
  /** Six digits with five guesses: a one in 200,000 chance for a guesser. */
  maxAttempts: 5,
} as const;

/** A subject with this many times the free quota of requests in the fee window is flagged
 *  as possibly excessive: compliance decides, with the burden of proof on the controller. */
export const EXCESSIVE_MULTIPLE_OF_FREE_QUOTA = 3;
/** Where a regime sets no free quota, this many requests in a year are flagged instead. */
export const EXCESSIVE_REQUESTS_PER_YEAR = 6;
