// The shape of a regime's policy: every legal duration, fee rule and refusal ground a
// request workflow needs, as data with its citation, so a compliance officer can read
// and change a regime without touching workflow logic. Types only.
import type { RegimeKey } from '../domain/regime-key';
import type { RequestType } from '../domain/request-kinds';

export { REGIME_KEYS, type RegimeKey } from '../domain/regime-key';

/** How a legal period is measured. */
export type PeriodUnit = 'calendarDays' | 'workingDays' | 'calendarMonths';

export interface Period {
  amount: number;
  unit: PeriodUnit;
}

/** A period with the provision that sets it. */
export interface CitedPeriod extends Period {
  citation: string;
}

export interface DeadlinePolicy extends CitedPeriod {
  /** The event from which the period runs, in the controller's time zone. */
  clockStarts: 'receipt' | 'identityVerified';
  /** Whether a due date on a weekend or holiday moves to the next working day. */
  rollForwardToWorkingDay: boolean;
  /** The counting rule relied on, and why the roll-forward is or is not applied. */
  countingCitation: string;
}

export interface ExtensionPolicy extends CitedPeriod {
  /** How many times the period may be extended. */
  maxTimes: number;
  /** Whether the subject must be told (with reasons) before the original period ends. */
  noticeWithinOriginalPeriod: boolean;
}

export interface Money {
  /** In major units of the currency (e.g. 10 = EUR 10.00). */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

export interface FeePolicy {
  /** Requests answered free within the window; null where the law sets no count. */
  freeRequestsPerWindow: number | null;
  window: { amount: number; unit: 'calendarDays' | 'calendarMonths' } | null;
  /** Request types that count towards the free allowance. */
  countedRequestTypes: readonly RequestType[];
  /** Whether the law lets the controller charge a cost fee at all; the amount and currency
   *  are the controller's, in its profile (`regimes.<key>.fees.cost`). */
  costFeeAllowed: boolean;
  repeatRule: string;
  excessiveRule: string;
  /** Whether the law lets the controller charge its cost fee for a manifestly unfounded or
   *  excessive request (compliance decides so on the request); false where it allows no such fee. */
  feeForExcessive: boolean;
  citation: string;
}

/** A legal ground on which a request (or part of it) may be refused. */
export interface RefusalGround {
  code: string;
  description: string;
  citation: string;
  appliesTo: readonly RequestType[];
}

/** A handling duty that is not a deadline or a refusal (e.g. delete a child's data at once). */
export interface HandlingNote {
  code: string;
  description: string;
  citation: string;
  appliesTo: readonly RequestType[];
}

/** Text for the subject; English always, other languages where the regime's public reads them. */
export interface LocalizedText {
  en: string;
  zh?: string;
  fr?: string;
}

export interface ComplaintRights {
  text: LocalizedText;
  citation: string;
}

export interface ReminderPolicy {
  /** Calendar days before the due date at which staff are reminded, e.g. [7, 2]. */
  daysBefore: readonly number[];
  /** Days before the due date at which an open request is escalated as at risk. */
  escalateAtRiskDaysBefore: number;
  /** Local hour (0-23, controller's zone) at which reminders go out. */
  atLocalHour: number;
}

/** How long the engine waits on the subject before closing a request, and why. */
export interface WaitingWindow {
  days: number;
  reason: string;
}

/** A regime where stopping a sale or sharing of personal information is not a verifiable
 *  request (CCPA: 11 CCR §7026(d)): for these actions on purposes the data map marks with one of
 *  these disclosures, no code is asked for and the request goes straight on. */
export interface OptOutWithoutVerification {
  disclosures: ReadonlyArray<'sale' | 'sharing'>;
  actions: ReadonlyArray<'WITHDRAW_CONSENT' | 'RESTRICT' | 'OBJECT'>;
  citation: string;
}

/** The rights beyond access, correction and erasure, as this regime grounds them (issue 15). */
export interface RightsPolicy {
  /** MANAGE: withdrawal of consent, restriction, objection; `withdrawalEffect` is the provision
   *  (or the controller's promise) that a withdrawal does not undo processing already done. */
  manage: { citation: string; withdrawalEffect: string; optOutWithoutVerification?: OptOutWithoutVerification };
  /** PORTABILITY: the right to receive, or have transferred, the data the subject provided, and
   *  the fee rule for it (the fee itself is assessed by `fees`, which counts PORTABILITY where
   *  `countedRequestTypes` lists it). */
  portability: { citation: string; feeRule: string; feeCitation: string };
}

export interface RegimePolicy {
  key: RegimeKey;
  name: string;
  /** The statute's articles on data-subject rights. */
  citation: string;
  deadline: DeadlinePolicy;
  /** Shorter clocks for some request types, replacing `deadline` for them. */
  deadlineOverrides?: Partial<Record<RequestType, DeadlinePolicy>>;
  /** A shorter clock for deleting a child's data collected by mistake, which compliance opens
   *  on its own motion (domain/minor.ts); absent where the regime's deletion clock applies. */
  childDataDeletion?: DeadlinePolicy;
  extension: ExtensionPolicy | null;
  /** A duty to confirm receipt, e.g. CCPA's 10 business days. */
  acknowledgement: CitedPeriod | null;
  /** A duty to decide an appeal against a refusal, e.g. Virginia's 60 days. */
  appeal: CitedPeriod | null;
  /** Whether the clock stops while waiting on the subject (identity, clarification, fee). */
  pausesWhileAwaitingSubject: boolean;
  pauseCitation: string;
  fees: FeePolicy;
  refusalGrounds: readonly RefusalGround[];
  handlingNotes: readonly HandlingNote[];
  rights: RightsPolicy;
  complaintRights: ComplaintRights;
  reminders: ReminderPolicy;
  verificationWindow: WaitingWindow;
  /** How long the subject has to pay a fee; null where no fee can be charged. */
  feeResponseWindow: WaitingWindow | null;
  /** Account closure as the regime's platform rules run it (cooling-off, cancellation by
   *  signing in, refusal while something is owed); absent where closure is a plain erasure. */
  accountClosure?: AccountClosurePolicy;
}

/** Something the account system reports that stops a closure for now, with the subject's words for it. */
export interface ClosureBlocker {
  code: 'UNEXPIRED_PAID_SERVICE' | 'OPEN_DISPUTE';
  reason: LocalizedText & { zh: string };
  citation: string;
}

export interface AccountClosurePolicy {
  /** The period in which the subject may change their mind; its length is the controller's (profile `accountClosure.coolingOffDays`). */
  coolingOff: { cancelledBySignIn: true; citation: string };
  /** What refuses a closure while it lasts, each with its stated reason. */
  blockers: readonly ClosureBlocker[];
  /** The engine never asks for a new face scan or a photo holding an ID card to close an account. */
  noBiometricReverification: { citation: string };
}
