// Values several regimes share, named once so that a change reaches all of them.
import { REQUEST_TYPES, type RequestType } from '../../domain/request-kinds';
import type { ReminderPolicy } from '../regime-policy';

export const ALL_REQUEST_TYPES: readonly RequestType[] = REQUEST_TYPES;

/** Account closure erases the account's data, so erasure exceptions reach it too. */
export const ERASURE_TYPES: readonly RequestType[] = ['DELETION', 'ACCOUNT_CLOSURE'];

/** A week's notice to plan the reply, and two days' warning to escalate in time. */
export const STANDARD_REMINDERS: ReminderPolicy = {
  daysBefore: [7, 2],
  escalateAtRiskDaysBefore: 2,
  atLocalHour: 9,
};

/**
 * Stands in a citation for the controller's privacy policy, whose name is the controller's,
 * not the law's: `citeControllerPolicy` puts the profile's policy name in its place
 * wherever a citation reaches staff or a subject.
 */
export const CONTROLLER_POLICY = '{controller privacy policy}';

/** A citation with the controller's policy named as its profile names it. */
export function citeControllerPolicy(citation: string, policyName: string): string {
  return citation.split(CONTROLLER_POLICY).join(policyName);
}

/** A section of the controller's policy, cited by its number and heading, e.g. `… §IX "Your Control over Personal Information"`. */
/** The seed's promise that withdrawal does not undo processing already done, where the law itself says nothing. */
export const POLICY_WITHDRAWAL_EFFECT = `${CONTROLLER_POLICY} §IX "Your Control over Personal Information"`;

export const controllerPolicySection = (section: string, heading: string): string => `${CONTROLLER_POLICY} §${section} "${heading}"`;
