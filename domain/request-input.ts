// The request as intake hands it to the workflow (and the workflow to its first activity).
import type { ManageChoice } from './manage';
import type { MinorFlag } from './minor';
import type { RegimeKey } from './regime-key';
import type { Channel, Language, RequestType } from './request-kinds';

/** The action an assertion names when staff open a request with an attestation. */
export const OPEN_ATTESTED = 'openAttested';

/** The event key of the start attestation's IDENTITY_ATTESTED event, whichever step records it. */
export const attestedEventKey = (requestId: string): string => `${requestId}:attested`;

/** What intake hands the workflow. The identity key arrives only as a keyed hash and a
 *  ciphertext; everything else here is non-personal, and the payload codec encrypts all. */
export interface DsrWorkflowInput {
  requestId: string;
  type: RequestType;
  regime: RegimeKey;
  channel: Channel;
  language: Language;
  receivedAt: string;
  subject: SubjectIdentities;
  /** Set when an agent opened the request and attested identity with evidence. */
  attestation?: { staffId: string; evidenceNote: string; assertion?: string };
  /** Correction requests: field -> new value (validated at intake). */
  corrections?: Record<string, string>;
  /** MANAGE requests: the purposes and the action (names from a vocabulary, not personal data). */
  manage?: ManageChoice;
  /** PORTABILITY requests: the id of the registered recipient the subject asked the package to be
   *  sent to (config/portability-recipients.ts); an id from the controller profile, not personal data. */
  portabilityRecipient?: string;
  /** A subject under 18: the age band and who filed (domain/minor.ts); a band, not an age, so non-personal. */
  minor?: MinorFlag;
  /** Digest of the controller profile in force at intake (absent in runs started before profiles). */
  profileDigest?: string;
  /** Set when a DRP agent filed the request with a status_callback: each status change is posted to it (workflows/drp-callback.ts). */
  drpStatusCallback?: boolean;
}

/** The identities intake collected: the e-mail address always; a telephone number (E.164) and a
 *  customer or account id when an agent or the subject gave them. Each only as a keyed hash and
 *  a ciphertext, never in a workflow id, search attribute or log. */
export interface SubjectIdentities {
  emailHash: string;
  emailEncrypted: string;
  phoneHash?: string;
  phoneEncrypted?: string;
  accountIdHash?: string;
  accountIdEncrypted?: string;
}
