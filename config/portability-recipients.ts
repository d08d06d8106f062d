// The recipients a subject may have a portability package sent to: declared once, in the
// controller profile (`portabilityRecipients`), checked there (unique ids, https as for
// processors). Their secrets stay in the environment, named by `secretEnv`, so the profile and
// the digest every request records never hold one.
import type { ControllerProfile, PortabilityRecipient } from './controller-profile';

/** The profile's registered recipients, in the file's order. */
export function registeredRecipients(profile: ControllerProfile): readonly PortabilityRecipient[] {
  return profile.portabilityRecipients ?? [];
}

/** The registered recipient with this id, or undefined. */
export function registeredRecipient(profile: ControllerProfile, id: string): PortabilityRecipient | undefined {
  return registeredRecipients(profile).find((r) => r.id === id);
}

/** Why intake refuses a recipient id, or null when the profile registers it. */
export function unknownRecipientProblem(profile: ControllerProfile, id: string): string | null {
  if (registeredRecipient(profile, id)) return null;
  const known = registeredRecipients(profile).map((r) => `"${r.id}"`);
  return `names recipient "${id}", which the controller has not registered for portability; ${known.length > 0 ? `registered recipients: ${known.join(', ')}` : 'no recipient is registered, so the package can only go to you'}.`;
}

/** The secret shared with the recipient, from the variable its entry names; undefined when unset. */
export function recipientSecret(recipient: PortabilityRecipient, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const secret = env[recipient.secretEnv];
  return secret && secret.length > 0 ? secret : undefined;
}
