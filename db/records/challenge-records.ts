// Verification-challenge rows: a one-time code's hash with its expiry and attempt limit, the
// newest open one checked against a submitted code, each attempt counted atomically so that
// parallel guesses cannot exceed the limit. No column here is a closed vocabulary; the module
// keeps the challenge's reads and writes in one place beside the other typed records.
import type { Prisma, VerificationChallenge } from '../../generated/prisma/client';

type Reader = Pick<Prisma.TransactionClient, 'verificationChallenge'>;

export type ChallengeRecord = VerificationChallenge;

export interface NewChallenge {
  requestId: string;
  /** The engine's clock, as the day's mail budget counts by it. */
  createdAt: Date;
  codeHash: string;
  expiresAt: Date;
  maxAttempts: number;
}

/** Stores a fresh challenge. */
export async function createChallenge(tx: Reader, challenge: NewChallenge): Promise<ChallengeRecord> {
  return tx.verificationChallenge.create({ data: challenge });
}

/** Challenges issued for any request of the subject since `since` (the mail budget per identity). */
export async function challengesOfSubjectSince(db: Reader, subjectId: string, since: Date): Promise<number> {
  return db.verificationChallenge.count({ where: { request: { subjectId }, createdAt: { gt: since } } });
}

/** The request's newest challenge not yet used, or null. */
export async function newestOpenChallenge(db: Reader, requestId: string): Promise<ChallengeRecord | null> {
  return db.verificationChallenge.findFirst({ where: { requestId, consumedAt: null }, orderBy: { createdAt: 'desc' } });
}

/** Counts one attempt unless the limit is reached or the challenge used; false when it was not counted. */
export async function countChallengeAttempt(db: Reader, challenge: Pick<ChallengeRecord, 'id' | 'maxAttempts'>): Promise<boolean> {
  const { count } = await db.verificationChallenge.updateMany({ where: { id: challenge.id, attempts: { lt: challenge.maxAttempts }, consumedAt: null }, data: { attempts: { increment: 1 } } });
  return count > 0;
}

/** Marks the challenge used: its code opens nothing again. */
export async function consumeChallenge(db: Reader, id: string, at: Date): Promise<void> {
  await db.verificationChallenge.update({ where: { id }, data: { consumedAt: at } });
}

/** Deletes the request's challenges (retention). */
export async function deleteChallengesOf(tx: Reader, requestId: string): Promise<void> {
  await tx.verificationChallenge.deleteMany({ where: { requestId } });
}

/** Deletes challenges that expired by `cutoff` (retention); returns how many. */
export async function deleteChallengesExpiredBy(tx: Reader, cutoff: Date): Promise<number> {
  return (await tx.verificationChallenge.deleteMany({ where: { expiresAt: { lte: cutoff } } })).count;
}
