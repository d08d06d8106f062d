// The access request's reply: build (or reuse) the encrypted package, then mail its secret
// link once. The secret is never stored: each attempt draws its own, and stores its hash
// only while it holds the mail's claim, right before sending. So a retry before the mail went
// out rotates the secret and mails a working link, one after it changes nothing, and an
// attempt overlapping another's send cannot break the link that one mails.
import { sendOnce } from '../mail/sent-log';
import { accessNothingHeldMail } from '../mail/templates/access-nothing-held';
import { accessReplyMail } from '../mail/templates/access-reply';
import { newLinkSecret } from '../access-package/link-secret';
import { preparePackage, type ReadyPackage } from './access-package';
import { utcMinute } from '../mail/templates/format';
import type { Rendered } from '../mail/templates/layout';
import type { Language } from '../domain/request-kinds';
import type { ActivityDeps } from './deps';
import type { StoreAccount } from '../domain/store-account';
import { subjectContact } from './subject-contact';

/** The download route a link secret opens; relative when no public address is configured. */
export function packageLink(publicUrl: string | undefined, requestId: string, secret: string): string {
  return `${publicUrl ?? ''}/api/requests/${requestId}/package?token=${secret}`;
}

/** What every package reply tells: the subject's language, the link, until when, what is in it. */
export interface PackageReplyFacts {
  requestId: string;
  language: Language;
  link: string;
  validUntil: string;
  contents: ReadyPackage['contents'];
}

/** Builds (or reuses) a package with `build` and mails its link once under `messageKey`, in the
 *  words `compose` gives: the access reply and the portability reply differ only in those two. */
export async function mailPackageLink(
  deps: ActivityDeps,
  requestId: string,
  messageKey: string,
  build: (email: string, tokenHash: string) => Promise<ReadyPackage>,
  compose: (facts: PackageReplyFacts) => Rendered,
): Promise<void> {
  // Sent already: nothing to build or mail (sendOnce would skip the mail, but not the build).
  if ((await deps.db.sentMail.findUnique({ where: { messageKey } }))?.state === 'SENT') return;
  const contact = await subjectContact(deps, requestId);
  const link = newLinkSecret();
  const ready = await build(contact.email, link.hash);
  const mail = compose({
    requestId,
    language: contact.language,
    link: packageLink(deps.publicUrl, requestId, link.secret),
    validUntil: utcMinute(ready.row.expiresAt),
    contents: ready.contents,
  });
  const storeHash = async () => {
    await deps.db.accessPackage.update({ where: { requestId }, data: { tokenHash: link.hash } });
  };
  await sendOnce(deps.db, deps.mailer, { to: contact.email, ...mail, messageKey }, { beforeSend: storeHash });
}

/** Builds the package from the stores fulfilled by the engine and mails its link, once. */
export async function sendAccessReply(deps: ActivityDeps, requestId: string, storeNames: string[], searched?: StoreAccount[]): Promise<void> {
  await mailPackageLink(
    deps,
    requestId,
    `${requestId}.access-reply`,
    (email, tokenHash) => preparePackage(deps, requestId, storeNames, email, tokenHash),
    (facts) => accessReplyMail({ ...facts, searched }),
  );
}

/** Mails, once, that no store holds anything about the subject; no package is built. Same
 *  message key as the package reply, so a request gets one access reply or the other. */
export async function sendNothingHeldReply(deps: ActivityDeps, requestId: string, searched: StoreAccount[]): Promise<void> {
  const contact = await subjectContact(deps, requestId);
  const mail = accessNothingHeldMail({ requestId, language: contact.language, searched });
  await sendOnce(deps.db, deps.mailer, { to: contact.email, ...mail, messageKey: `${requestId}.access-reply` });
}
