// What a check of a mailed code can find.

/** The outcome of one check of a verification code. */
export type VerificationOutcome = 'VERIFIED' | 'WRONG_CODE' | 'EXPIRED' | 'EXHAUSTED' | 'NO_CHALLENGE';
