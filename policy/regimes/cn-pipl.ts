// China: Personal Information Protection Law (PIPL) arts 44-50, the national standard
// GB/T 35273-2020 and the controller's own privacy policy (its promises, cited by the name in its profile).
import type { DeadlinePolicy, RegimePolicy } from '../regime-policy';
import { ALL_REQUEST_TYPES, controllerPolicySection, ERASURE_TYPES, STANDARD_REMINDERS } from './common';

const GBT = 'GB/T 35273-2020';
/** The policy's section on the subject's rights: fees, refusals, how requests are made. */
const POLICY_RIGHTS = controllerPolicySection('IX', 'Your Control over Personal Information');
const POLICY_CHILDREN = controllerPolicySection('XIV', 'Children and Privacy');
/** "We will reply to you in a timely manner within a statutory or reasonable period." */
const POLICY_CONTACT = controllerPolicySection('XV', 'Our Contact Information');
/** "… modify or delete your incorrect information based on strict validation upon your request". */
const POLICY_PROTECTION = controllerPolicySection('VII', 'How We Protect Personal Information');
/** Clause 3: kept as long as laws on national security and cyber security or government orders require. */
const POLICY_STORAGE_PERIOD = controllerPolicySection('V.2', 'Period');
/** "In case of any discrepancy between the Chinese version and the English version …, the Chinese version shall prevail." */
const POLICY_VERSION = controllerPolicySection('XVI.3', 'Version');
const NO_RESPONSE = `${GBT} §8.7 f); ${POLICY_RIGHTS}`;

// The Civil Code's rules on counting periods apply unless a law says otherwise (art 204).
const CIVIL_CODE_COUNTING =
  'PRC Civil Code art 201 (the starting day is not counted) and art 203 (a period whose last day is a statutory rest day ends on the day after the rest ends; an adjusted working weekend is not a rest day)';

// Regulators' app rules give manual correction, deletion and account closure a shorter
// clock than the standard's 30 days.
const APP_ACCOUNT_RULE: DeadlinePolicy = {
  amount: 15,
  unit: 'workingDays',
  // The app rules count from acceptance of the request, which for us follows the
  // identity check that the controller's policy requires before acting.
  clockStarts: 'identityVerified',
  rollForwardToWorkingDay: false,
  citation: `${GBT} §8.5; App违法违规收集使用个人信息行为认定方法 (国信办秘字〔2019〕191号) item 6: manual handling of correction, deletion or account closure within the promised period, at most 15 working days`,
  countingCitation: `${CIVIL_CODE_COUNTING}; working days per the State Council arrangement, so the result is always a working day`,
};

/** The CAC's 2026 draft rule on the cancellation of app accounts (征求意见稿). */
const CAC_ACCOUNT_CANCELLATION_2026 = '国家互联网信息办公室《移动互联网应用程序账号注销管理规定（征求意见稿）》(2026)';

// Account closure runs by the CAC draft: finished within 15 working days of the request (the
// cooling-off period included), counted from receipt, not from verification.
const ACCOUNT_CANCELLATION_RULE: DeadlinePolicy = {
  amount: 15,
  unit: 'workingDays',
  clockStarts: 'receipt',
  rollForwardToWorkingDay: false,
  citation: `${CAC_ACCOUNT_CANCELLATION_2026}: cancellation completed within 15 working days of the user's request, any cooling-off period included; ${GBT} §8.5`,
  countingCitation: `${CIVIL_CODE_COUNTING}; working days per the State Council arrangement, so the result is always a working day`,
};

// Withdrawal, restriction and objection: PIPL asks for a convenient way and a timely answer
// (及时) but sets no number. The controller's figure: the regulators' 15 working days for the
// account rights, so a withdrawal is never slower than a deletion.
const MANAGE_PROMPTLY: DeadlinePolicy = {
  ...APP_ACCOUNT_RULE,
  citation: `PIPL art 15 (a convenient way to withdraw consent), art 50 para 1 (accept and handle requests promptly; reasons for a refusal); no period set by law: the controller's figure, the 15 working days of ${GBT} §8.5 and the app rules for the account rights`,
};

// A child's data collected by mistake: the seed policy promises deletion "as soon as possible"
// and PIPL art 31 (under 14) and art 28 (a minor's data is sensitive) set no number. The
// controller's figure: 5 working days from receipt, a third of the app rules' 15, since
// compliance opens the deletion itself and no identity has to be checked.
const CHILD_DATA_PROMPTLY: DeadlinePolicy = {
  ...APP_ACCOUNT_RULE,
  amount: 5,
  clockStarts: 'receipt',
  citation: `${POLICY_CHILDREN} (delete as soon as possible); PIPL art 31 (minors under 14), art 28 (a minor's personal information is sensitive), art 47 para 1 (delete on one's own motion); no period set by law: the controller's figure`,
};

export const CN_PIPL: RegimePolicy = {
  key: 'CN_PIPL',
  name: 'China PIPL',
  citation: `PIPL arts 44-50; ${GBT} §8.7`,
  deadline: {
    amount: 30,
    unit: 'calendarDays',
    clockStarts: 'identityVerified',
    rollForwardToWorkingDay: true,
    citation: `${GBT} §8.7 a) (reply within 30 days after verifying identity, or the period set by law); ${POLICY_CONTACT}`,
    countingCitation: CIVIL_CODE_COUNTING,
  },
  deadlineOverrides: {
    CORRECTION: APP_ACCOUNT_RULE,
    DELETION: APP_ACCOUNT_RULE,
    ACCOUNT_CLOSURE: ACCOUNT_CANCELLATION_RULE,
    MANAGE: MANAGE_PROMPTLY,
  },
  childDataDeletion: CHILD_DATA_PROMPTLY,
  extension: null,
  acknowledgement: null,
  appeal: null,
  pausesWhileAwaitingSubject: false,
  pauseCitation: `${GBT} §8.7 a): the clock starts only once identity is verified, so the wait for identity is already outside it; no rule stops it afterwards`,
  fees: {
    freeRequestsPerWindow: 2,
    window: { amount: 12, unit: 'calendarMonths' },
    countedRequestTypes: ALL_REQUEST_TYPES,
    // The controller's own figure: neither law nor standard fixes one. Two free
    // requests a year follows the number other laws (CCPA, VCDPA) use.
    // The amount and currency are the controller's: its profile's `fees.cost` for the regime.
    costFeeAllowed: true,
    repeatRule: 'Free in principle; repeated requests within a period may carry a cost fee.',
    excessiveRule: 'Repeated, excessive or unreasonable requests may be charged a cost, postponed or rejected.',
    feeForExcessive: true,
    citation: `${GBT} §8.7 c); ${POLICY_RIGHTS}`,
  },
  refusalGrounds: [
    {
      code: 'IDENTITY_NOT_VERIFIED',
      description: "The requester's identity could not be verified; nothing is disclosed or changed.",
      citation: `${GBT} §8.7 a); ${POLICY_PROTECTION} (strict validation of identity)`,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'NATIONAL_SECURITY_DEFENCE',
      description: 'Directly related to national security or national defence.',
      citation: NO_RESPONSE,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'PUBLIC_SECURITY_HEALTH_INTEREST',
      description: 'Directly related to public security, public health or major public interests.',
      citation: NO_RESPONSE,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'CRIMINAL_PROCEEDINGS',
      description: 'Directly related to criminal investigation, prosecution, trial or enforcement of judgment.',
      citation: NO_RESPONSE,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'MALICE_OR_ABUSE_OF_RIGHTS',
      description: 'There is substantial evidence of malice or abuse of rights by the requester.',
      citation: NO_RESPONSE,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'SERIOUS_HARM_TO_OTHERS',
      description: 'Responding would seriously damage the legitimate interests of other individuals or organisations.',
      citation: NO_RESPONSE,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'OTHER_LEGAL_REQUIREMENT',
      description: 'Other circumstances required by laws or administrative regulations.',
      citation: `PIPL arts 44, 45 (unless laws or administrative regulations provide otherwise); ${POLICY_RIGHTS}`,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'RETENTION_REQUIRED_BY_LAW',
      description:
        'The retention period set by law or administrative regulation has not expired: stop all processing except storage and necessary security measures.',
      citation: 'PIPL art 47 para 2',
      appliesTo: ERASURE_TYPES,
    },
    {
      code: 'DELETION_TECHNICALLY_INFEASIBLE',
      description: 'Deletion is technically hard to achieve: stop all processing except storage and necessary security measures.',
      citation: 'PIPL art 47 para 2',
      appliesTo: ERASURE_TYPES,
    },
  ],
  handlingNotes: [
    {
      code: 'CHILD_DATA_COLLECTED_BY_MISTAKE',
      description: 'Personal data of a child under 18 collected by mistake is deleted as soon as possible, without waiting for a request.',
      citation: `${POLICY_CHILDREN}; PIPL art 31 (minors under 14)`,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'LEGAL_HOLD',
      description:
        'Data that law or a government order requires to be kept (national security, cybersecurity) is kept until that duty ends, used for nothing else.',
      citation: `PIPL art 47 para 2; Cybersecurity Law art 21(3) (network logs kept at least six months); ${POLICY_STORAGE_PERIOD}`,
      appliesTo: ERASURE_TYPES,
    },
    {
      code: 'REASONS_FOR_REFUSAL',
      description: 'A refusal states its reasons and tells the subject of the right to sue and to complain.',
      citation: `PIPL art 50; ${GBT} §8.7 e)`,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'BILINGUAL_REPLY',
      description: 'Reply in Chinese and English where possible; the Chinese text prevails.',
      citation: POLICY_VERSION,
      appliesTo: ALL_REQUEST_TYPES,
    },
  ],
  rights: {
    manage: {
      citation: 'PIPL art 15 (withdrawal of consent, by a convenient way), art 44 (restrict or refuse processing), art 24 para 2 (refuse personalised recommendations)',
      withdrawalEffect: 'PIPL art 15 para 2',
    },
    portability: {
      citation: 'PIPL art 45 para 3; Network Data Security Management Regulations (网络数据安全管理条例, in force 2025-01-01) art 25 (check): identity verified, data the person consented to provide or collected under contract, technically feasible, no harm to others',
      feeRule: 'Free in principle; where requests to transfer clearly exceed a reasonable number, a necessary fee based on the cost of the transfer.',
      feeCitation: 'Network Data Security Management Regulations art 25 para 2 (check); GB/T 35273-2020 §8.7 c)',
    },
  },
  complaintRights: {
    text: {
      en: 'If we refuse your request, you may sue us in a People’s Court (PIPL art 50). You may also complain about or report our handling of personal information to the departments responsible for personal information protection, such as the Cyberspace Administration of China (PIPL art 65).',
      zh: '如我们拒绝您行使权利的请求，您可以依法向人民法院提起诉讼（《个人信息保护法》第五十条）。您也可以向国家网信部门等履行个人信息保护职责的部门投诉、举报（第六十五条）。',
    },
    citation: 'PIPL arts 50, 65',
  },
  reminders: STANDARD_REMINDERS,
  verificationWindow: {
    days: 30,
    reason:
      'The reply clock starts only at verification, so without a limit an unverified request would stay open for ever; 30 days matches the reply period and leaves time to answer by post or phone.',
  },
  feeResponseWindow: {
    days: 30,
    reason: 'The same 30 days the subject had to verify: long enough to pay by any means, short enough to close stale requests.',
  },
  accountClosure: {
    coolingOff: {
      cancelledBySignIn: true,
      citation: `${CAC_ACCOUNT_CANCELLATION_2026}: a cooling-off period the platform announces, during which signing in again cancels the cancellation`,
    },
    blockers: [
      {
        code: 'UNEXPIRED_PAID_SERVICE',
        reason: {
          en: 'Your account still has a paid service that has not expired. Let it expire or cancel it (any refund follows its terms), then ask again to close the account.',
          zh: '您的账户仍有未到期的付费服务。请待其到期或先行退订（退款按服务条款办理），再申请注销账户。',
        },
        citation: `${CAC_ACCOUNT_CANCELLATION_2026}: cancellation may be postponed while the account has unexpired paid services, which the platform must state`,
      },
      {
        code: 'OPEN_DISPUTE',
        reason: {
          en: 'A dispute about your account (a complaint, a payment or an order) is still open. Once it is settled you may ask again to close the account.',
          zh: '您的账户仍有未处理完毕的纠纷（投诉、支付或订单）。纠纷处理完毕后，您可以再次申请注销账户。',
        },
        citation: `${CAC_ACCOUNT_CANCELLATION_2026}: cancellation may be postponed while a dispute over the account is unresolved, which the platform must state`,
      },
    ],
    noBiometricReverification: {
      citation: `${CAC_ACCOUNT_CANCELLATION_2026}: no new face recognition or handheld-ID photo may be demanded to cancel an account`,
    },
  },
};
