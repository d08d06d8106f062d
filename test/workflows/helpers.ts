// Small readers shared by the workflow tests: rows, audit actions, mail.
import type { Db } from '../../db/prisma';
import type { CaughtMail, MailCatcher } from '../../devtools/mail-catcher';
import type { WorkflowHandle } from '@temporalio/client';
import { approveErasureUpdate, statusQuery } from '../../workflows/messages';
import { codeIn, eventually } from '../support/http';

/** The request's row as the database has it now. */
export const requestRow = (db: Db, requestId: string) => db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });

/** The audit actions of a request, oldest first. */
export async function auditActions(db: Db, requestId: string): Promise<string[]> {
  const events = await db.auditEvent.findMany({ where: { requestId }, orderBy: { id: 'asc' } });
  return events.map((e) => e.action);
}

/** Waits for the verification mail sent to `email` and returns its code. */
export async function mailedCode(mail: MailCatcher, email: string): Promise<string> {
  return codeIn((await mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject))).text);
}

/** Waits for a mail to `to` whose subject matches. */
export function mailTo(mail: MailCatcher, to: string, subject: RegExp, timeoutMs = 30_000): Promise<CaughtMail> {
  return mail.waitFor((m) => m.to.includes(to) && subject.test(m.subject), timeoutMs);
}

/** The subject row id behind a request. */
export async function subjectIdOf(db: Db, requestId: string): Promise<string> {
  return (await requestRow(db, requestId)).subjectId;
}

/** Inserts `n` earlier, verified, completed requests for a subject before `before`, as history for fee rules. */
export async function seedEarlierRequests(db: Db, subjectId: string, n: number, type = 'ACCESS', before = new Date()): Promise<void> {
  const now = before.getTime();
  for (let i = 0; i < n; i++) {
    const id = crypto.randomUUID();
    await db.dsrRequest.create({
      data: {
        id,
        subjectId,
        type,
        regime: 'CN_PIPL',
        channel: 'PORTAL',
        status: 'COMPLETED',
        workflowId: `dsr-${id}`,
        receivedAt: new Date(now - (i + 1) * 86_400_000 * 10),
        verifiedAt: new Date(now - (i + 1) * 86_400_000 * 10),
        closedAt: new Date(now - (i + 1) * 86_400_000 * 9),
      },
    });
  }
}

/** What an update refused by its validator rejects with: the reason is the failure's cause. */
export const refusedWith = (message: RegExp) => ({ cause: { message: expect.stringMatching(message) } });

/** Four eyes: waits until the attested erasure awaits approval, then a second person (compliance) approves it. */
export async function approveErasure(handle: WorkflowHandle, staffId = 'officer-approver', reason = 'Evidence note checked by a second person'): Promise<void> {
  await eventually(async () => ((await handle.query(statusQuery)).status === 'AWAITING_APPROVAL' ? true : null), 60_000);
  await handle.executeUpdate(approveErasureUpdate, { args: [{ staffId, approve: true, reason }] });
}
