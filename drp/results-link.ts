// The agent's results_url for a fulfilled access request (§3.02: fulfilled adds results_url and
// expires_at): the same download route as the consumer's mailed link, opened by a secret of
// the agent's own. It is an HMAC of the request id under the status-link key, so nothing more
// is stored, it cannot be made without the server key, and it opens the package only while
// the package is kept (expires_at, then 410 Gone, then the purge deletes the file).
import { createHmac, timingSafeEqual } from 'node:crypto';

// Distinct from the status token's MAC input, so neither secret can stand in for the other.
const LABEL = 'drp results link v1:';

/** The agent's secret for the request's package: 43 base64url characters, like a mailed secret. */
export function agentResultsSecret(key: Buffer, requestId: string): string {
  return createHmac('sha256', key).update(LABEL + requestId, 'utf8').digest('base64url');
}

/** Whether `presented` is the agent's secret for this request; compared in constant time. */
export function agentResultsSecretMatches(key: Buffer, requestId: string, presented: string): boolean {
  const expected = Buffer.from(agentResultsSecret(key, requestId));
  const actual = Buffer.from(presented);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The results_url: the package download route with the agent's secret. */
export function agentResultsUrl(publicUrl: string, key: Buffer, requestId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/requests/${requestId}/package?token=${agentResultsSecret(key, requestId)}`;
}
