// Runs beside the procedure: reminds staff before the deadline, escalates a request at
// risk, and makes sure the subject hears from us before the deadline even when not
// everything is finished (a partial reply saying what is done and what remains). Staff's
// extension of the deadline is this watch's message: it installs the plan the watch follows.
import { condition, patched, setHandler } from '@temporalio/workflow';
import { acts } from '../acts';
import { type DeadlinePlan, extendDeadlineUpdate } from '../messages';
import { reject, requireFree, requireText } from '../refusals';
import type { RequestRun } from '../request-run';
import { proveStaff } from '../staff-proof';
import { DRP_EXTENSION_CALLBACK_PATCH, startDrpStatusCallback } from '../drp-callback';

/** Registers the extension update, whose new plan wakes the watch below. */
export function installDeadlineHandlers(run: RequestRun): void {
  const { requestId } = run;
  setHandler(
    extendDeadlineUpdate,
    ({ staffId, reason, assertion }) =>
      run.exclusively('extend', async () => {
        await proveStaff(run, extendDeadlineUpdate.name, staffId, assertion);
        const originalDueDate = run.plan!.dueDate;
        // The extension is reserved before the first await and given back if it fails, and
        // its notice is keyed by it: a raced or retried call can neither take nor mail it twice.
        const taken = run.takeExtension();
        let plan: DeadlinePlan;
        try {
          plan = await acts.extendDeadline({ requestId, staffId, reason, extensionsSoFar: taken });
        } catch (err) {
          run.giveBackExtension(taken);
          throw err;
        }
        run.setPlan(plan);
        await acts.notifySubject({ requestId, seq: taken + 1, notice: { kind: 'extension-notice', originalDueDate, newDueDate: plan.dueDate, reason, citation: plan.basis } });
        // §3.08: the agent hears the new expected_by (versioned: extensions recorded before posted nothing).
        if (run.input.drpStatusCallback && patched(DRP_EXTENSION_CALLBACK_PATCH)) await startDrpStatusCallback(requestId, `x${taken + 1}`);
        return run.snapshot();
      }),
    {
      validator: ({ reason }) => {
        requireText(reason, 'The reasons for the extension');
        if (run.isClosed()) reject('WRONG_STATE', 'The request is closed.');
        requireFree(run, 'extend', 'Another extension of this request is being recorded right now; reload the request to see it before asking again.');
        requireFree(run, 'plan', 'The deadline is being recomputed right now; try again in a moment.');
        if (!run.plan || run.plan.extensionsLeft <= 0) reject('NOT_ALLOWED', 'This regime allows no (further) extension.');
        if (run.plan.extendBy && Date.now() > Date.parse(run.plan.extendBy)) reject('NOT_ALLOWED', 'An extension must be notified within the original period, which has passed.');
      },
    },
  );
}

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
