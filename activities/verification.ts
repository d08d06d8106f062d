// E-mail one-time codes: issued hashed with an expiry, checked with an attempt limit.
import { issueStatusToken, notMeTokenKey } from '../crypto/status-token';
import { generateOneTimeCode, hashOneTimeCode, oneTimeCodeMatches } from '../crypto/one-time-code';
import { sendOnce } from '../mail/sent-log';
import { verificationCodeMail } from '../mail/templates/verification-code';
import type { VerificationOutcome } from '../domain/verification';
import { appendAudit, challengesOfSubjectSince, consumeChallenge, countChallengeAttempt, createChallenge, newestOpenChallenge, readRequestFields } from '../db/records';
import type { ActivityDeps } from './deps';
import { subjectContact } from './subject-contact';

/** Codes mailed to one identity (all its requests) in a day: with at most three requests awaiting
 *  a code (server/identity-budgets.ts), this bounds the mail one recipient can be sent through the portal. */
export const CODES_MAILED_PER_IDENTITY_PER_DAY = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The signed link that withdraws the request, for a recipient who did not make it; none without the key. */
function notMeUrl(deps: ActivityDeps, requestId: string, language: string, now: Date): string | undefined {
  if (!deps.statusLinkKey) return undefined;
  const token = issueStatusToken(notMeTokenKey(deps.statusLinkKey), requestId, now);
  return `${deps.publicUrl ?? ''}/portal/requests/${requestId}/not-me?token=${encodeURIComponent(token)}&lang=${language === 'en' ? 'en' : 'zh'}`;
}

export function verificationActivities(deps: ActivityDeps) {
  const { db, mailer, clock, verification } = deps;
  return {
    /** Issues a fresh challenge and mails its code to the subject's address. */
    async sendVerificationCode({ requestId }: { requestId: string }): Promise<void> {
      const code = generateOneTimeCode();
      const now = clock();
      const { subjectId } = await readRequestFields(db, requestId, { subjectId: true });
      const mailedToday = await challengesOfSubjectSince(db, subjectId, new Date(now.getTime() - DAY_MS));
      if (mailedToday >= CODES_MAILED_PER_IDENTITY_PER_DAY) {
        // No mail: the recipient may be the target of someone else's submissions. The request can still be verified with a code already sent.
        await db.$transaction((tx) => appendAudit(tx, { requestId, actor: 'system', action: 'VERIFICATION_CODE_WITHHELD', details: { mailedToday } }));
        return;
      }
      const challenge = await db.$transaction(async (tx) => {
        const created = await createChallenge(tx, {
          requestId,
          // The engine's clock, as the day's budget above counts by it.
          createdAt: now,
          codeHash: hashOneTimeCode(code, deps.codeHashKey),
          expiresAt: new Date(now.getTime() + verification.codeTtlMs),
          maxAttempts: verification.maxAttempts,
        });
        await appendAudit(tx, { requestId, actor: 'system', action: 'VERIFICATION_CODE_SENT', details: { challengeId: created.id } });
        return created;
      });
      const contact = await subjectContact(deps, requestId);
      const mail = verificationCodeMail({ code, validMinutes: Math.round(verification.codeTtlMs / 60_000), requestId, language: contact.language, notMeUrl: notMeUrl(deps, requestId, contact.language, now) });
      // The key names the challenge: a new code is a new message, never held back as a repeat.
      await sendOnce(db, mailer, { to: contact.email, ...mail, messageKey: `${requestId}.verification.${challenge.id}` });
    },

    /** Checks a submitted code against the newest challenge, counting the attempt. */
    async checkVerificationCode({ requestId, code }: { requestId: string; code: string }): Promise<{ outcome: VerificationOutcome; attemptsLeft: number }> {
      const challenge = await newestOpenChallenge(db, requestId);
      if (!challenge) return { outcome: 'NO_CHALLENGE', attemptsLeft: 0 };
      const record = async (outcome: VerificationOutcome, attemptsLeft: number) => {
        await db.$transaction((tx) =>
          appendAudit(tx, { requestId, actor: 'subject', action: 'VERIFICATION_ATTEMPT', details: { outcome, attemptsLeft } }),
        );
        return { outcome, attemptsLeft };
      };
      if (challenge.expiresAt <= clock()) return record('EXPIRED', 0);
      // Count the attempt atomically, so parallel guesses cannot exceed the limit.
      if (!(await countChallengeAttempt(db, challenge))) return record('EXHAUSTED', 0);
      const attemptsLeft = challenge.maxAttempts - challenge.attempts - 1;
      if (!oneTimeCodeMatches(code, challenge.codeHash, deps.codeHashKey)) return record('WRONG_CODE', attemptsLeft);
      await consumeChallenge(db, challenge.id, clock());
      return record('VERIFIED', attemptsLeft);
    },
  };
}
