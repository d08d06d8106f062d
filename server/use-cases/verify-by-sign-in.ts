// Verification by signing in to the controller's own account system: the ID token (already
// checked by openid-client: signature, issuer, audience, nonce, expiry) must carry a verified
// e-mail that is the request's subject's. The claim is compared by its keyed hash and only
// hashes are kept: the account's `sub` as a keyed hash in the audit, the e-mail not at all
// beyond the subject's existing identity hash. A refusal is audited and verifies nothing.
import { createHmac } from 'node:crypto';
import { hashIdentity } from '../../crypto/identity-hash';
import { signStaffAssertion, staffAssertionKey } from '../../crypto/staff-assertion';
import { SIGN_IN_ROLE, signInActor, verifyBySignInUpdate } from '../../workflows/messages';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';
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
export async function verifyBySignIn(deps: ServerDeps, requestId: string, issuer: string, claims: SignInClaims): Promise<void> {
  const row = await findRequestFields(deps.db, requestId, { subject: { select: { emailHash: true } } });
  if (!row) throw notFound('The request');
  const account = accountHash(deps.identityPepper, issuer, claims.sub);
  const refuse = async (code: string, status: number, reason: string): Promise<never> => {
    await appendAudit(deps.db, { requestId, actor: 'subject', action: 'SIGN_IN_REFUSED', reason, details: { issuer, claim: 'email', accountHash: account, code } });
    throw new AppError(status, code, `Nothing was verified: ${reason}.`);
  };
  if (typeof claims.email !== 'string' || claims.email_verified !== true) {
    return refuse('SIGN_IN_UNVERIFIED_EMAIL', 422, 'the account has no verified e-mail address');
  }
  const claimHash = hashIdentity(deps.identityPepper, claims.email);
  if (claimHash !== row.subject.emailHash) return refuse('SIGN_IN_MISMATCH', 403, 'the account signed in to is not the one the request was made for');
  const assertion = signStaffAssertion(
    staffAssertionKey(deps.identityPepper),
    { requestId, action: verifyBySignInUpdate.name, staffId: signInActor(claimHash), role: SIGN_IN_ROLE },
    deps.clock(),
  );
  await updateRequest(deps, requestId, verifyBySignInUpdate, { claimHash, accountHash: account, issuer, assertion });
}
