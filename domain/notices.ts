// The messages the request procedure sends, as data. The workflow decides what to say and
// passes only non-personal facts (dates, counts, store names, legal grounds); the notice
// activities look up the address at sending time and render the mail.
// Types only: imported by deterministic workflow code.
import type { FieldUnchanged } from './fulfilment';
import type { ManageAction, ManageResult } from './manage';
import type { RequestType } from './request-kinds';
import type { StoreAccount } from './store-account';

/** A calendar date 'YYYY-MM-DD' in the controller's time zone for the regime. */
export type NoticeDate = string;

/** Text for the subject: English always, Chinese where the source (policy data) has it.
 *  A plain string is English (policy descriptions are); where Chinese is missing, the
 *  Chinese part of the mail quotes the English text. */
export type NoticeText = string | { en: string; zh?: string };

export interface NoticeMoney {
  /** In major units of the currency (e.g. 30 = CNY 30.00). */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

/** A reason with the provision that supports it, e.g. a refusal ground. */
export interface CitedReason {
  /** The ground's code in the policy data, e.g. 'RETENTION_REQUIRED_BY_LAW'. */
  code: string;
  text: NoticeText;
  citation: string;
}

/** The regime a request is answered under, as named to the subject. */
export interface NoticeRegime {
  name: NoticeText;
  citation: string;
}

export interface AcknowledgementFacts {
  requestType: RequestType;
  regime: NoticeRegime;
  /** Null while the clock has not started (it runs from identity verification in China). */
  dueDate: NoticeDate | null;
  /** What the subject should expect next. */
  nextStep: 'verify-identity' | 'fulfil';
}

export interface FeeQuoteFacts {
  requestType: RequestType;
  fee: NoticeMoney;
  /** Why a fee applies: a repeat beyond the free quota, or an excessive request. */
  grounds: 'REPEATED' | 'EXCESSIVE';
  rule: NoticeText;
  citation: string;
  /** The last day on which the subject can accept. */
  respondBy: NoticeDate;
  /** Where the subject accepts or declines (a portal address carrying no personal data). */
  respondUrl: string;
  /** True where the regime stops the reply clock until the fee is paid. */
  clockPaused: boolean;
}

export interface ExtensionNoticeFacts {
  originalDueDate: NoticeDate;
  newDueDate: NoticeDate;
  reasons: NoticeText[];
  citation: string;
}

export interface RefusedPart {
  store: string;
  categories: string[];
}

export interface RefusalFacts {
  scope: 'FULL' | 'PARTIAL';
  grounds: CitedReason[];
  /** For a partial refusal: what is refused; the rest of the request is answered. */
  refused: RefusedPart[];
  /** The subject's right to complain and to go to court, from the regime's policy
   *  (the text names its own articles, e.g. PIPL art 50, GDPR arts 77 and 79). */
  remedies: NoticeText;
}

export interface DuplicateFacts {
  /** The open request that this one repeats; the answer comes there. */
  originalRequestId: string;
}

export interface SupersededFacts {
  /** The verified request of the same subject and kind that stands instead of this unverified one. */
  standingRequestId: string;
}

export interface RetainedPart {
  category: string;
  records: number;
  reason: 'LEGAL_HOLD' | 'EXEMPTION';
  /** The legal basis given to the subject, e.g. "Cybersecurity Law art 21(3)". */
  basis: string;
}

export interface DeletionDoneFacts {
  completedOn: NoticeDate;
  /** `anonymised`: of the erased records, those kept without anything that identifies the subject.
   *  `account`: whether the store was searched, held nothing, or was not searched (and why). */
  stores: Array<{ store: string; erased: number; anonymised?: number; retained: RetainedPart[]; account?: StoreAccount }>;
  /** The stored certificate this notice copies, so the subject can cite and check it. */
  certificate?: { id: string; digest: string };
  /** Access packages (copies of the subject's data from earlier access requests) deleted with the rest. */
  accessPackagesPurged?: number;
  /** Compliance opened the deletion for a child's data collected by mistake: the certificate's statement. */
  openedOnOwnMotion?: { zh: string; en: string };
}

/** What a correction did in one store, as its audit event records it. Field names only: the
 *  values are personal data and stay out of history and mail. */
export interface CorrectionStoreResult {
  store: string;
  /** The fields this store changed. */
  changed: string[];
  /** The fields asked for that this store left as they were, each with its reason. */
  unchanged: FieldUnchanged[];
  /** Set when staff settled the store instead of the engine: by hand, or skipped. */
  settled?: 'MANUAL' | 'SKIPPED';
}

export interface CorrectionDoneFacts {
  completedOn: NoticeDate;
  stores: CorrectionStoreResult[];
  /** Every mapped store: searched with counts, nothing found, or not searched with the reason. */
  searched?: StoreAccount[];
}

/** What a MANAGE request did for one purpose, store by store (counts only). */
export interface ManagedPurpose {
  purpose: string;
  /** The data map's words for it (its label, and what follows once the action is done); absent
   *  for a purpose the map no longer declares, which the letter then names by its id. */
  label?: { zh: string; en: string };
  consequence?: { zh: string; en: string };
  stores: Array<{ store: string } & Omit<ManageResult, 'purpose'>>;
}

export interface ManageDoneFacts {
  completedOn: NoticeDate;
  action: ManageAction;
  purposes: ManagedPurpose[];
  /** Stores staff settled instead of the engine: by hand, or skipped. */
  byHand: Array<{ store: string; settled: 'MANUAL' | 'SKIPPED' }>;
  /** The provisions giving the right and saying what a withdrawal does not undo, from the regime's policy data. */
  citations: { right: string; effect: string };
  searched?: StoreAccount[];
}

export interface PartialReplyFacts {
  /** Stores whose part is finished. */
  done: string[];
  remaining: Array<{ store: string; reason: NoticeText }>;
  /** Set when the deadline was extended: the date by which the rest will follow. */
  newDueDate: NoticeDate | null;
}

export interface WithdrawnFacts {
  withdrawnOn: NoticeDate;
}

export interface ClosedNoFeeAnswerFacts {
  /** The day by which the fee quote had to be answered. */
  respondBy: NoticeDate;
}

export interface FeeDeclinedFacts {
  /** The day the subject declined, in the controller's zone. */
  declinedOn: NoticeDate;
  /** The fee that was quoted and declined; nothing is charged. */
  fee: NoticeMoney;
}

/** A guardian's request that no member of staff attested: refused before anything was done (domain/minor.ts). */
export type GuardianNotAttestedFacts = Record<string, never>;

/** Facts by kind of notice to the subject. */
export interface SubjectNoticeFacts {
  acknowledgement: AcknowledgementFacts;
  'fee-quote': FeeQuoteFacts;
  'extension-notice': ExtensionNoticeFacts;
  refusal: RefusalFacts;
  duplicate: DuplicateFacts;
  superseded: SupersededFacts;
  'deletion-done': DeletionDoneFacts;
  'correction-done': CorrectionDoneFacts;
  'manage-done': ManageDoneFacts;
  'partial-reply': PartialReplyFacts;
  withdrawn: WithdrawnFacts;
  'closed-no-fee-answer': ClosedNoFeeAnswerFacts;
  'fee-declined': FeeDeclinedFacts;
  'guardian-not-attested': GuardianNotAttestedFacts;
}

export type SubjectNoticeKind = keyof SubjectNoticeFacts;

/** One notice to a request's subject. `seq` tells apart notices of the same kind (the
 *  second partial reply is seq 2) and keeps a retried send on the same Message-ID. */
export type SubjectNotice = {
  [K in SubjectNoticeKind]: { requestId: string; kind: K; seq: number; facts: SubjectNoticeFacts[K] };
}[SubjectNoticeKind];

/** What staff see about a request: never the subject's identity. */
export interface StaffRequestFacts {
  requestType: RequestType;
  /** Regime key, e.g. 'CN_PIPL'. */
  regime: string;
  status: string;
  dueDate: NoticeDate | null;
  /** Calendar days to the due date in the controller's zone; negative when overdue. */
  daysLeft: number | null;
}

export type StaffReminderFacts = StaffRequestFacts;

export interface StaffEscalationFacts extends StaffRequestFacts {
  reason: 'AT_RISK' | 'STORE_STUCK';
  /** The store that is stuck, when one is. */
  store: string | null;
  /** A short technical note (an error class, an attempt count), never personal data. */
  note: string | null;
}

export interface StaffDecisionNeededFacts extends StaffRequestFacts {
  /** APPROVAL: an erasure attested by staff waits for a second person's approval. */
  decision: 'EXEMPTION' | 'EXCESSIVE' | 'APPROVAL';
  /** The signal that raised the question, e.g. the ground code or the request count. */
  signal: string;
}

/** Stores with no API that a person must work for the request, with the data map's instructions. */
export interface StaffManualTaskFacts extends StaffRequestFacts {
  tasks: Array<{ store: string; instructions: string }>;
}

/** Facts by kind of notice to the compliance mailbox. */
export interface StaffNoticeFacts {
  reminder: StaffReminderFacts;
  escalation: StaffEscalationFacts;
  'decision-needed': StaffDecisionNeededFacts;
  'manual-task': StaffManualTaskFacts;
}

export type StaffNoticeKind = keyof StaffNoticeFacts;

/** One notice to staff; `seq` as for subject notices (e.g. the reminder's days-before). */
export type StaffNotice = {
  [K in StaffNoticeKind]: { requestId: string; kind: K; seq: number; facts: StaffNoticeFacts[K] };
}[StaffNoticeKind];
