// California: Consumer Privacy Act as amended by the Privacy Rights Act (Cal. Civ.
// Code §1798.100 ff.) and the CPPA's regulations (Cal. Code Regs. tit. 11, §7000 ff.).
import type { RefusalGround, RegimePolicy } from '../regime-policy';
import { ALL_REQUEST_TYPES, ERASURE_TYPES, POLICY_WITHDRAWAL_EFFECT, STANDARD_REMINDERS } from './common';

const DELETION_EXCEPTIONS: ReadonlyArray<readonly [number, string, string]> = [
  [1, 'DELETION_TRANSACTION_OR_CONTRACT', 'Needed to complete the transaction, honour a warranty or recall, provide a requested good or service, or perform a contract with the consumer.'],
  [2, 'DELETION_SECURITY_AND_INTEGRITY', 'Needed for security and integrity, as far as reasonably necessary and proportionate.'],
  [3, 'DELETION_DEBUGGING', 'Needed to debug and repair errors that impair intended functionality.'],
  [4, 'DELETION_FREE_SPEECH', 'Needed to exercise free speech, ensure another consumer’s free speech, or exercise another legal right.'],
  [5, 'DELETION_CALECPA', 'Needed to comply with the California Electronic Communications Privacy Act (Penal Code §1546 ff.).'],
  [6, 'DELETION_RESEARCH', 'Public or peer-reviewed research in the public interest, with informed consent, that deletion would make impossible or seriously impair.'],
  [7, 'DELETION_INTERNAL_USES', 'Solely internal uses reasonably aligned with the consumer’s expectations and compatible with the context of collection.'],
  [8, 'DELETION_LEGAL_OBLIGATION', 'Needed to comply with a legal obligation.'],
];

const deletionExceptions: RefusalGround[] = DELETION_EXCEPTIONS.map(([n, code, description]) => ({
  code,
  description,
  citation: `Cal. Civ. Code §1798.105(d)(${n})`,
  appliesTo: ERASURE_TYPES,
}));

export const US_CA_CCPA: RegimePolicy = {
  key: 'US_CA_CCPA',
  name: 'California CCPA/CPRA',
  citation: 'Cal. Civ. Code §§1798.100-1798.199.100; 11 CCR §§7020-7028',
  deadline: {
    amount: 45,
    unit: 'calendarDays',
    clockStarts: 'receipt',
    rollForwardToWorkingDay: false,
    citation: 'Cal. Civ. Code §1798.130(a)(2)(A); 11 CCR §7021(b) (45 calendar days from receipt, regardless of the time needed to verify)',
    countingCitation:
      'Cal. Civ. Code §10 (the first day is excluded); §12a might carry a deadline past a holiday, but the CCPA and its regulations speak of calendar days, so we answer by the 45th day, which is always lawful',
  },
  deadlineOverrides: {
    // An opt-out of sale or sharing (and a limit on sensitive data) is honoured within 15
    // business days of receipt, however long the reply to other requests may take.
    MANAGE: {
      amount: 15,
      unit: 'workingDays',
      clockStarts: 'receipt',
      rollForwardToWorkingDay: false,
      citation: '11 CCR §7026(f)(1) (comply with a request to opt out of sale/sharing as soon as feasibly possible, no later than 15 business days from receipt); §7027(g)(1) (limit the use of sensitive personal information, likewise)',
      countingCitation: 'business days: the California state holidays calendar; the 15th business day is always a business day',
    },
  },
  extension: {
    amount: 45,
    unit: 'calendarDays',
    maxTimes: 1,
    noticeWithinOriginalPeriod: true,
    citation: 'Cal. Civ. Code §1798.130(a)(2)(A); 11 CCR §7021(b) (once, up to 45 more days, 90 in total, with notice and reasons within the first 45)',
  },
  acknowledgement: {
    amount: 10,
    unit: 'workingDays',
    citation: '11 CCR §7021(a) (confirm receipt within 10 business days and say how the request will be processed)',
  },
  appeal: null,
  pausesWhileAwaitingSubject: false,
  pauseCitation: '11 CCR §7021(b): the 45 days run regardless of the time required to verify the request',
  fees: {
    freeRequestsPerWindow: 2,
    window: { amount: 12, unit: 'calendarMonths' },
    // Portability is part of the right to know (§1798.130(a)(2)(B)): it counts towards the same two a year.
    countedRequestTypes: ['ACCESS', 'PORTABILITY'],
    // The amount and currency are the controller's: its profile's `fees.cost` for the regime.
    costFeeAllowed: true,
    repeatRule: 'Free; access (the right to know) need not be answered more than twice in 12 months (§1798.130(b)).',
    excessiveRule:
      'Manifestly unfounded or excessive requests, in particular repetitive ones: a reasonable fee or refusal with reasons; the business bears the burden (§1798.145(h)(3)).',
    feeForExcessive: true,
    citation: 'Cal. Civ. Code §§1798.130(a)(2)(A), 1798.130(b), 1798.145(h)(3)',
  },
  refusalGrounds: [
    {
      code: 'UNVERIFIABLE',
      description: 'The consumer could not be verified within the 45 days: the request may be denied.',
      citation: '11 CCR §7021(b); Cal. Civ. Code §1798.140(ak) (verifiable consumer request)',
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'ACCESS_LIMIT_REACHED',
      description: 'The consumer has already received the information twice in the past 12 months.',
      citation: 'Cal. Civ. Code §1798.130(b)',
      appliesTo: ['ACCESS'],
    },
    {
      code: 'MANIFESTLY_UNFOUNDED_OR_EXCESSIVE',
      description: 'The request is manifestly unfounded or excessive, in particular repetitive; the business must show it.',
      citation: 'Cal. Civ. Code §1798.145(h)(3)',
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'LEGAL_COMPLIANCE',
      description: 'Complying would restrict the business’s ability to comply with federal, state or local law, or with legal process.',
      citation: 'Cal. Civ. Code §1798.145(a)(1)-(2)',
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'CORRECTION_INFORMATION_ACCURATE',
      description: 'On the totality of the circumstances the contested information is more likely than not accurate.',
      citation: 'Cal. Civ. Code §1798.106; 11 CCR §7023',
      appliesTo: ['CORRECTION'],
    },
    ...deletionExceptions,
  ],
  handlingNotes: [
    {
      code: 'DENIAL_EXPLAINED',
      description: 'A denial, in whole or in part, describes the basis for it; data not covered by an exception is still deleted.',
      citation: '11 CCR §7022',
      appliesTo: ERASURE_TYPES,
    },
  ],
  rights: {
    manage: {
      citation: 'Cal. Civ. Code §1798.120 (opt out of sale or sharing), §1798.121 (limit the use of sensitive personal information); 11 CCR §§7026, 7027',
      withdrawalEffect: POLICY_WITHDRAWAL_EFFECT,
      // Opting out (objecting, or withdrawing the consent a sale rests on) of a sale or sharing.
      optOutWithoutVerification: {
        disclosures: ['sale', 'sharing'],
        actions: ['OBJECT', 'WITHDRAW_CONSENT'],
        citation:
          '11 CCR §7026(d) (a request to opt out of sale/sharing need not be a verifiable consumer request; the business may ask only for what it needs to act on it); Cal. Civ. Code §1798.135(c)(1)',
      },
    },
    portability: {
      citation: 'Cal. Civ. Code §1798.130(a)(2)(B) (information provided in a portable, readily usable format that allows transmission to another entity)',
      feeRule: 'Part of the right to know: free, at most twice in 12 months.',
      feeCitation: 'Cal. Civ. Code §§1798.100(d), 1798.130(b)',
    },
  },
  complaintRights: {
    text: {
      en: 'You may file a complaint with the California Privacy Protection Agency (cppa.ca.gov) (Cal. Civ. Code §1798.199.45) or with the California Attorney General. The CCPA gives a right to sue only after certain data breaches (§1798.150).',
    },
    citation: 'Cal. Civ. Code §§1798.150, 1798.199.45',
  },
  reminders: STANDARD_REMINDERS,
  verificationWindow: {
    days: 30,
    reason: 'Verification time counts towards the 45 days (11 CCR §7021(b)); closing at day 30 leaves 15 days to send the denial or an extension notice.',
  },
  feeResponseWindow: {
    days: 30,
    reason: 'The 45 days keep running while a fee is awaited; 30 days leaves time to answer or extend.',
  },
};
