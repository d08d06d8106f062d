// The portability request's reply: the access-package machinery, restricted to the categories
// the data map marks as provided by the subject, with manifest.json and schema.json added, and
// its secret link mailed once (the same way as activities/access-reply.ts). Where the subject
// named a registered recipient, the reply also says whether the recipient acknowledged it.
import { newLinkSecret } from '../access-package/link-secret';
import { portableEntries } from '../access-package/portable-manifest';
import { citerFor } from '../config/controller-profile';
import type { StoreAccount } from '../domain/store-account';
import { sendOnce } from '../mail/sent-log';
import { portabilityReplyMail, type TransferFacts } from '../mail/templates/portability-reply';
import { getRegime } from '../policy/regimes';
import { readRequest } from '../db/records';
import { preparePackage, type ReadyPackage } from './access-package';
import { registeredRecipient } from '../config/portability-recipients';
import { packageLink } from './access-reply';
import type { ActivityDeps } from './deps';
import { profileAccess } from './profile-access';
import { subjectContact } from './subject-contact';

const utcMinute = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The request's portability package: only the categories the map marks provided, with
 *  manifest.json and schema.json; built once and reused (the transfer to a recipient builds it
 *  first, and the reply then mails the link to the same package). */
export async function preparePortablePackage(deps: ActivityDeps, requestId: string, storeNames: string[], email: string, tokenHash: string): Promise<ReadyPackage> {
  const row = await readRequest(deps.db, requestId);
  const cite = citerFor(await profileAccess(deps.db, deps.profile, deps.holidayDataDir).profileOf(row));
  const basis = cite(getRegime(row.regime).rights.portability.citation);
  const provided = deps.providedCategories ?? new Map<string, ReadonlySet<string>>();
  // Stores with nothing provided are left out altogether, not built and emptied.
  const stores = storeNames.filter((s) => (provided.get(s)?.size ?? 0) > 0);
  return preparePackage(deps, requestId, stores, email, tokenHash, {
    only: (store, category) => provided.get(store)?.has(category) ?? false,
    extraEntries: (contents) => portableEntries({ requestId, createdAt: deps.clock(), basis }, contents),
  });
}

export async function sendPortabilityReply(deps: ActivityDeps, requestId: string, storeNames: string[], searched?: StoreAccount[]): Promise<void> {
  const messageKey = `${requestId}.portability-reply`;
  if ((await deps.db.sentMail.findUnique({ where: { messageKey } }))?.state === 'SENT') return;
  const row = await readRequest(deps.db, requestId);
  const cite = citerFor(await profileAccess(deps.db, deps.profile, deps.holidayDataDir).profileOf(row));
  const basis = cite(getRegime(row.regime).rights.portability.citation);
  const contact = await subjectContact(deps, requestId);
  const link = newLinkSecret();
  const ready = await preparePortablePackage(deps, requestId, storeNames, contact.email, link.hash);
  const transfer = await transferFacts(deps, requestId);
  const mail = portabilityReplyMail({
    requestId,
    language: contact.language,
    link: packageLink(deps.publicUrl, requestId, link.secret),
    validUntil: utcMinute(ready.row.expiresAt),
    contents: ready.contents,
    searched,
    basis,
    ...(transfer && { transfer }),
  });
  const storeHash = async () => {
    await deps.db.accessPackage.update({ where: { requestId }, data: { tokenHash: link.hash } });
  };
  await sendOnce(deps.db, deps.mailer, { to: contact.email, ...mail, messageKey }, { beforeSend: storeHash });
}

/** What the reply says of the transfer the subject asked for: to whom, and whether and when it
 *  acknowledged; undefined when no recipient was named. */
async function transferFacts(deps: ActivityDeps, requestId: string): Promise<TransferFacts | undefined> {
  const transfer = await deps.db.portabilityTransfer.findUnique({ where: { requestId } });
  if (!transfer) return undefined;
  const row = await readRequest(deps.db, requestId);
  const recipient = registeredRecipient(await profileAccess(deps.db, deps.profile, deps.holidayDataDir).profileOf(row), transfer.recipientId);
  return {
    recipient: recipient?.name ?? { zh: transfer.recipientId, en: transfer.recipientId },
    // A transfer still SENDING when the reply goes (its activity failed for another reason) was not delivered either.
    state: transfer.state === 'SENDING' ? 'UNREACHABLE' : (transfer.state as TransferFacts['state']),
    acknowledgedAt: transfer.acknowledgedAt ? utcMinute(transfer.acknowledgedAt) : undefined,
  };
}
