// The TOTP second factor (RFC 6238: six digits, 30-second steps, SHA-1, as every authenticator
// app reads an otpauth URI) through otplib, which the project already depends on: the HMAC and
// base32 arithmetic are not ours to write. Which roles need it is decided here, once.
import { generate, generateSecret, generateURI, verify } from 'otplib';
import type { StaffRole } from './roles';

/** The roles that can approve erasures or change accounts: a stolen password alone must not be enough. */
export const TOTP_ROLES: readonly StaffRole[] = ['compliance', 'admin'];
export const needsTotp = (role: string): boolean => (TOTP_ROLES as readonly string[]).includes(role);

const ISSUER = 'DSR console';
const PERIOD_SECONDS = 30;
// One step either side absorbs a phone clock a little off and a code typed as it rolls over.
const TOLERANCE_SECONDS = PERIOD_SECONDS;

/** A fresh secret (base32, 160 bits) and the otpauth URI an authenticator app reads (as a QR code or pasted). */
export function newTotpSecret(username: string): { secret: string; otpauthUri: string } {
  const secret = generateSecret();
  return { secret, otpauthUri: generateURI({ issuer: ISSUER, label: username, secret }) };
}

/** The time step of `code` if it is valid at `now` and later than `afterStep` (a code is never
 *  accepted twice, nor one older than the last accepted), otherwise null. */
export async function acceptedStep(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  // TOTP results carry the step they matched (the HOTP half of the union type does not).
  return result.valid && 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null;
}

/** The code an authenticator shows at `now` (for tests and drills, which play the person's phone). */
export const totpCodeAt = (secret: string, now: Date): Promise<string> => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
