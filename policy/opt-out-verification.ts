// Whether a request goes on without identity verification because the law forbids requiring it:
// under the CCPA a request to opt out of the sale or sharing of personal information is not a
// verifiable consumer request (11 CCR §7026(d)). Decided from the regime's policy data and the
// data map's purposes: every purpose the request names must be marked a sale or sharing, so a
// request that also withdraws, say, marketing consent is verified as any other.
import type { ManageChoice } from '../domain/manage';
import type { RegimePolicy } from './regime-policy';

/** The citation under which verification is not required, or null when it is. */
export function verificationNotRequired(
  regime: RegimePolicy,
  type: string,
  choice: ManageChoice | undefined,
  purposes: ReadonlyArray<{ id: string; disclosure: readonly string[] }>,
): { citation: string } | null {
  const rule = regime.rights.manage.optOutWithoutVerification;
  if (!rule || type !== 'MANAGE' || !choice || choice.purposes.length === 0) return null;
  if (!rule.actions.includes(choice.action)) return null;
  const marked = (id: string) => purposes.find((p) => p.id === id)?.disclosure.some((d) => (rule.disclosures as readonly string[]).includes(d)) ?? false;
  return choice.purposes.every(marked) ? { citation: rule.citation } : null;
}
