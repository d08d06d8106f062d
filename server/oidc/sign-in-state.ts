// What the engine must remember between sending the subject to the provider and their return:
// which request, the PKCE verifier, state and nonce. Kept in a short-lived cookie sealed with
// the field cipher (AES-GCM), scoped to the callback, so no table holds half-finished sign-ins
// and nobody can forge or read one.
import type { FieldCipher } from '../../crypto/field-cipher';
import type { Language } from '../../domain/request-kinds';

export const SIGN_IN_COOKIE = 'dsr_oidc';
export const SIGN_IN_CALLBACK_PATH = '/portal/sign-in/callback';
/** Long enough to sign in, short enough that a forgotten tab cannot finish it tomorrow. */
const SIGN_IN_TTL_MS = 10 * 60_000;

export interface SignInState {
  requestId: string;
  token: string;
  lang: Language;
  verifier: string;
  state: string;
  nonce: string;
  expiresAt: number;
}

/** What the sealed state is bound to, so no other ciphertext of the keyring opens as it. */
const SIGN_IN_COOKIE_USE = 'Cookie.oidcSignInState';

export function sealSignInState(cipher: FieldCipher, s: Omit<SignInState, 'expiresAt'>, now: Date): string {
  return Buffer.from(cipher.encrypt(JSON.stringify({ ...s, expiresAt: now.getTime() + SIGN_IN_TTL_MS }), SIGN_IN_COOKIE_USE)).toString('base64url');
}

/** The state sealed in the cookie, or null when it is missing, forged or expired. */
export function openSignInState(cipher: FieldCipher, sealed: string | undefined, now: Date): SignInState | null {
  if (!sealed) return null;
  try {
    const s = JSON.parse(cipher.decrypt(Buffer.from(sealed, 'base64url').toString('utf8'), SIGN_IN_COOKIE_USE)) as SignInState;
    return typeof s.expiresAt === 'number' && s.expiresAt > now.getTime() ? s : null;
  } catch {
    return null;
  }
}

export function signInCookie(value: string, secure: boolean): string {
  return `${SIGN_IN_COOKIE}=${value}; Path=${SIGN_IN_CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=${SIGN_IN_TTL_MS / 1000}${secure ? '; Secure' : ''}`;
}

export function clearedSignInCookie(): string {
  return `${SIGN_IN_COOKIE}=; Path=${SIGN_IN_CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
