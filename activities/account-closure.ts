// Account closure as Chinese platforms run it (policy: the regime's `accountClosure`): first
// the deployer's account system is asked what stops it (unexpired paid services, open
// disputes), and a closure that may not go ahead now is refused with the policy's stated
// reasons; otherwise the cooling-off period of the controller's profile is announced, during
// which a sign-in cancels the closure (server/routes/account-events.ts).
//
// How the engine learns of blockers: one signed POST to the account system, which is the only
// system that knows its subscriptions and disputes as they stand today (a store of the data
// map would describe data, not obligations). Body {"email"}; answer
// {"paidServices":[{"expiresAt":ISO}],"openDisputes":n}. Signed both ways' as webhook stores
// are (stores/webhook/signature.ts), label dsr-closure-check.
import { getRegime, localDateOf, type ClosureBlocker } from '../policy';
import { sendOnce } from '../mail/sent-log';
import { closureCancelledMail, closureCoolingOffMail, closureRefusedMail } from '../mail/templates/account-closure';
import { CLOSURE_CHECK_LABEL, signatureHeaders } from '../stores/webhook/signature';
import { appendAudit, readRequest } from '../db/records';
import type { AccountSystem, ActivityDeps } from './deps';
import { profileAccess } from './profile-access';
import { subjectContact } from './subject-contact';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_TIMEOUT_MS = 10_000;

export interface ClosureStart {
  /** False where the regime runs closure as a plain erasure (no cooling-off, no blockers). */
  applies: boolean;
  /** Codes of the blockers found; the closure is refused when any. */
  refused: Array<ClosureBlocker['code']>;
  coolingOffMs: number;
}

interface AccountStanding {
  paidServices?: Array<{ expiresAt?: unknown }>;
  openDisputes?: unknown;
}

/** Asks the account system how the subject's account stands; throws (and the activity retries) on a bad answer. */
async function accountStanding(system: AccountSystem, email: string, now: Date): Promise<AccountStanding> {
  const body = JSON.stringify({ email });
  const res = await fetch(`${system.url.replace(/\/+$/, '')}/closure-check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signatureHeaders(system.secret, CLOSURE_CHECK_LABEL, body, now) },
    body,
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`The account system answered the closure check with ${res.status}.`);
  return (await res.json()) as AccountStanding;
}

function blockersIn(standing: AccountStanding, now: Date): Array<ClosureBlocker['code']> {
  const found: Array<ClosureBlocker['code']> = [];
  const unexpired = (standing.paidServices ?? []).some((s) => typeof s.expiresAt === 'string' && Date.parse(s.expiresAt) > now.getTime());
  if (unexpired) found.push('UNEXPIRED_PAID_SERVICE');
  if (typeof standing.openDisputes === 'number' && standing.openDisputes > 0) found.push('OPEN_DISPUTE');
  return found;
}

export function accountClosureActivities(deps: ActivityDeps) {
  const profiles = () => profileAccess(deps.db, deps.profile, deps.holidayDataDir);
  return {
    /** Checks for blockers and either refuses (mailing the reasons) or announces the cooling-off period. */
    async beginAccountClosure({ requestId }: { requestId: string }): Promise<ClosureStart> {
      const row = await readRequest(deps.db, requestId);
      const policy = getRegime(row.regime).accountClosure;
      if (!policy) return { applies: false, refused: [], coolingOffMs: 0 };
      const now = deps.clock();
      const contact = await subjectContact(deps, requestId);
      let refused: Array<ClosureBlocker['code']> = [];
      if (deps.accountSystem) {
        refused = blockersIn(await accountStanding(deps.accountSystem, contact.email, now), now);
      } else {
        await deps.db.$transaction((tx) =>
          appendAudit(tx, { requestId, actor: 'system', action: 'CLOSURE_CHECK_SKIPPED', reason: 'no account system is configured (ACCOUNT_SYSTEM_URL)', eventKey: `${requestId}:closure-check` }),
        );
      }
      if (refused.length > 0) {
        const reasons = policy.blockers.filter((b) => refused.includes(b.code)).map((b) => ({ zh: b.reason.zh, en: b.reason.en, citation: b.citation }));
        await deps.db.$transaction((tx) => appendAudit(tx, { requestId, actor: 'system', action: 'CLOSURE_REFUSED', details: { blockers: refused }, eventKey: `${requestId}:closure-refused` }));
        await sendOnce(deps.db, deps.mailer, { to: contact.email, ...closureRefusedMail({ requestId, reasons, language: contact.language }), messageKey: `${requestId}.closure-refused` });
        return { applies: true, refused, coolingOffMs: 0 };
      }
      const profile = await profiles().profileOf(row);
      const days = profile.accountClosure?.coolingOffDays ?? 0;
      const timeZone = (await profiles().establishmentOf(row)).timeZone;
      const endsOn = localDateOf(new Date(now.getTime() + days * DAY_MS), timeZone);
      const dueDate = row.dueAt ? localDateOf(row.dueAt, timeZone) : endsOn;
      await deps.db.$transaction((tx) =>
        appendAudit(tx, { requestId, actor: 'system', action: 'CLOSURE_COOLING_OFF_STARTED', details: { days, endsOn, citation: policy.coolingOff.citation }, eventKey: `${requestId}:cooling-off` }),
      );
      if (days > 0) {
        await sendOnce(deps.db, deps.mailer, { to: contact.email, ...closureCoolingOffMail({ requestId, days, endsOn, dueDate, language: contact.language }), messageKey: `${requestId}.closure-cooling-off` });
      }
      return { applies: true, refused: [], coolingOffMs: days * DAY_MS };
    },

    /** Tells the subject that their sign-in cancelled the closure; nothing was erased. */
    async notifyClosureCancelled({ requestId, signedInAt }: { requestId: string; signedInAt: string }): Promise<void> {
      const row = await readRequest(deps.db, requestId);
      const contact = await subjectContact(deps, requestId);
      const cancelledOn = localDateOf(new Date(signedInAt), (await profiles().establishmentOf(row)).timeZone);
      await sendOnce(deps.db, deps.mailer, { to: contact.email, ...closureCancelledMail({ requestId, cancelledOn, language: contact.language }), messageKey: `${requestId}.closure-cancelled` });
    },
  };
}
