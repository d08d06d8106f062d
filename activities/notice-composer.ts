// Composes the full facts of a notice from what the workflow asked for, the request row
// and the regime's policy: local dates, regime names, citations and remedies.
import { issueStatusToken } from '../crypto/status-token';
import type { RequestRecord } from '../db/records';
import type { StaffNotice, SubjectNotice } from '../domain/notices';
import type { StaffAlertRequest, SubjectNoticeRequest } from '../domain/notice-requests';
import { addCalendarDays, daysBetween, getRegime, localDateOf, type RegimePolicy } from '../policy';
import { isManualStore } from '../stores/manual-store';
import type { StoreRegistry } from '../stores/registry';

export interface ComposeContext {
  row: RequestRecord;
  now: Date;
  /** The time zone of the controller's establishment for the request's regime (its profile's). */
  timeZone: string;
  /** Names the controller's policy in a regime's citation, as the request's profile names it. */
  cite: (citation: string) => string;
  stores: StoreRegistry;
  publicUrl: string;
  statusLinkKey?: Buffer;
  /** The law forbids asking this request for verification (a CCPA opt-out of sale or sharing):
   *  its acknowledgement says what happens next, never that a code will come. */
  verificationNotRequired?: boolean;
}

/** The subject's status page in the portal, where they answer; with a fresh token when links can be signed. */
function portalLink(ctx: ComposeContext): string {
  const page = `${ctx.publicUrl}/portal/requests/${ctx.row.id}`;
  return ctx.statusLinkKey ? `${page}?token=${issueStatusToken(ctx.statusLinkKey, ctx.row.id, ctx.now)}` : page;
}

const groundText = (regime: RegimePolicy, code: string) => regime.refusalGrounds.find((g) => g.code === code)?.description ?? code;

/** The facts of a subject notice, ready for its template. */
export function composeSubjectNotice(ctx: ComposeContext, seq: number, n: SubjectNoticeRequest): SubjectNotice {
  const { row, now, timeZone, cite } = ctx;
  const regime = getRegime(row.regime);
  const today = localDateOf(now, timeZone);
  const dueDate = row.dueAt ? localDateOf(row.dueAt, timeZone) : null;
  const base = { requestId: row.id, seq };
  switch (n.kind) {
    case 'acknowledgement':
      return { ...base, kind: n.kind, facts: { requestType: row.type, regime: { name: { en: regime.name }, citation: cite(regime.citation) }, dueDate: row.verifiedAt || ctx.verificationNotRequired ? dueDate : null, nextStep: row.verifiedAt || ctx.verificationNotRequired ? 'fulfil' : 'verify-identity' } };
    case 'fee-quote':
      return {
        ...base,
        kind: n.kind,
        facts: {
          requestType: row.type,
          fee: { amount: n.amount, currency: n.currency },
          grounds: n.excessive ? 'EXCESSIVE' : 'REPEATED',
          rule: { en: n.excessive ? regime.fees.excessiveRule : regime.fees.repeatRule },
          citation: cite(regime.fees.citation),
          respondBy: addCalendarDays(today, Math.round(n.respondWithinMs / 86_400_000)),
          respondUrl: portalLink(ctx),
          clockPaused: regime.pausesWhileAwaitingSubject,
        },
      };
    case 'extension-notice':
      return { ...base, kind: n.kind, facts: { originalDueDate: n.originalDueDate, newDueDate: n.newDueDate, reasons: [{ en: n.reason }], citation: cite(regime.extension?.citation ?? n.citation) } };
    case 'refusal': {
      const refused = ctx.stores
        .all()
        .map((s) => ({ store: s.name, categories: n.excluded.map((e) => e.category).filter((c) => s.categories.includes(c)) }))
        .filter((p) => p.categories.length > 0);
      return {
        ...base,
        kind: n.kind,
        facts: {
          scope: n.excluded.length > 0 ? 'PARTIAL' : 'FULL',
          grounds: n.grounds.map((g) => ({ code: g.code, citation: cite(g.citation), text: { en: groundText(regime, g.code) } })),
          refused,
          remedies: { en: regime.complaintRights.text.en, zh: regime.complaintRights.text.zh },
        },
      };
    }
    case 'duplicate':
      return { ...base, kind: n.kind, facts: { originalRequestId: n.originalRequestId } };
    case 'superseded':
      return { ...base, kind: n.kind, facts: { standingRequestId: n.standingRequestId } };
    case 'partial-reply':
      return { ...base, kind: n.kind, facts: { done: n.done, remaining: n.remaining.map((r) => ({ store: r.store, reason: { en: r.reason } })), newDueDate: row.extensions > 0 ? dueDate : null } };
    case 'withdrawn':
      return { ...base, kind: n.kind, facts: { withdrawnOn: today } };
    case 'guardian-not-attested':
      return { ...base, kind: n.kind, facts: {} };
    case 'closed-no-fee-answer':
      return { ...base, kind: n.kind, facts: { respondBy: n.respondBy } };
    case 'fee-declined':
      return { ...base, kind: n.kind, facts: { declinedOn: today, fee: { amount: n.amount, currency: n.currency } } };
  }
}

/** The facts of a staff notice: the request's non-personal facts plus the alert's own. */
export function composeStaffNotice(ctx: ComposeContext, seq: number, a: StaffAlertRequest): StaffNotice {
  const { row, now, timeZone } = ctx;
  const dueDate = row.dueAt ? localDateOf(row.dueAt, timeZone) : null;
  const facts = {
    requestType: row.type,
    regime: row.regime,
    status: row.status,
    dueDate,
    daysLeft: dueDate ? daysBetween(localDateOf(now, timeZone), dueDate) : null,
  };
  const base = { requestId: row.id, seq };
  switch (a.kind) {
    case 'reminder':
      return { ...base, kind: a.kind, facts };
    case 'escalation':
      return { ...base, kind: a.kind, facts: { ...facts, reason: a.reason, store: a.store, note: a.note } };
    case 'decision-needed':
      return { ...base, kind: a.kind, facts: { ...facts, decision: a.decision, signal: a.signal } };
    case 'manual-task': {
      const tasks = ctx.stores.all().filter((s) => isManualStore(s) && a.stores.includes(s.name));
      return { ...base, kind: a.kind, facts: { ...facts, tasks: tasks.map((s) => ({ store: s.name, instructions: isManualStore(s) ? s.instructions : '' })) } };
    }
  }
}
