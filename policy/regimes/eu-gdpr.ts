// European Union: General Data Protection Regulation (EU) 2016/679, arts 12, 15-17, 23.
import type { RegimePolicy } from '../regime-policy';
import { ALL_REQUEST_TYPES, STANDARD_REMINDERS } from './common';
import { gdprRefusalGrounds } from './gdpr-grounds';

export const EU_GDPR: RegimePolicy = {
  key: 'EU_GDPR',
  name: 'EU GDPR',
  citation: 'GDPR arts 12, 15-17, 23',
  deadline: {
    amount: 1,
    unit: 'calendarMonths',
    clockStarts: 'receipt',
    rollForwardToWorkingDay: true,
    citation: 'GDPR art 12(3) (without undue delay and in any event within one month of receipt of the request)',
    countingCitation:
      'Regulation (EEC, Euratom) No 1182/71 art 3(1), 3(2)(c), 3(4): the day of receipt is not counted; a month ends on the same date (or the last day of a shorter month); a period ending on a Saturday, Sunday or public holiday ends on the next working day',
  },
  extension: {
    amount: 2,
    unit: 'calendarMonths',
    maxTimes: 1,
    noticeWithinOriginalPeriod: true,
    citation: 'GDPR art 12(3) (two further months where necessary for complexity or number of requests; inform the subject, with reasons, within one month of receipt)',
  },
  acknowledgement: null,
  appeal: null,
  pausesWhileAwaitingSubject: false,
  pauseCitation: 'GDPR art 12(3) runs from receipt; art 12(6) lets the controller ask for identity information but does not stop the clock',
  fees: {
    freeRequestsPerWindow: null,
    window: null,
    countedRequestTypes: [],
    // The controller's figure for further copies and excessive requests, reflecting
    // administrative cost as art 12(5) and 15(3) require.
    // The amount and currency are the controller's: its profile's `fees.cost` for the regime.
    costFeeAllowed: true,
    repeatRule: 'Free; a reasonable fee based on administrative costs for any further copies requested (art 15(3)).',
    excessiveRule:
      'Manifestly unfounded or excessive requests, in particular repetitive ones: a reasonable fee or refusal; the controller bears the burden of proof (art 12(5)).',
    feeForExcessive: true,
    citation: 'GDPR arts 12(5), 15(3)',
  },
  refusalGrounds: [
    ...gdprRefusalGrounds('GDPR'),
    {
      code: 'RESTRICTION_BY_LAW',
      description: 'A Union or Member State law restricts the right under art 23 (e.g. national security, crime prevention, protection of others).',
      citation: 'GDPR art 23',
      appliesTo: ALL_REQUEST_TYPES,
    },
  ],
  handlingNotes: [
    {
      code: 'NOT_ACTING_NOTICE',
      description: 'If not acting on the request, tell the subject within one month of receipt, with reasons and the right to complain and to go to court.',
      citation: 'GDPR art 12(4)',
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'ERASURE_NOTIFY_RECIPIENTS',
      description: 'Tell each recipient of the data about a rectification or erasure, unless impossible or disproportionate.',
      citation: 'GDPR art 19',
      appliesTo: ['CORRECTION', 'DELETION', 'ACCOUNT_CLOSURE'],
    },
  ],
  rights: {
    manage: { citation: 'GDPR arts 7(3) (withdrawal of consent), 18 (restriction), 21 (objection; 21(3) direct marketing)', withdrawalEffect: 'GDPR art 7(3)' },
    portability: { citation: 'GDPR art 20', feeRule: 'Free; a manifestly unfounded or excessive request: a reasonable fee or refusal.', feeCitation: 'GDPR art 12(5)' },
  },
  complaintRights: {
    text: {
      en: 'You have the right to lodge a complaint with a supervisory authority, in particular in the EU Member State of your habitual residence, place of work or place of the alleged infringement (GDPR art 77), and the right to an effective judicial remedy against us (GDPR art 79).',
    },
    citation: 'GDPR arts 12(4), 77, 79',
  },
  reminders: STANDARD_REMINDERS,
  verificationWindow: {
    days: 21,
    reason:
      'The clock runs from receipt and does not stop for identity checks, so the request must be closed in time to send the art 12(4) notice within the month: 21 days leaves at least a week even in February.',
  },
  feeResponseWindow: {
    days: 21,
    reason: 'The clock keeps running while a fee is awaited, so the same 21 days as for identity leaves time to reply within the month.',
  },
};
