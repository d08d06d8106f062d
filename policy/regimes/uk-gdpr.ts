// United Kingdom: UK GDPR and Data Protection Act 2018, as amended by the Data (Use
// and Access) Act 2025 (art 12A time limits, art 15(1A) proportionate search).
import type { RegimePolicy } from '../regime-policy';
import { ALL_REQUEST_TYPES, STANDARD_REMINDERS } from './common';
import { gdprRefusalGrounds } from './gdpr-grounds';

export const UK_GDPR: RegimePolicy = {
  key: 'UK_GDPR',
  name: 'UK GDPR',
  citation: 'UK GDPR arts 12, 12A, 15-17, 23; Data Protection Act 2018',
  deadline: {
    amount: 1,
    unit: 'calendarMonths',
    // "The latest of" receipt, identity confirmed and fee paid: identity here. A fee
    // asked for later is passed in as a pause, which ends no later than restarting
    // the month at payment would, so it is the safe reading.
    clockStarts: 'identityVerified',
    rollForwardToWorkingDay: true,
    citation:
      'UK GDPR arts 12(3), 12A (one month from the latest of receipt of the request, of the information needed to confirm identity, and of any fee)',
    countingCitation:
      "ICO guidance on the right of access, 'How long do we have to comply?': the corresponding calendar date, else the last day of the month; a weekend or bank holiday moves it to the next working day",
  },
  extension: {
    amount: 2,
    unit: 'calendarMonths',
    maxTimes: 1,
    noticeWithinOriginalPeriod: true,
    citation: 'UK GDPR art 12A (two further months for complex or numerous requests; notice with reasons before the first month ends); ICO: three months from the start date',
  },
  acknowledgement: null,
  appeal: null,
  pausesWhileAwaitingSubject: true,
  pauseCitation:
    'UK GDPR art 12A: the period from the day the controller asks for information it reasonably needs (clarification, or a fee) to the day it receives it does not count',
  fees: {
    freeRequestsPerWindow: null,
    window: null,
    countedRequestTypes: [],
    // The amount and currency are the controller's: its profile's `fees.cost` for the regime.
    costFeeAllowed: true,
    repeatRule: 'Free; a reasonable fee based on administrative costs for further copies (art 15(3)).',
    excessiveRule:
      'Manifestly unfounded or excessive requests: a reasonable fee or refusal; the controller must justify it (art 12(5)). The clock starts when the fee is paid.',
    feeForExcessive: true,
    citation: 'UK GDPR arts 12(5), 12A, 15(3)',
  },
  refusalGrounds: [
    ...gdprRefusalGrounds('UK GDPR'),
    {
      code: 'BEYOND_PROPORTIONATE_SEARCH',
      description: 'Data that a reasonable and proportionate search would not find need not be provided.',
      citation: 'UK GDPR art 15(1A)',
      appliesTo: ['ACCESS'],
    },
    {
      code: 'DPA_2018_EXEMPTION',
      description: 'An exemption in the Data Protection Act 2018 applies (e.g. crime and taxation, legal privilege, third-party data).',
      citation: 'UK GDPR art 23; Data Protection Act 2018 s.15 and Schedules 2-4',
      appliesTo: ALL_REQUEST_TYPES,
    },
  ],
  handlingNotes: [
    {
      code: 'NOT_ACTING_NOTICE',
      description: 'If not acting on the request, tell the subject without undue delay and within the time limit, with reasons and the right to complain and to go to court.',
      citation: 'UK GDPR art 12(4)',
      appliesTo: ALL_REQUEST_TYPES,
    },
  ],
  rights: {
    manage: { citation: 'UK GDPR arts 7(3), 18, 21', withdrawalEffect: 'UK GDPR art 7(3)' },
    portability: { citation: 'UK GDPR art 20', feeRule: 'Free; a manifestly unfounded or excessive request: a reasonable fee or refusal.', feeCitation: 'UK GDPR art 12(5)' },
  },
  complaintRights: {
    text: {
      en: "You can complain to us. You also have the right to complain to the Information Commissioner's Office (ico.org.uk) (UK GDPR art 77; Data Protection Act 2018 s.165) and to apply to a court (UK GDPR art 79; Data Protection Act 2018 s.167).",
    },
    citation: 'UK GDPR arts 12(4), 77, 79; Data Protection Act 2018 ss.165, 167',
  },
  reminders: STANDARD_REMINDERS,
  verificationWindow: {
    days: 30,
    reason: 'The clock does not start until identity is confirmed (art 12A), so this only limits how long an unverified request stays open; 30 days matches the response period.',
  },
  feeResponseWindow: {
    days: 30,
    reason: 'The clock waits for the fee (art 12A); 30 days is ample to pay and stops stale requests piling up.',
  },
};
