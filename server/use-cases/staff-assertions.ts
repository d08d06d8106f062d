// The API's side of staff assertions: every update that acts for a member of staff carries
// the API's signature on (request, action, staff id, role, expiry), which the workflow checks
// before the update changes anything (workflows/staff-proof.ts).
import { signStaffAssertion, staffAssertionKey } from '../../crypto/staff-assertion';
import { AUTHORIZED_AGENT_ROLE } from '../../workflows/messages';
import { AppError } from '../app-error';
import type { ServerDeps } from '../deps';

/** The actor id of an authorized agent whose signed claim the DRP routes verified (server/drp/). */
export const AGENT_ACTOR_PREFIX = 'drp-agent:';

/** Signs an authorized agent's attestation: the DRP route has checked the agent's Ed25519
 *  signature on the claim, so the API vouches for it under the role `authorized-agent`. */
export function assertAuthorizedAgent(deps: ServerDeps, agentActor: string, requestId: string, action: string): string {
  return signStaffAssertion(staffAssertionKey(deps.identityPepper), { requestId, action, staffId: agentActor, role: AUTHORIZED_AGENT_ROLE }, deps.clock());
}

/** Signs `action` on `requestId` for `staffId`, with the role their account has now; a
 *  disabled or missing account gets no assertion. */
export async function assertStaff(deps: ServerDeps, staffId: string, requestId: string, action: string): Promise<string> {
  const account = await deps.db.staffAccount.findUnique({ where: { id: staffId }, select: { role: true, disabledAt: true } });
  if (!account || account.disabledAt) throw new AppError(403, 'ROLE_FORBIDDEN', 'This staff account may not act on requests.');
  return signStaffAssertion(staffAssertionKey(deps.identityPepper), { requestId, action, staffId, role: account.role }, deps.clock());
}
