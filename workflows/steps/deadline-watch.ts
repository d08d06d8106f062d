// Runs beside the procedure: reminds staff before the deadline, escalates a request at
// risk, and makes sure the subject hears from us before the deadline even when not
// everything is finished (a partial reply saying what is done and what remains).
import { condition } from '@temporalio/workflow';
import { acts } from '../acts';
import type { RequestRun } from '../request-run';

/** Watches the current deadline plan until the request closes; a new plan (clock start,
 *  extension) replaces the alerts still to come. */
export async function watchDeadline(run: RequestRun): Promise<void> {
  const fired = new Set<string>();
  while (!run.isClosed()) {
    const version = run.planVersion;
    const next = run.plan?.alerts.find((a) => !fired.has(`${a.kind}@${a.at}`));
    const wait = next ? Math.max(0, Date.parse(next.at) - Date.now()) : undefined;
    // With no alert left, wait only for a new plan or the close; the ten-year bound is a
    // sentinel, not a legal period (kept: removing the timer would change running histories).
    const changed = await condition(() => run.isClosed() || run.planVersion !== version, wait ?? '3650 days');
    if (changed || !next || run.isClosed()) continue;
    fired.add(`${next.kind}@${next.at}`);
    if (next.kind === 'deadline-reply') {
      if (run.status === 'AWAITING_VERIFICATION') continue;
      const stores = Object.entries(run.stores);
      await acts.notifySubject({
        requestId: run.requestId,
        seq: run.nextSeq(),
        notice: {
          kind: 'partial-reply',
          done: stores.filter(([, s]) => s.status !== 'PENDING' && s.status !== 'FAILED').map(([name]) => name),
          remaining: stores.filter(([, s]) => s.status === 'PENDING' || s.status === 'FAILED').map(([name, s]) => ({ store: name, reason: s.reason ?? 'still in progress' })),
        },
      });
    } else if (next.kind === 'reminder') {
      await acts.alertStaff({ requestId: run.requestId, seq: run.nextSeq(), alert: { kind: 'reminder' } });
    } else {
      await acts.alertStaff({ requestId: run.requestId, seq: run.nextSeq(), alert: { kind: 'escalation', reason: 'AT_RISK', store: null, note: null } });
    }
  }
}
