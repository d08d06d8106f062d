// What a MANAGE request asks for: the purposes of processing it is about and what the subject
// wants done with them. Purposes and actions are names from a fixed vocabulary
// (the data map's `purposes`, stores/data-map/purposes.ts), never personal data, so they may sit in history and audit.

/** Withdraw consent (PIPL art 15; GDPR art 7(3)), restrict (PIPL art 44; GDPR art 18) or
 *  object to (PIPL art 44; GDPR art 21; CCPA opt-out of sale/sharing, §1798.120) a processing. */
export const MANAGE_ACTIONS = ['WITHDRAW_CONSENT', 'RESTRICT', 'OBJECT'] as const;
export type ManageAction = (typeof MANAGE_ACTIONS)[number];

export interface ManageChoice {
  purposes: string[];
  action: ManageAction;
}

/** What one store did for one purpose. `SET`: the declared value was written to `changed`
 *  records (`already` held it before); `NOT_DECLARED`: the store declares the purpose but not
 *  this action, so a person must act (the letter says so). */
export interface ManageResult {
  purpose: string;
  result: 'SET' | 'NOT_DECLARED';
  changed: number;
  already: number;
}
