// Step 1: identity is strictly validated before any action (the seed policy). The subject's
// code, staff's attestation, a resend and a superseding claim are this step's messages.
import { patched, setHandler } from '@temporalio/workflow';
import type { AttestationCheck } from '../../activities/open-request';
import { acts } from '../acts';
import { attestedEventKey, attestIdentityUpdate, type DsrWorkflowInput, OPEN_ATTESTED, resendCodeUpdate, SIGN_IN_ROLE, signInActor, supersededSignal, verifyBySignInUpdate, verifyIdentityUpdate } from '../messages';
import { reject, requireFree, requireStatus, requireText } from '../refusals';
import type { RequestRun } from '../request-run';
import { proveStaff, STAFF_ASSERTION_PATCH } from '../staff-proof';

/** Resending is limited so a mailbox cannot be flooded through the portal. */
const MAX_CODE_SENDS = 5;
const RESEND_COOLDOWN_MS = 60_000;

const IDENTITY_BUSY = 'Identity is being confirmed by another call right now; reload the request to see the outcome.';

function requireUnverified(run: RequestRun): void {
  if (run.verified) reject('ALREADY_DONE', 'Identity is already verified.');
  requireStatus(run, 'AWAITING_VERIFICATION');
}

/** Registers the messages that the identity wait below listens for. */
export function installIdentityHandlers(run: RequestRun): void {
  const { requestId } = run;
  setHandler(
    verifyIdentityUpdate,
    ({ code }) =>
      run.exclusively('identity', async () => {
        const check = await acts.checkVerificationCode({ requestId, code });
        if (check.outcome === 'VERIFIED') run.verify();
        return { ...check, status: run.status };
      }),
    {
      validator: ({ code }) => {
        requireUnverified(run);
        requireFree(run, 'identity', IDENTITY_BUSY);
        if (typeof code !== 'string' || !/^\d{6}(\d{2})?$/.test(code)) reject('INVALID_INPUT', 'The code must be the digits from the e-mail.');
      },
    },
  );

  setHandler(
    resendCodeUpdate,
    async () => {
      run.codeSent();
      await acts.sendVerificationCode({ requestId });
      return run.snapshot();
    },
    {
      validator: () => {
        requireUnverified(run);
        if (run.codeSends >= MAX_CODE_SENDS) reject('RATE_LIMITED', 'No more codes can be sent for this request.');
        if (Date.now() - run.lastCodeSentAt < RESEND_COOLDOWN_MS) reject('RATE_LIMITED', 'Please wait a minute before asking for another code.');
      },
    },
  );

  setHandler(
    attestIdentityUpdate,
    ({ staffId, evidenceNote, assertion }) =>
      run.exclusively('identity', async () => {
        await proveStaff(run, attestIdentityUpdate.name, staffId, assertion);
        await run.audit(`staff:${staffId}`, 'IDENTITY_ATTESTED', evidenceNote);
        run.verify(staffId);
        return run.snapshot();
      }),
    {
      validator: ({ evidenceNote }) => {
        requireUnverified(run);
        requireFree(run, 'identity', IDENTITY_BUSY);
        requireText(evidenceNote, 'An evidence note');
      },
    },
  );

  // Signing in to the controller's own account system verifies at once: the API checked the
  // ID token and signed the claim's hash for this request; the workflow checks that signature
  // and that the hash is the subject's before anything changes.
  setHandler(
    verifyBySignInUpdate,
    ({ claimHash, claim, accountHash, issuer, assertion }) =>
      run.exclusively('identity', async () => {
        const role = await proveStaff(run, verifyBySignInUpdate.name, signInActor(claimHash), assertion);
        if (role !== SIGN_IN_ROLE) reject('FORBIDDEN', 'The sign-in proof is not the API\'s.');
        await run.audit('subject', 'IDENTITY_VERIFIED_BY_SIGN_IN', 'signed in to the controller\'s account system (OpenID Connect)', { issuer, claim: claim ?? 'email', accountHash });
        run.verify();
        return run.snapshot();
      }),
    {
      // A validator runs on no replay and adds no command: comparing with the account id's hash
      // when the proof says `sub` needs no patch, and older proofs (no claim) compare as before.
      validator: ({ claimHash, claim }) => {
        requireUnverified(run);
        requireFree(run, 'identity', IDENTITY_BUSY);
        const expected = claim === 'sub' ? run.input.subject.accountIdHash : run.input.subject.emailHash;
        if (expected === undefined || claimHash !== expected) reject('FORBIDDEN', 'The account signed in to is not the one this request was made for.');
      },
    },
  );

  // Only a waiting, unverified request listens; the claim is checked before anything closes.
  setHandler(supersededSignal, ({ byRequestId }) => {
    if (!run.verified && run.status === 'AWAITING_VERIFICATION' && typeof byRequestId === 'string') run.claimSuperseded(byRequestId);
  });
}

/** An attestation in the start input counts only with the API's assertion (a start sent
 *  straight to Temporal cannot claim one); without it the subject is asked for the mailed code.
 *  `checked` is the opening's check of it (runs taking the folded steps), else it is checked here. */
async function attestationProven(run: RequestRun, attestation: NonNullable<DsrWorkflowInput['attestation']>, checked?: AttestationCheck): Promise<boolean> {
  if (checked) {
    if (checked.proven) run.attestedAs(checked.role);
    return checked.proven;
  }
  try {
    // The signed role says whose attestation it is: a member of staff's, or an authorized agent's.
    run.attestedAs(await proveStaff(run, OPEN_ATTESTED, attestation.staffId, attestation.assertion));
    return true;
  } catch (err) {
    if (!patched(STAFF_ASSERTION_PATCH)) throw err;
    return false;
  }
}

/** A guardian's request, or compliance's own-motion deletion of a child's data, stands only on a
 *  proven staff attestation (domain/minor.ts): without one it is refused, never sent a code. */
export function staffWordRequired(run: RequestRun): boolean {
  const filedBy = run.input.minor?.filedBy;
  return filedBy === 'GUARDIAN' || filedBy === 'COMPLIANCE';
}

/** Versions the CCPA opt-out without verification: runs from before it asked every subject for a code. */
export const OPT_OUT_UNVERIFIED_PATCH = 'ccpa-opt-out-unverified';

/** Establishes identity by agent attestation or the mailed code; false when the window
 *  closed without it. Silence is treated as a failure to verify: nothing may be disclosed
 *  or erased for an identity that was never confirmed. Where the law forbids requiring
 *  verification (`notRequired`: a CCPA opt-out of sale or sharing, which discloses and erases
 *  nothing), no code is asked for: the request goes on, audited with the citation. */
export async function establishIdentity(run: RequestRun, windowMs: number, notRequired?: { citation: string }, checked?: AttestationCheck): Promise<boolean> {
  const { attestation } = run.input;
  if (attestation && (await attestationProven(run, attestation, checked))) {
    // The opening recorded the attestation with its check, where it made it.
    if (!checked) await acts.recordDecision({ requestId: run.requestId, actor: `staff:${attestation.staffId}`, action: 'IDENTITY_ATTESTED', reason: attestation.evidenceNote, eventKey: attestedEventKey(run.requestId) });
    run.verify(attestation.staffId);
    return true;
  }
  if (notRequired && patched(OPT_OUT_UNVERIFIED_PATCH)) {
    await acts.recordDecision({
      requestId: run.requestId,
      actor: 'system',
      action: 'VERIFICATION_NOT_REQUIRED',
      reason: 'verification not required: an opt-out of sale or sharing',
      details: { citation: notRequired.citation },
      eventKey: `${run.requestId}:verification-not-required`,
    });
    // Settles the identity step: no code may be sent or typed for this request any more.
    run.verify();
    return true;
  }
  // Versioned, though only runs with a minor's flag (none before it existed) reach the call.
  if (staffWordRequired(run) && patched('minor-guardian-attested')) return false;
  await run.moveTo('AWAITING_VERIFICATION', 'system', 'identity must be verified before any action');
  run.codeSent();
  await acts.sendVerificationCode({ requestId: run.requestId });
  // The wait also wakes when a verified request of the same subject and kind claims to
  // supersede this one: confirmed, the request closes (false with supersededBy set); otherwise
  // the claim is forgotten and the wait goes on to the same end (the first wait's timer is
  // the one runs recorded before superseding have).
  const until = Date.now() + windowMs;
  for (;;) {
    const woken = await run.waitFor(() => run.verified || run.supersededBy !== null, until - Date.now());
    if (run.verified || !woken) {
      run.forgetSupersession();
      return run.verified;
    }
    if (await acts.confirmSupersession({ requestId: run.requestId, byRequestId: run.supersededBy! })) return false;
    run.forgetSupersession();
    if (Date.now() >= until) return false;
  }
}
