// Brazil: Lei Geral de Proteção de Dados Pessoais (LGPD, Lei 13.709/2018), arts 16-22.
import type { RegimePolicy } from '../regime-policy';
import { ALL_REQUEST_TYPES, ERASURE_TYPES, STANDARD_REMINDERS } from './common';

const retention = (item: string, code: string, description: string) => ({
  code,
  description,
  citation: `LGPD art 16(${item})`,
  appliesTo: ERASURE_TYPES,
});

export const BR_LGPD: RegimePolicy = {
  key: 'BR_LGPD',
  name: 'Brazil LGPD',
  citation: 'LGPD arts 16-22',
  deadline: {
    amount: 15,
    unit: 'calendarDays',
    clockStarts: 'receipt',
    rollForwardToWorkingDay: false,
    // Art 19 sets the period for access; the LGPD sets none for the other rights (art
    // 18 §5 leaves it to regulation), so the same 15 days are used for all of them.
    citation: 'LGPD art 19(II) (a clear and complete declaration within 15 days of the request)',
    countingCitation:
      'Código Civil art 132 (the first day is excluded); its §1 extends only a period ending on a holiday, not a weekend, and whether it reaches art 19 is unsettled, so we answer by the 15th day',
  },
  extension: null,
  acknowledgement: null,
  appeal: null,
  pausesWhileAwaitingSubject: false,
  pauseCitation: 'LGPD art 19(II): the 15 days run from the date of the request',
  fees: {
    freeRequestsPerWindow: null,
    window: null,
    countedRequestTypes: [],
    costFeeAllowed: false,
    repeatRule: 'Always free: requests are answered at no cost to the subject (art 18 §5).',
    excessiveRule: 'No fee is lawful; where the controller cannot act at once it gives the factual or legal reasons (art 18 §4(II)).',
    feeForExcessive: false,
    citation: 'LGPD art 18 §§4, 5',
  },
  refusalGrounds: [
    {
      code: 'NOT_THE_CONTROLLER',
      description: 'We are not the processing agent for this data; say so and name the agent where possible.',
      citation: 'LGPD art 18 §4(I)',
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'FACTUAL_OR_LEGAL_IMPEDIMENT',
      description: 'Factual or legal reasons prevent acting at once; they are given to the subject.',
      citation: 'LGPD art 18 §4(II)',
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'TRADE_SECRETS',
      description: 'The declaration respects commercial and industrial secrets.',
      citation: 'LGPD art 19(II)',
      appliesTo: ['ACCESS'],
    },
    retention('I', 'RETENTION_LEGAL_OBLIGATION', 'Kept to comply with a legal or regulatory obligation of the controller.'),
    retention('II', 'RETENTION_RESEARCH', 'Kept for study by a research body, anonymised where possible.'),
    retention('III', 'RETENTION_TRANSFER_TO_THIRD_PARTY', 'Kept for transfer to a third party, respecting the LGPD’s processing requirements.'),
    retention('IV', 'RETENTION_ANONYMISED_EXCLUSIVE_USE', 'Kept anonymised for the controller’s exclusive use, with no access by third parties.'),
  ],
  handlingNotes: [
    {
      code: 'SIMPLIFIED_REPLY_AT_ONCE',
      description: 'Confirmation that data is processed, or access to it, may be given at once in a simplified form; the full declaration follows within 15 days.',
      citation: 'LGPD art 19(I)',
      appliesTo: ['ACCESS'],
    },
  ],
  rights: {
    manage: { citation: 'LGPD art 18 IV (blocking), IX (revocation of consent), §2 (opposition); art 8 §5', withdrawalEffect: 'LGPD art 8 §5 (revocation ratifies processing done before it)' },
    portability: { citation: 'LGPD art 18 V (portability to another provider, per ANPD regulation)', feeRule: 'Free.', feeCitation: 'LGPD art 18 §5' },
  },
  complaintRights: {
    text: {
      en: 'You may petition the National Data Protection Authority (ANPD) against us (LGPD art 18 §1) or consumer protection bodies (art 18 §8), and you may defend your rights in court, individually or collectively (LGPD art 22).',
    },
    citation: 'LGPD arts 18 §1, 18 §8, 22',
  },
  reminders: STANDARD_REMINDERS,
  verificationWindow: {
    days: 10,
    reason: 'The 15 days run from the request (art 19(II)); closing an unverified request at day 10 leaves five days to give the reasons (art 18 §4).',
  },
  feeResponseWindow: null,
};
