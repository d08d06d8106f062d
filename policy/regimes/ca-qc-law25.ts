// Québec: Act respecting the protection of personal information in the private sector
// (CQLR c P-39.1), as amended by Law 25 (S.Q. 2021, c. 25).
import type { RegimePolicy } from '../regime-policy';
import { ALL_REQUEST_TYPES, ERASURE_TYPES, POLICY_WITHDRAWAL_EFFECT, STANDARD_REMINDERS } from './common';

export const CA_QC_LAW25: RegimePolicy = {
  key: 'CA_QC_LAW25',
  name: 'Québec Law 25 (private sector act)',
  citation: 'CQLR c P-39.1 ss.27-43',
  deadline: {
    amount: 30,
    unit: 'calendarDays',
    clockStarts: 'receipt',
    rollForwardToWorkingDay: false,
    citation: 'P-39.1 s.32 (respond in writing, with diligence and within 30 days of receipt; no answer in time is deemed a refusal)',
    countingCitation:
      'Interpretation Act (CQLR c I-16) s.52 would allow acting on the next day that is not a holiday; we do not rely on it, so that silence never becomes a deemed refusal',
  },
  extension: null,
  acknowledgement: null,
  appeal: null,
  pausesWhileAwaitingSubject: false,
  pauseCitation: 'P-39.1 s.32: the 30 days run from receipt of the request',
  fees: {
    freeRequestsPerWindow: null,
    window: null,
    countedRequestTypes: [],
    // Only transcription, copying or sending may be charged, at a reasonable amount
    // announced in advance.
    // The amount and currency are the controller's: its profile's `fees.cost` for the regime.
    costFeeAllowed: true,
    repeatRule: 'Access is free; a reasonable charge for transcribing, reproducing or transmitting the information, told to the applicant beforehand (s.33).',
    excessiveRule: 'The Act gives no fee or refusal for excessive requests; refuse only on the grounds it lists.',
    feeForExcessive: false,
    citation: 'P-39.1 s.33',
  },
  refusalGrounds: [
    {
      code: 'SERIOUS_HARM_TO_HEALTH',
      description: 'Disclosure would likely cause serious harm to the person’s health; offer access through a health professional.',
      citation: 'P-39.1 s.37',
      appliesTo: ['ACCESS'],
    },
    {
      code: 'CRIME_INQUIRY_OR_JUDICIAL_PROCEEDINGS',
      description: 'Disclosure would likely hinder an inquiry to prevent, detect or repress crime, or affect judicial proceedings.',
      citation: 'P-39.1 s.39',
      appliesTo: ['ACCESS'],
    },
    {
      code: 'THIRD_PARTY_INFORMATION',
      description: 'Disclosure would likely reveal information about a third person and seriously harm them, without their consent.',
      citation: 'P-39.1 s.40',
      appliesTo: ['ACCESS'],
    },
    {
      code: 'DATA_ACCURATE',
      description: 'The information is not inaccurate, incomplete or equivocal, and its collection was authorised by law.',
      citation: 'P-39.1 s.28',
      appliesTo: ['CORRECTION'],
    },
    {
      code: 'RETENTION_REQUIRED_BY_LAW',
      description: 'A retention period set by law has not expired.',
      citation: 'P-39.1 s.23',
      appliesTo: ERASURE_TYPES,
    },
  ],
  handlingNotes: [
    {
      code: 'WRITTEN_REASONED_REFUSAL',
      description: 'A refusal is in writing, gives reasons and the provision relied on, the recourse available and its time limit, and offers help to understand it.',
      citation: 'P-39.1 s.34',
      appliesTo: ALL_REQUEST_TYPES,
    },
  ],
  rights: {
    manage: { citation: 'Private Sector Act (CQLR c P-39.1) ss 8.1, 12, 14 (consent, its withdrawal; check)', withdrawalEffect: POLICY_WITHDRAWAL_EFFECT },
    portability: { citation: 'Private Sector Act s 27 para 3 (computerized personal information provided, in a structured, commonly used technological format; check)', feeRule: 'Free but for transcription, reproduction or transmission.', feeCitation: 'Private Sector Act s 33' },
  },
  complaintRights: {
    text: {
      en: "You may apply to the Commission d'accès à l'information du Québec to examine the disagreement within 30 days of our refusal or of the end of the time we had to respond (P-39.1 ss.42-43).",
      fr: "Vous pouvez soumettre une demande d'examen de mésentente à la Commission d'accès à l'information dans les 30 jours suivant notre refus ou l'expiration du délai pour répondre (Loi sur la protection des renseignements personnels dans le secteur privé, art. 42 et 43).",
    },
    citation: 'P-39.1 ss.34, 42, 43',
  },
  reminders: STANDARD_REMINDERS,
  verificationWindow: {
    days: 20,
    reason: 'The 30 days run from receipt and silence is a deemed refusal (s.32); closing at day 20 leaves 10 days to send a written, reasoned refusal (s.34).',
  },
  feeResponseWindow: {
    days: 20,
    reason: 'The 30 days keep running while a charge is awaited; 20 days leaves time to respond in writing.',
  },
};
