// The portability request's reply: the access-package machinery, restricted to the categories
// the data map marks as provided by the subject, with manifest.json and schema.json added, and
// its secret link mailed once (the same way as activities/access-reply.ts). Where the subject
// named a registered recipient, the reply also says whether the recipient acknowledged it.
import { portableEntries } from '../access-package/portable-manifest';
import { citerFor, type ControllerProfile } from '../config/controller-profile';
import type { StoreAccount } from '../domain/store-account';
import { utcMinute } from '../mail/templates/format';
import { portabilityReplyMail, type TransferFacts } from '../mail/templates/portability-reply';
import { getRegime } from '../policy/regimes';
import { readRequest, type RequestRecord } from '../db/records';
import { preparePackage, type ReadyPackage } from './access-package';
import { registeredRecipient } from '../config/portability-recipients';
import { mailPackageLink } from './access-reply';
import type { ActivityDeps } from './deps';
import { profileAccess } from './profile-access';

/** The portability citation of the request's regime, in the words of its profile. */
const portabilityBasis = (profile: ControllerProfile, row: RequestRecord): string => citerFor(profile)(getRegime(row.regime).rights.portability.citation);

const profileOf = (deps: ActivityDeps, row: RequestRecord) => profileAccess(deps.db, deps.profile, deps.holidayDataDir).profileOf(row);

/** The request's portability package: only the categories the map marks provided, with
 *  manifest.json and schema.json; built once and reused (the transfer to a recipient builds it
 *  first, and the reply then mails the link to the same package). `basis` when the caller read it already. */
export async function preparePortablePackage(deps: ActivityDeps, requestId: string, storeNames: string[], email: string, tokenHash: string, basis?: string): Promise<ReadyPackage> {
  let citation = basis;
  if (citation === undefined) {
    const row = await readRequest(deps.db, requestId);
    citation = portabilityBasis(await profileOf(deps, row), row);
  }
  const provided = deps.providedCategories ?? new Map<string, ReadonlySet<string>>();
  // Stores with nothing provided are left out altogether, not built and emptied.
  const stores = storeNames.filter((s) => (provided.get(s)?.size ?? 0) > 0);
  return preparePackage(deps, requestId, stores, email, tokenHash, {
    only: (store, category) => provided.get(store)?.has(category) ?? false,
    extraEntries: (contents) => portableEntries({ requestId, createdAt: deps.clock(), basis: citation }, contents),
  });
}

export async function sendPortabilityReply(deps: ActivityDeps, requestId: string, storeNames: string[], searched?: StoreAccount[]): Promise<void> {
  const row = await readRequest(deps.db, requestId);
  const profile = await profileOf(deps, row);
  const basis = portabilityBasis(profile, row);
  const transfer = await transferFacts(deps, requestId, profile);
  await mailPackageLink(
    deps,
    requestId,
    `${requestId}.portability-reply`,
    (email, tokenHash) => preparePortablePackage(deps, requestId, storeNames, email, tokenHash, basis),
    (facts) => portabilityReplyMail({ ...facts, searched, basis, ...(transfer && { transfer }) }),
  );
}

/** What the reply says of the transfer the subject asked for: to whom, and whether and when it
 *  acknowledged; undefined when no recipient was named. */
async function transferFacts(deps: ActivityDeps, requestId: string, profile: ControllerProfile): Promise<TransferFacts | undefined> {
  const transfer = await deps.db.portabilityTransfer.findUnique({ where: { requestId } });
  if (!transfer) return undefined;
  const recipient = registeredRecipient(profile, transfer.recipientId);
  return {
    recipient: recipient?.name ?? { zh: transfer.recipientId, en: transfer.recipientId },
    // A transfer still SENDING when the reply goes (its activity failed for another reason) was not delivered either.
    state: transfer.state === 'SENDING' ? 'UNREACHABLE' : (transfer.state as TransferFacts['state']),
    acknowledgedAt: transfer.acknowledgedAt ? utcMinute(transfer.acknowledgedAt) : undefined,
  };
}
