// Opening an access package through its mailed link. A wrong secret and an unknown request
// get the same 404, so neither can be probed; the right secret after the link's term, or
// after the purge, gets 410. Every download is counted and audited (no personal data). A
// request filed by a DRP agent also opens with the agent's results_url secret (drp/results-link.ts).
import type { Readable } from 'node:stream';
import { linkSecretMatches } from '../../access-package/link-secret';
import { statusTokenKey } from '../../crypto/status-token';
import { agentResultsSecretMatches } from '../../drp/results-link';
import { openPackageKey } from '../../access-package/package-key';
import { openPackageStream } from '../../access-package/read-package';
import { appendAudit } from '../../db/records';
import { AppError } from '../app-error';
import type { ServerDeps } from '../deps';

export interface OpenedPackage {
  zip: Readable;
  sizeBytes: number;
  fileName: string;
}

const notFound = () => new AppError(404, 'NOT_FOUND', 'No download answers this link: use the link exactly as it was mailed to you.');
const gone = () =>
  new AppError(410, 'PACKAGE_EXPIRED', 'This download link has expired and the copy of your data was deleted. You may make a new access request.');

/** The DRP agent whose results_url (drp/results-link.ts) `secret` is, as an audit actor; null
 *  when the request was not filed by an agent or the secret is not its. */
async function agentOpening(deps: ServerDeps, requestId: string, secret: string): Promise<string | null> {
  const drp = await deps.db.drpRequest.findUnique({ where: { id: requestId }, select: { agentId: true, started: true } });
  if (!drp?.started || !agentResultsSecretMatches(statusTokenKey(deps.identityPepper), requestId, secret)) return null;
  return `drp-agent:${drp.agentId}`;
}

/** The decrypted zip of the request's package, if `secret` opens it and it is still kept. */
export async function openAccessPackage(deps: ServerDeps, requestId: string, secret: string): Promise<OpenedPackage> {
  const pkg = await deps.db.accessPackage.findUnique({ where: { requestId } });
  if (!pkg) throw notFound();
  const actor = linkSecretMatches(secret, pkg.tokenHash) ? 'subject' : await agentOpening(deps, requestId, secret);
  if (!actor) throw notFound();
  const now = deps.clock();
  if (pkg.purgedAt || !pkg.dataKeySealed || pkg.expiresAt <= now) throw gone();
  const zip = await openPackageStream(pkg.path, openPackageKey(deps.cipher, pkg.dataKeySealed));
  if (!zip) throw gone();
  await deps.db.$transaction(async (tx) => {
    const { downloads } = await tx.accessPackage.update({ where: { id: pkg.id }, data: { downloads: { increment: 1 }, downloadedAt: now } });
    await appendAudit(tx, {
      requestId,
      actor,
      action: 'ACCESS_PACKAGE_DOWNLOADED',
      details: { packageId: pkg.id, download: downloads },
      eventKey: `${requestId}:access-package-download:${pkg.id}:${downloads}`,
    });
  });
  return { zip, sizeBytes: Number(pkg.sizeBytes), fileName: `personal-data-${requestId}.zip` };
}
