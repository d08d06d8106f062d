// A subject under 18 (the seed policy, section XIV; PIPL art 31 for under 14, art 28: a
// minor's data is sensitive). The flag names an age band and who filed, never an age or a
// birth date: a band from a fixed vocabulary, so it may sit in the workflow input and audit.

export const MINOR_AGE_BANDS = ['UNDER_14', '14_TO_17'] as const;
export type MinorAgeBand = (typeof MINOR_AGE_BANDS)[number];

/** Who may say so at intake: the subject, or a guardian on the subject's behalf. */
export const MINOR_FILERS = ['SUBJECT', 'GUARDIAN'] as const;

/** COMPLIANCE: opened by compliance, without a request, to delete a child's data collected by mistake. */
export type MinorFiler = (typeof MINOR_FILERS)[number] | 'COMPLIANCE';

export interface MinorFlag {
  ageBand: MinorAgeBand;
  filedBy: MinorFiler;
}

/** The data of a child collected by mistake, deleted on compliance's own motion. */
export const collectedByMistake = (minor: MinorFlag | undefined | null): boolean => minor?.filedBy === 'COMPLIANCE';

/** The flag as stored in the request's details (activities/intake.ts), or null. */
export function minorOf(details: unknown): MinorFlag | null {
  const m = (details as { minor?: MinorFlag } | null)?.minor;
  return m && typeof m === 'object' ? m : null;
}

/** Refusal of a guardian's request that no member of staff attested: the guardian's authority
 *  must be checked against evidence before anything is disclosed or erased (Chinese prevails). */
export const GUARDIAN_NEEDS_ATTESTATION = {
  zh: '监护人代未成年人提出的请求，须由我们的工作人员核验监护关系证明后代为提交；请携带监护关系证明联系我们。',
  en: 'A guardian’s request on behalf of a minor must be filed by our staff after they check evidence of guardianship; please contact us with that evidence.',
} as const;

/** What a certificate says of a deletion compliance opened for a child's data collected by mistake. */
export const MISTAKEN_CHILD_DATA_STATEMENT = {
  zh: '本次删除由合规人员主动发起，未待请求：所删除的是误收集的未成年人个人信息。',
  en: 'This deletion was opened by compliance without waiting for a request: the data deleted is personal information of a minor collected by mistake.',
} as const;
