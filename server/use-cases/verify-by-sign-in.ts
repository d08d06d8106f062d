// Verification by signing in to the controller's own account system: the ID token (already
// checked by openid-client: signature, issuer, audience, nonce, expiry) must carry the claim the
// profile names, and it must be the request's subject's: a verified e-mail equal to the
// request's, or (`sub`) the account id the request gave at intake. The claim is compared by its
// keyed hash and only hashes are kept: the account's `sub` as a keyed hash in the audit, the
// e-mail or account id not at all beyond the request's existing identity hashes. A refusal is
// audited and verifies nothing.
import { createHmac } from 'node:crypto';
import type { SignInClaim } from '../../config/controller-profile';
import { hashIdentity } from '../../crypto/identity-hash';
import { signStaffAssertion, staffAssertionKey } from '../../crypto/staff-assertion';
import { SIGN_IN_ROLE, signInActor, verifyBySignInUpdate } from '../../workflows/messages';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';
import { accountIdHashOf } from '../intake-identities';
import { updateRequest } from './request-update';
import { appendAudit, findRequestFields } from '../../db/records';

/** The ID token claims this step reads (openid-client's IDToken has them all). */
export interface SignInClaims {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
}

/** A keyed hash of the provider's account id: which account signed in, without naming it. */
export function accountHash(pepper: string, issuer: string, sub: string): string {
  return createHmac('sha256', pepper).update(`oidc-account\n${issuer}\n${sub}`).digest('hex');
}

/** Verifies the request when the signed-in account is its subject's; raises a 4xx (audited) otherwise. */
export async function verifyBySignIn(deps: ServerDeps, requestId: string, issuer: string, claims: SignInClaims, claim: SignInClaim = 'email'): Promise<void> {
  const row = await findRequestFields(deps.db, requestId, { accountIdHash: true, subject: { select: { emailHash: true } } });
  if (!row) throw notFound('The request');
  const account = accountHash(deps.identityPepper, issuer, claims.sub);
  const refuse = async (code: string, status: number, reason: string): Promise<never> => {
    await appendAudit(deps.db, { requestId, actor: 'subject', action: 'SIGN_IN_REFUSED', reason, details: { issuer, claim, accountHash: account, code } });
    throw new AppError(status, code, `Nothing was verified: ${reason}.`);
  };
  let claimHash: string;
  if (claim === 'sub') {
    // The request must have named its account for the comparison to mean anything.
    if (!row.accountIdHash) return refuse('SIGN_IN_NO_ACCOUNT_ID', 422, 'the request names no account id to compare the signed-in account with');
    claimHash = accountIdHashOf(deps.identityPepper, claims.sub);
    if (claimHash !== row.accountIdHash) return refuse('SIGN_IN_MISMATCH', 403, 'the account signed in to is not the one the request was made for');
  } else {
    if (typeof claims.email !== 'string' || claims.email_verified !== true) {
      return refuse('SIGN_IN_UNVERIFIED_EMAIL', 422, 'the account has no verified e-mail address');
    }
    claimHash = hashIdentity(deps.identityPepper, claims.email);
    if (claimHash !== row.subject.emailHash) return refuse('SIGN_IN_MISMATCH', 403, 'the account signed in to is not the one the request was made for');
  }
  const assertion = signStaffAssertion(
    staffAssertionKey(deps.identityPepper),
    { requestId, action: verifyBySignInUpdate.name, staffId: signInActor(claimHash), role: SIGN_IN_ROLE },
    deps.clock(),
  );
  await updateRequest(deps, requestId, verifyBySignInUpdate, { claimHash, claim, accountHash: account, issuer, assertion });
}
