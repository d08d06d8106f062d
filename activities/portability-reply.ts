// The portability request's reply: the access-package machinery, restricted to the categories
// the data map marks as provided by the subject, with manifest.json and schema.json added, and
// its secret link mailed once (the same way as activities/access-reply.ts).
import { newLinkSecret } from '../access-package/link-secret';
import { portableEntries } from '../access-package/portable-manifest';
import { citerFor } from '../config/controller-profile';
import type { StoreAccount } from '../domain/store-account';
import { sendOnce } from '../mail/sent-log';
import { portabilityReplyMail } from '../mail/templates/portability-reply';
import { getRegime } from '../policy/regimes';
import { preparePackage } from './access-package';
import { packageLink } from './access-reply';
import type { ActivityDeps } from './deps';
import { profileAccess } from './profile-access';
import { subjectContact } from './subject-contact';

const utcMinute = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export async function sendPortabilityReply(deps: ActivityDeps, requestId: string, storeNames: string[], searched?: StoreAccount[]): Promise<void> {
  const messageKey = `${requestId}.portability-reply`;
  if ((await deps.db.sentMail.findUnique({ where: { messageKey } }))?.state === 'SENT') return;
  const row = await deps.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
  const cite = citerFor(await profileAccess(deps.db, deps.profile, deps.holidayDataDir).profileOf(row));
  const basis = cite(getRegime(row.regime).rights.portability.citation);
  const provided = deps.providedCategories ?? new Map<string, ReadonlySet<string>>();
  // Stores with nothing provided are left out altogether, not built and emptied.
  const stores = storeNames.filter((s) => (provided.get(s)?.size ?? 0) > 0);
  const contact = await subjectContact(deps, requestId);
  const link = newLinkSecret();
  const ready = await preparePackage(deps, requestId, stores, contact.email, link.hash, {
    only: (store, category) => provided.get(store)?.has(category) ?? false,
    extraEntries: (contents) => portableEntries({ requestId, createdAt: deps.clock(), basis }, contents),
  });
  const mail = portabilityReplyMail({ requestId, language: contact.language, link: packageLink(deps.publicUrl, requestId, link.secret), validUntil: utcMinute(ready.row.expiresAt), contents: ready.contents, searched, basis });
  const storeHash = async () => {
    await deps.db.accessPackage.update({ where: { requestId }, data: { tokenHash: link.hash } });
  };
  await sendOnce(deps.db, deps.mailer, { to: contact.email, ...mail, messageKey }, { beforeSend: storeHash });
}
