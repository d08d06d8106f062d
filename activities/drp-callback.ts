// DRP 1.0 §2.03: posts a request's Exercise Status to the status_callback its agent gave.
// The body is the status object alone (ids, dates, state): never personal data.
import { ApplicationFailure } from '@temporalio/activity';
import { engineFacts } from '../drp/engine-facts';
import { exerciseStatus } from '../drp/exercise-status';
import type { ActivityDeps } from './deps';

const CALLBACK_TIMEOUT_MS = 10_000;

export function drpCallbackActivities({ db, clock, publicUrl, statusLinkKey }: ActivityDeps) {
  return {
    /** Posts the current status unless the agent already has it; a non-2xx answer is retried. */
    async postDrpStatusCallback({ requestId }: { requestId: string }): Promise<void> {
      const drp = await db.drpRequest.findUnique({ where: { id: requestId } });
      if (!drp?.statusCallback) return;
      const engine = await engineFacts(db, requestId);
      const body = exerciseStatus(drp, engine, { publicUrl, key: statusLinkKey, now: clock() });
      // An extension moves expected_by without a change of state (§3.08): that is news too.
      const state = `${body.status}/${body.reason ?? ''}/${body.expected_by ?? ''}`;
      // Two changes in a row can map to one DRP state (e.g. open -> in_progress twice): the agent hears it once.
      if (drp.lastNotified === state) return;
      let status: number;
      try {
        const res = await fetch(drp.statusCallback, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          redirect: 'manual',
          signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
        });
        status = res.status;
        await res.body?.cancel();
      } catch (e) {
        throw ApplicationFailure.retryable(`The agent's status callback could not be reached (${(e as Error).name}).`, 'DrpCallbackUnreachable');
      }
      // §2.03.1: the answer's body is discarded; only a 2xx counts as delivered.
      if (status < 200 || status >= 300) throw ApplicationFailure.retryable(`The agent's status callback answered ${status}.`, 'DrpCallbackRefused');
      await db.drpRequest.update({ where: { id: requestId }, data: { lastNotified: state } });
    },
  };
}
