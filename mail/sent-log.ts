// Once-only delivery over the plain SMTP transport. Temporal retries an activity whenever an
// attempt fails or times out, also after its mail already went out; a row per message key,
// claimed before sending and marked after, turns such a retry into a no-op.
import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../db/prisma';
import type { Mailer, OutgoingMail } from './mailer';

/** How long a SENDING claim shields an attempt in flight. It outlasts the activity's
 *  start-to-close timeout (30 s) and the mailer's own timeouts, so a younger claim belongs
 *  to an attempt that may still deliver, and an older one to an attempt that died. */
export const SEND_LEASE_MS = 2 * 60_000;

export type SendOutcome = 'SENT' | 'ALREADY_SENT';

const LEADING_UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\./i;

/** Delivers the mail unless a mail with the same key was delivered before; an SMTP failure
 *  frees the key and throws a retryable failure, so the activity's retries deliver it later.
 *  `beforeSend` runs only for the attempt holding the claim, right before sending: where the
 *  mail carries a secret, that is the one moment its hash may be stored without breaking a
 *  link another attempt already mailed. */
export async function sendOnce(db: Db, mailer: Mailer, mail: OutgoingMail, opts: { beforeSend?: () => Promise<void> } = {}): Promise<SendOutcome> {
  const { messageKey } = mail;
  const claimedAt = await claim(db, messageKey);
  if (claimedAt === 'ALREADY_SENT') return 'ALREADY_SENT';
  try {
    await opts.beforeSend?.();
  } catch (err) {
    await db.sentMail.deleteMany({ where: { messageKey, state: 'SENDING', claimedAt } }).catch(() => undefined);
    throw err;
  }
  try {
    await mailer.send(mail);
  } catch (err) {
    // Only our own claim is freed: a slow attempt must not free a claim that another has
    // since taken over. If freeing fails too, the claim simply expires after the lease.
    await db.sentMail.deleteMany({ where: { messageKey, state: 'SENDING', claimedAt } }).catch(() => undefined);
    throw smtpFailure(err);
  }
  // The server has the mail now. An upsert rather than an update, so that it is recorded as
  // sent even if another attempt freed the key meanwhile. The write is retried for a while
  // (a database restart takes seconds): given up, the claim expires and a later retry sends
  // again, a duplicate, never a loss.
  const sentAt = new Date();
  await withRetries(() =>
    db.sentMail.upsert({
      where: { messageKey },
      create: { messageKey, requestId: requestIdOf(messageKey), state: 'SENT', claimedAt, sentAt },
      update: { state: 'SENT', sentAt },
    }),
  );
  return 'SENT';
}

/** Waits between attempts to record a delivery; together well inside the activities' 30-second limit. */
const MARK_SENT_BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000];

async function withRetries<T>(write: () => Promise<T>): Promise<T> {
  for (const pause of MARK_SENT_BACKOFF_MS) {
    try {
      return await write();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
  return write();
}

/** Claims the key for this attempt and returns the claim's time, or says it was sent already. */
async function claim(db: Db, messageKey: string): Promise<Date | 'ALREADY_SENT'> {
  // Wall time, not the activities' injectable clock: the lease measures how long a real SMTP
  // attempt can take.
  const now = new Date();
  const inserted = await db.sentMail.createMany({
    data: [{ messageKey, requestId: requestIdOf(messageKey), state: 'SENDING', claimedAt: now }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) return now;

  // A SENDING claim older than the lease was left by an attempt that died between claiming
  // and marking (a worker crash, or the database lost just after the server took the mail).
  // Whether that attempt delivered cannot be asked of the SMTP server, so the mail is sent
  // again, accepting a rare duplicate: for a legal reply, at-least-once is the right side,
  // since a lost reply misses a deadline the law sets. The update is conditional, so of two
  // attempts taking over the same stale claim only one wins.
  const takenOver = await db.sentMail.updateMany({
    where: { messageKey, state: 'SENDING', claimedAt: { lt: new Date(now.getTime() - SEND_LEASE_MS) } },
    data: { claimedAt: now },
  });
  if (takenOver.count === 1) return now;

  const row = await db.sentMail.findUnique({ where: { messageKey } });
  if (row?.state === 'SENT') return 'ALREADY_SENT';
  // Another attempt holds a fresh claim (or has just freed it after an SMTP failure). Sending
  // now could duplicate its mail; retrying later either finds it SENT or finds the key free.
  throw ApplicationFailure.retryable(`Mail ${messageKey} is claimed by another attempt; retry later.`, 'MailSendInProgress');
}

// Every message key starts with the id of the request it is about (see OutgoingMail).
function requestIdOf(messageKey: string): string | null {
  return LEADING_UUID.exec(messageKey)?.[1] ?? null;
}

// Nodemailer's messages can quote the recipient's address (a rejected RCPT TO, an invalid
// recipient), and a failure's message lands unencrypted in the workflow history and the
// worker's log; so only the error code, the SMTP reply code and the command travel on.
function smtpFailure(err: unknown): ApplicationFailure {
  const { code, originalCode, responseCode, command } = (err ?? {}) as Record<string, unknown>;
  const facts = [code, originalCode, responseCode, command].filter((f) => typeof f === 'string' || typeof f === 'number');
  const detail = facts.length > 0 ? ` (${facts.join(' ')})` : '';
  return ApplicationFailure.retryable(`SMTP send failed${detail}; the mail is retried and is not lost.`, 'MailSendFailed');
}
