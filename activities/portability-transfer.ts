// Sends a portability package to the recipient the subject named (PIPL art 45 para 3: the
// transfer to another processor the subject designates), and records what came of it: the
// recipient's verified receipt, or why nothing was delivered. Whatever happens the request
// completes: the package stays the subject's to download, and the reply says plainly whether
// the recipient acknowledged it (activities/portability-reply.ts).
//
// Attempts: each run of the activity is one attempt with a call id of its own. A recipient that
// is down or answers 5xx gets SENDING back, and the workflow asks again after a wait
// (TRANSFER_RETRY_DELAYS); the last attempt records it as unreachable, so the request goes on.
// A refusal, a redirect or a receipt that fails its checks is final at once: asking again would
// not change it. The activity's own retry policy covers only the engine's troubles (database).
import { randomUUID } from 'node:crypto';
import { packageDigest, readPortablePackage } from '../access-package/portable-transfer';
import { newLinkSecret } from '../access-package/link-secret';
import { postToRecipient, type TransferAnswer } from '../access-package/recipient-client';
import { recipientSecret, registeredRecipient } from '../config/portability-recipients';
import { appendAudit, readRequest } from '../db/records';
import { TRANSFER_ATTEMPTS, type TransferRequest, type TransferResult, type TransferState } from '../domain/portability-transfer';
import type { PortabilityTransfer } from '../generated/prisma/client';
import { currentActivity } from '../stores/activity-context';
import { processorUrlProblem } from '../stores/webhook/url-policy';
import type { ActivityDeps } from './deps';
import { preparePortablePackage } from './portability-reply';
import { profileAccess } from './profile-access';
import { subjectContact } from './subject-contact';

/** One exchange with the recipient may take this long (the activity's own timeout is longer). */
const EXCHANGE_TIMEOUT_MS = 30_000;

const resultOf = (row: PortabilityTransfer): TransferResult => ({ state: row.state as TransferState, acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null });

export function portabilityTransferActivities(deps: ActivityDeps) {
  const { db } = deps;

  /** Records the final state with its audit event, once. */
  async function settle(t: TransferRequest, state: Exclude<TransferState, 'SENDING'>, facts: { problem?: string; receipt?: object; acknowledgedAt?: Date }): Promise<TransferResult> {
    const now = deps.clock();
    const row = await db.$transaction(async (tx) => {
      const data = { state, problem: facts.problem ?? null, receipt: facts.receipt, acknowledgedAt: facts.acknowledgedAt ?? null, settledAt: now };
      const saved = await tx.portabilityTransfer.upsert({ where: { requestId: t.requestId }, create: { requestId: t.requestId, recipientId: t.recipientId, ...data }, update: data });
      await appendAudit(tx, {
        requestId: t.requestId,
        actor: 'system',
        action: state === 'ACKNOWLEDGED' ? 'PORTABILITY_TRANSFER_ACKNOWLEDGED' : 'PORTABILITY_TRANSFER_FAILED',
        // Engine-made words only (HTTP status, a recipient's code of the protocol's shape): no personal data.
        ...(facts.problem && { reason: `the recipient ${facts.problem}` }),
        details: { recipientId: t.recipientId, state, attempts: saved.attempts, packageDigest: saved.packageDigest, acknowledgedAt: saved.acknowledgedAt?.toISOString() ?? null },
        eventKey: `${t.requestId}:portability-transfer`,
      });
      return saved;
    });
    return resultOf(row);
  }

  return {
    /** Sends the request's portability package to the registered recipient and records the receipt or the failure. */
    async sendPackageToRecipient(t: TransferRequest): Promise<TransferResult> {
      const earlier = await db.portabilityTransfer.findUnique({ where: { requestId: t.requestId } });
      if (earlier?.settledAt) return resultOf(earlier);

      const request = await readRequest(db, t.requestId);
      const recipient = registeredRecipient(await profileAccess(db, deps.profile, deps.holidayDataDir).profileOf(request), t.recipientId);
      if (!recipient) return settle(t, 'NOT_SENT', { problem: 'is not registered in the controller profile in force' });
      const secret = recipientSecret(recipient);
      if (!secret) return settle(t, 'NOT_SENT', { problem: `has no shared secret set (environment variable ${recipient.secretEnv})` });
      const urlProblem = processorUrlProblem(recipient.url, process.env);
      if (urlProblem) return settle(t, 'NOT_SENT', { problem: `URL ${urlProblem}` });

      // The package the reply will link to; the link's own secret is made and stored by the reply.
      const contact = await subjectContact(deps, t.requestId);
      const ready = await preparePortablePackage(deps, t.requestId, t.stores, contact.email, newLinkSecret().hash);
      const pkg = await readPortablePackage(deps.cipher, ready.row);
      const digest = packageDigest(pkg);
      const callId = randomUUID();
      await db.portabilityTransfer.upsert({
        where: { requestId: t.requestId },
        create: { requestId: t.requestId, recipientId: t.recipientId, state: 'SENDING', attempts: 1, lastCallId: callId, packageDigest: digest },
        update: { state: 'SENDING', attempts: { increment: 1 }, lastCallId: callId, packageDigest: digest },
      });

      const activity = currentActivity();
      const answer: TransferAnswer = await postToRecipient(
        { url: recipient.url, secret, recipientId: recipient.id, requestId: t.requestId, callId, packageDigest: digest, pkg, clock: deps.clock, timeoutMs: EXCHANGE_TIMEOUT_MS },
        activity?.cancellationSignal,
      );
      switch (answer.kind) {
        case 'ACKNOWLEDGED':
          return settle(t, 'ACKNOWLEDGED', { receipt: answer.receipt, acknowledgedAt: answer.receivedAt });
        case 'REFUSED':
        case 'RECEIPT_INVALID':
        case 'UNREACHABLE':
          return settle(t, answer.kind, { problem: answer.problem });
        case 'RETRY': {
          if (t.attempt >= TRANSFER_ATTEMPTS) return settle(t, 'UNREACHABLE', { problem: `${answer.problem}, ${TRANSFER_ATTEMPTS} times` });
          const waiting = await db.portabilityTransfer.update({ where: { requestId: t.requestId }, data: { problem: answer.problem } });
          return resultOf(waiting);
        }
      }
    },
  };
}
