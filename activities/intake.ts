// Recording a new request and its subject. Idempotent: a retry finds the rows in place.
import { activeProfile, type LoadedProfile } from '../config/controller-profile';
import type { Db } from '../db/prisma';
import type { DsrWorkflowInput } from '../domain/request-input';
import { appendAudit, createRequestOnce, findRequestFields, type RequestDetails } from '../db/records';
import { recordProfileVersion } from './profile-access';
import type { ActivityDeps } from './deps';

/** The request's non-personal details: which fields a correction touches (never their new
 *  values), the purposes and action of a MANAGE request, a minor's age band and who filed, the
 *  registered recipient a PORTABILITY package is sent to. */
function requestDetails(input: DsrWorkflowInput): RequestDetails | undefined {
  const details: RequestDetails = {
    ...(input.corrections && { correctionFields: Object.fromEntries(Object.keys(input.corrections).map((f) => [f, true])) }),
    ...(input.manage && { manage: { purposes: input.manage.purposes, action: input.manage.action } }),
    ...(input.minor && { minor: { ageBand: input.minor.ageBand, filedBy: input.minor.filedBy } }),
    ...(input.portabilityRecipient && { portabilityRecipient: input.portabilityRecipient }),
  };
  return Object.keys(details).length > 0 ? details : undefined;
}

/** Creates the subject (matched by identity hash) and the request row, once: intake calls it
 *  before answering 202 so staff can act on the request at once, and the workflow's first
 *  activity calls it again, which finds the rows in place and changes nothing. */
export async function recordRequest(db: Db, input: DsrWorkflowInput, profile: LoadedProfile): Promise<void> {
  // The profile in force at intake: the server's when it started the request (older runs
  // carry none, and take the worker's). The request keeps it for every later deadline.
  const digest = input.profileDigest ?? profile.digest;
  // The rows are written in one transaction: once the request's row is there, all of them are,
  // and a second writer (intake, then the workflow) would only wait on the first one's locks.
  if (await findRequestFields(db, input.requestId, { id: true })) return;
  if (digest === profile.digest) await recordProfileVersion(db, profile);
  try {
    await writeRequestRows(db, input, digest);
  } catch (err) {
    // Intake and the workflow may write at the same moment: the loser of the race on a
    // unique key finds the winner's rows on a second try.
    if ((err as { code?: string }).code !== 'P2002') throw err;
    await writeRequestRows(db, input, digest);
  }
}

async function writeRequestRows(db: Db, input: DsrWorkflowInput, profileDigest: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const subject = await tx.dataSubject.upsert({
      where: { emailHash: input.subject.emailHash },
      create: { emailHash: input.subject.emailHash, emailEncrypted: input.subject.emailEncrypted },
      update: {},
    });
    await createRequestOnce(tx, {
      id: input.requestId,
      subjectId: subject.id,
      type: input.type,
      regime: input.regime,
      channel: input.channel,
      language: input.language,
      status: 'RECEIVED',
      workflowId: `dsr-${input.requestId}`,
      receivedAt: new Date(input.receivedAt),
      attestedBy: input.attestation?.staffId,
      profileDigest,
      // Further identities, encrypted, with their keyed hashes (absent from older runs' inputs).
      phoneEncrypted: input.subject.phoneEncrypted,
      phoneHash: input.subject.phoneHash,
      accountIdEncrypted: input.subject.accountIdEncrypted,
      accountIdHash: input.subject.accountIdHash,
      // Which fields a correction touches, never their new values.
      details: requestDetails(input),
    });
    await appendAudit(tx, {
      requestId: input.requestId,
      actor: input.channel === 'PORTAL' || input.channel === 'API' ? 'subject' : 'staff',
      action: 'REQUEST_RECEIVED',
      details: { type: input.type, regime: input.regime, channel: input.channel, ...(input.minor && { minor: { ageBand: input.minor.ageBand, filedBy: input.minor.filedBy } }) },
      eventKey: `${input.requestId}:received`,
    });
  });
}

export function intakeActivities({ db, profile }: ActivityDeps) {
  return {
    /** Creates the subject and the request row, if intake has not already. */
    async registerRequest(input: DsrWorkflowInput): Promise<void> {
      await recordRequest(db, input, profile ?? activeProfile());
    },
  };
}
