// The request workflow: one access, correction or deletion request from intake to a
// lawful reply. Deterministic code only; every side effect is an activity.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { RequestStatus } from '../domain/status';
import { defaultActivity } from './activity-options';
import {
  type DsrStatus,
  type DsrWorkflowInput,
  statusQuery,
  verifyIdentityUpdate,
} from './messages';

const acts = proxyActivities<ReturnType<typeof createActivities>>(defaultActivity);

export async function dsrRequestWorkflow(input: DsrWorkflowInput): Promise<DsrStatus> {
  const { requestId } = input;
  let status: RequestStatus = 'RECEIVED';
  let verified = false;
  let transitions = 0;

  const snapshot = (): DsrStatus => ({
    requestId,
    status,
    type: input.type,
    regime: input.regime,
    awaiting: status === 'AWAITING_VERIFICATION' ? 'SUBJECT_VERIFICATION' : null,
  });

  /** Moves to a new status, mirrored to the database with an audit event. */
  async function moveTo(to: RequestStatus, actor: string, reason: string): Promise<void> {
    const from = status;
    transitions += 1;
    await acts.recordTransition({ requestId, from, to, actor, reason, eventKey: `${requestId}:t${transitions}` });
    status = to;
  }

  setHandler(statusQuery, snapshot);
  setHandler(
    verifyIdentityUpdate,
    async ({ code }) => {
      const check = await acts.checkVerificationCode({ requestId, code });
      if (check.outcome === 'VERIFIED' && !verified) {
        verified = true;
        await moveTo('IN_FULFILMENT', 'subject', 'identity verified by e-mail code');
      }
      return { ...check, status };
    },
    {
      validator: ({ code }) => {
        if (status !== 'AWAITING_VERIFICATION') throw new Error(`This request is not waiting for identity verification (status ${status}).`);
        if (typeof code !== 'string' || !/^\d{6}$/.test(code)) throw new Error('The code must be the six digits from the e-mail.');
      },
    },
  );

  await acts.registerRequest(input);
  await moveTo('AWAITING_VERIFICATION', 'system', 'identity must be verified before any action');
  await acts.sendVerificationCode({ requestId });

  // Treat silence until the window closes as a failure to verify: nothing may be
  // disclosed or erased for an identity that was never confirmed.
  if (!(await condition(() => verified, input.verificationWindowMs))) {
    await acts.sendUnverifiableNotice({ requestId });
    await moveTo('UNVERIFIABLE', 'system', 'identity not verified within the window');
    return snapshot();
  }

  const collected = await acts.collectAccessData({ requestId });
  await acts.sendAccessReply({ requestId, collected });
  await moveTo('COMPLETED', 'system', 'access reply sent');
  return snapshot();
}
