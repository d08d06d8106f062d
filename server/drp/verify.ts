// The §3.07 checks for a request behind a Bearer token: the token names the agent, whose
// directory key must verify the body; then the claims, in the spec's order.
import { holdsNul } from '../nul-guard';
import { FAILURE_MESSAGES, type VerifyFailure, verifySignedMessage } from '../../drp/signed-message';
import type { ServerDeps } from '../deps';
import { DrpError } from './drp-error';
import type { DrpSettings } from './settings';
import { agentOfToken } from './tokens';

/** The HTTP status of each failure: a signature or a party that does not match is 403; a body
 *  that is not a signed message at all, or whose validity window has passed, is 400. */
const FAILURE_STATUS: Record<VerifyFailure, number> = {
  NOT_BASE64: 400,
  NOT_JSON: 400,
  BAD_TIMESTAMP: 400,
  BAD_SIGNATURE: 403,
  WRONG_AGENT: 403,
  WRONG_BUSINESS: 403,
  ISSUED_IN_FUTURE: 403,
  EXPIRED: 403,
};

/** The agent id behind the Authorization header; 401 when there is no known token. */
export async function requireAgent(deps: ServerDeps, drp: DrpSettings, authorization: string | undefined): Promise<string> {
  const agentId = await agentOfToken(deps.db, authorization);
  if (!agentId) throw new DrpError(401, 'A Bearer token issued by POST /v1/agent/{agent-id} is required.');
  // An agent removed from the directory keeps no access through tokens issued before.
  if (!drp.agents.has(agentId)) throw new DrpError(403, 'The agent behind this token is not in the agent directory.');
  return agentId;
}

/** Verifies a signed body for the agent; returns its claims or throws the DRP error to answer. */
export function verifiedClaims(deps: ServerDeps, drp: DrpSettings, agentId: string, body: unknown, opts: { version: boolean }): Record<string, unknown> {
  if (typeof body !== 'string') throw new DrpError(400, 'The body must be the base64 signed message, sent as text/plain.');
  const agent = drp.agents.get(agentId)!;
  const result = verifySignedMessage(body, { key: agent.key, agentId, businessId: drp.businessId, now: deps.clock() });
  if (!result.ok) throw new DrpError(FAILURE_STATUS[result.failure], FAILURE_MESSAGES[result.failure], result.failure === 'EXPIRED' || result.failure === 'ISSUED_IN_FUTURE');
  if (holdsNul(result.claims)) throw new DrpError(400, 'Text may not contain the NUL character.');
  // The revoke body of §2.04 carries no drp.version; setup and exercise messages must.
  if (opts.version && result.claims['drp.version'] !== '1.0') throw new DrpError(400, 'drp.version must be "1.0".');
  return result.claims;
}
