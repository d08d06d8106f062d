// Virginia: Consumer Data Protection Act (Va. Code §§59.1-575 to 59.1-585).
import type { RefusalGround, RegimePolicy } from '../regime-policy';
import { ALL_REQUEST_TYPES, POLICY_WITHDRAWAL_EFFECT, STANDARD_REMINDERS } from './common';

// §59.1-582 lists what the Act does not restrict; the item numbers are not cited
// because later amendments renumber them.
const exemption = (code: string, description: string): RefusalGround => ({
  code,
  description,
  citation: 'Va. Code §59.1-582(A)',
  appliesTo: ALL_REQUEST_TYPES,
});

export const US_VA_VCDPA: RegimePolicy = {
  key: 'US_VA_VCDPA',
  name: 'Virginia VCDPA',
  citation: 'Va. Code §§59.1-577, 59.1-582',
  deadline: {
    amount: 45,
    unit: 'calendarDays',
    clockStarts: 'receipt',
    rollForwardToWorkingDay: false,
    citation: 'Va. Code §59.1-577(B)(1) (without undue delay, and in all cases within 45 days of receipt)',
    countingCitation: 'The day of receipt is not counted; no Virginia rule moves this deadline off a weekend or holiday, so we answer by the 45th day',
  },
  extension: {
    amount: 45,
    unit: 'calendarDays',
    maxTimes: 1,
    noticeWithinOriginalPeriod: true,
    citation: 'Va. Code §59.1-577(B)(1) (once, by 45 days, when reasonably necessary; notice with reasons within the initial 45 days)',
  },
  acknowledgement: null,
  appeal: {
    amount: 60,
    unit: 'calendarDays',
    citation: 'Va. Code §59.1-577(C) (decide an appeal within 60 days of receipt, in writing with reasons; if denied, say how to complain to the Attorney General)',
  },
  pausesWhileAwaitingSubject: false,
  pauseCitation: 'Va. Code §59.1-577(B)(1), (B)(4): the 45 days run from receipt; asking for authentication information does not stop them',
  fees: {
    freeRequestsPerWindow: 2,
    // "Twice annually" read as any 12 months, which is never less generous to the
    // controller's duty than a calendar year.
    window: { amount: 12, unit: 'calendarMonths' },
    countedRequestTypes: ALL_REQUEST_TYPES,
    // The amount and currency are the controller's: its profile's `fees.cost` for the regime.
    costFeeAllowed: true,
    repeatRule: 'Free up to twice annually per consumer (§59.1-577(B)(3)).',
    excessiveRule:
      'Manifestly unfounded, excessive or repetitive requests: a reasonable fee for administrative costs, or decline; the controller bears the burden (§59.1-577(B)(3)).',
    feeForExcessive: true,
    citation: 'Va. Code §59.1-577(B)(3)',
  },
  refusalGrounds: [
    {
      code: 'UNAUTHENTICATED',
      description: 'The request cannot be authenticated with commercially reasonable efforts; more information may be asked for.',
      citation: 'Va. Code §59.1-577(B)(4)',
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'MANIFESTLY_UNFOUNDED_OR_EXCESSIVE',
      description: 'The request is manifestly unfounded, excessive or repetitive; the controller must show it.',
      citation: 'Va. Code §59.1-577(B)(3)',
      appliesTo: ALL_REQUEST_TYPES,
    },
    exemption('LEGAL_COMPLIANCE', 'Needed to comply with federal, state or local laws, rules or regulations.'),
    exemption('GOVERNMENT_INQUIRY', 'Needed to comply with a civil, criminal or regulatory inquiry, investigation, subpoena or summons.'),
    exemption('LAW_ENFORCEMENT_COOPERATION', 'Cooperation with law enforcement about conduct reasonably believed unlawful.'),
    exemption('LEGAL_CLAIMS', 'Needed to investigate, establish, exercise, prepare for or defend legal claims.'),
    exemption('CONTRACT_OR_REQUESTED_SERVICE', 'Needed to provide a product or service the consumer asked for, or to perform a contract with the consumer.'),
    exemption('VITAL_INTERESTS', 'Needed to protect the life or physical safety of the consumer or another person.'),
    exemption('SECURITY_AND_FRAUD', 'Needed to prevent, detect or respond to security incidents, identity theft, fraud, harassment or illegal activity.'),
  ],
  handlingNotes: [
    {
      code: 'DECLINE_NOTICE',
      description: 'When declining, give the justification and how to appeal, within 45 days of receipt.',
      citation: 'Va. Code §59.1-577(B)(2)',
      appliesTo: ALL_REQUEST_TYPES,
    },
  ],
  rights: {
    manage: { citation: 'Va. Code §59.1-577 A 5 (opt out of targeted advertising, sale, profiling)', withdrawalEffect: POLICY_WITHDRAWAL_EFFECT },
    portability: {
      citation: 'Va. Code §59.1-577 A 4 (a copy of the data the consumer provided, in a portable and readily usable format)',
      feeRule: 'Free up to twice a year; then a fee or refusal.',
      feeCitation: 'Va. Code §59.1-577 C 4',
    },
  },
  complaintRights: {
    text: {
      en: 'You may appeal our decision to us, and we will answer in writing within 60 days (Va. Code §59.1-577(C)). If we deny your appeal, you may submit a complaint to the Virginia Attorney General, who enforces the Act (§§59.1-577(C), 59.1-584).',
    },
    citation: 'Va. Code §§59.1-577(C), 59.1-584',
  },
  reminders: STANDARD_REMINDERS,
  verificationWindow: {
    days: 30,
    reason: 'The 45 days run from receipt whatever authentication takes; closing at day 30 leaves 15 days to send the decline notice or extend.',
  },
  feeResponseWindow: {
    days: 30,
    reason: 'The 45 days keep running while a fee is awaited; 30 days leaves time to answer or extend.',
  },
};
