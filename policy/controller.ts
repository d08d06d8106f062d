// Who answers the requests: the controller's own privacy policy, cited beside the law where
// the controller promised something of its own (a fee rule, a bilingual reply). One constant
// until the controller profile holds it; the title and date are the policy's own.

/** The controller's privacy policy as it titles itself. */
export const CONTROLLER_POLICY_NAME = 'Ping An Cloud Privacy Policy (updated May 10, 2020)';

/** A section of that policy, cited by its number and heading, e.g. `… §IX "Your Control over Personal Information"`. */
export const controllerPolicySection = (section: string, heading: string): string => `${CONTROLLER_POLICY_NAME} §${section} "${heading}"`;
