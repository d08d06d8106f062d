// The audit of outcomes after a drill: gathers, for every request, what the database,
// Temporal and the mail catcher say, and counts what came through and what did not.
import { MAIL_DOMAIN, type DrillStack } from './stack';
import { repeatedEvents, requestProblems, type RequestFacts } from './audit-checks';
import { replyKeyOf, type DrillRequest } from './requests';

export interface DrillAudit {
  requests: number;
  /** Closed in the database and completed in Temporal. */
  finished: number;
  /** Requests whose closing reply arrived (at least once). */
  replies: number;
  /** Extra copies of any mail about the drill's requests. */
  duplicates: number;
  /** Requests whose closing reply never arrived. */
  missing: number;
  /** Requests with at least one problem, and the first problems, by request id. */
  failedRequests: number;
  problems: string[];
  /** Not failures: audit events written twice for one step, by kind. */
  notes: string[];
}

const SHOWN_PROBLEMS = 20;
const messageIdOf = (key: string) => `<${key}@${MAIL_DOMAIN}>`;

const RESULT_WAIT_MS = 30_000;

/** What Temporal says of one workflow: its execution status and its own final status. A
 *  workflow closes a moment after its database row, so its result is awaited a little. */
async function temporalFacts(stack: DrillStack, workflowId: string): Promise<{ temporalStatus: string; workflowStatus: string | null }> {
  const handle = stack.client.workflow.getHandle(workflowId);
  try {
    // Aborted when given up, so no poll for the result outlives the drill's connection.
    const giveUp = new AbortController();
    const timer = setTimeout(() => giveUp.abort(), RESULT_WAIT_MS);
    const result = (await stack.client.withAbortSignal(giveUp.signal, () => handle.result()).catch(() => null)) as { status: string } | null;
    clearTimeout(timer);
    const { status } = await handle.describe();
    return { temporalStatus: status.name, workflowStatus: result?.status ?? null };
  } catch (err) {
    return { temporalStatus: `UNKNOWN (${(err as Error).name})`, workflowStatus: null };
  }
}

async function gatherFacts(stack: DrillStack, r: DrillRequest, mailCount: Map<string, number>): Promise<RequestFacts> {
  const { db } = stack;
  const [row, events, tasks, sentMail, accounts, logs, temporal] = await Promise.all([
    db.dsrRequest.findUnique({ where: { id: r.requestId }, select: { status: true, closedAt: true, outcome: true } }),
    db.auditEvent.findMany({ where: { requestId: r.requestId }, select: { id: true, action: true, reason: true, details: true, eventKey: true }, orderBy: { id: 'asc' } }),
    db.storeTask.findMany({ where: { requestId: r.requestId }, select: { store: true, status: true, settledBy: true } }),
    db.sentMail.findMany({ where: { requestId: r.requestId }, select: { messageKey: true, state: true } }),
    db.customerAccount.count({ where: { email: r.email } }),
    db.serviceLog.count({ where: { email: r.email } }),
    temporalFacts(stack, r.workflowId),
  ]);
  return {
    dbStatus: row?.status ?? null,
    closedAt: row?.closedAt ?? null,
    outcome: row?.outcome ?? null,
    events,
    tasks,
    sentMail,
    replies: mailCount.get(messageIdOf(replyKeyOf(r))) ?? 0,
    recordsLeft: accounts + logs,
    ...temporal,
  };
}

/** Audits every request of the drill; never throws for a request that went wrong, only counts it. */
export async function auditDrill(stack: DrillStack, requests: DrillRequest[]): Promise<DrillAudit> {
  const mailCount = new Map<string, number>();
  for (const m of stack.mail.messages()) mailCount.set(m.messageId, (mailCount.get(m.messageId) ?? 0) + 1);
  const ids = new Set(requests.map((r) => r.requestId));
  const duplicates = [...mailCount].filter(([id]) => ids.has(id.slice(1, 37))).reduce((sum, [, n]) => sum + n - 1, 0);

  const audit: DrillAudit = { requests: requests.length, finished: 0, replies: 0, duplicates, missing: 0, failedRequests: 0, problems: [], notes: [] };
  const repeated = new Map<string, number>();
  // A few at a time: each request costs seven queries and two Temporal calls.
  for (let i = 0; i < requests.length; i += 10) {
    const batch = requests.slice(i, i + 10);
    const facts = await Promise.all(batch.map((r) => gatherFacts(stack, r, mailCount)));
    batch.forEach((r, j) => {
      const f = facts[j]!;
      if (f.dbStatus === 'COMPLETED' && f.temporalStatus === 'COMPLETED') audit.finished += 1;
      if (f.replies > 0) audit.replies += 1;
      else audit.missing += 1;
      const problems = requestProblems(r, f);
      if (problems.length > 0) audit.failedRequests += 1;
      for (const p of problems) if (audit.problems.length < SHOWN_PROBLEMS) audit.problems.push(`${r.requestId}: ${p}`);
      for (const action of repeatedEvents(f)) repeated.set(action, (repeated.get(action) ?? 0) + 1);
    });
  }
  audit.notes = [...repeated].map(([what, n]) => `${n} request(s) have the same ${what} audit event twice (retried without an event key)`);
  return audit;
}

/** A drill passes when every request finished with exactly one reply and nothing is wrong. */
export function verdictOf(a: DrillAudit): 'PASS' | 'FAIL' {
  return a.finished === a.requests && a.replies === a.requests && a.duplicates === 0 && a.missing === 0 && a.failedRequests === 0 ? 'PASS' : 'FAIL';
}
