// Refusal grounds that the EU GDPR and the UK GDPR share article for article; each
// regime file adds its own (art 23 restrictions, the UK's proportionate search).
import type { RefusalGround } from '../regime-policy';
import { ALL_REQUEST_TYPES, ERASURE_TYPES } from './common';

/** The shared GDPR grounds, cited to the EU or the UK text. */
export function gdprRefusalGrounds(law: 'GDPR' | 'UK GDPR'): RefusalGround[] {
  const erasure = (letter: string, code: string, description: string): RefusalGround => ({
    code,
    description,
    citation: `${law} art 17(3)(${letter})`,
    appliesTo: ERASURE_TYPES,
  });
  return [
    {
      code: 'IDENTITY_NOT_ESTABLISHED',
      description: 'The controller cannot identify the requester as the data subject, having asked for further information.',
      citation: `${law} arts 11(2), 12(2), 12(6)`,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'MANIFESTLY_UNFOUNDED_OR_EXCESSIVE',
      description: 'The request is manifestly unfounded or excessive, in particular repetitive; the controller must show it.',
      citation: `${law} art 12(5)(b)`,
      appliesTo: ALL_REQUEST_TYPES,
    },
    {
      code: 'RIGHTS_OF_OTHERS',
      description: 'A copy would adversely affect the rights and freedoms of others: withhold or redact that part.',
      citation: `${law} art 15(4)`,
      appliesTo: ['ACCESS'],
    },
    {
      code: 'DATA_ACCURATE',
      description: 'The data is accurate and complete for its purpose, so there is nothing to rectify.',
      citation: `${law} art 16`,
      appliesTo: ['CORRECTION'],
    },
    {
      code: 'ERASURE_NO_GROUND',
      description: 'None of the grounds for erasure applies (e.g. the data is still needed for a contract and no consent was withdrawn).',
      citation: `${law} art 17(1)`,
      appliesTo: ERASURE_TYPES,
    },
    erasure('a', 'ERASURE_FREEDOM_OF_EXPRESSION', 'Processing is necessary for exercising the right of freedom of expression and information.'),
    erasure(
      'b',
      'ERASURE_LEGAL_OBLIGATION_OR_PUBLIC_TASK',
      'Processing is necessary to comply with a legal obligation, or for a task in the public interest or in official authority.',
    ),
    erasure('c', 'ERASURE_PUBLIC_HEALTH', 'Processing is necessary for reasons of public interest in the area of public health.'),
    erasure(
      'd',
      'ERASURE_ARCHIVING_RESEARCH_STATISTICS',
      'Archiving in the public interest, scientific or historical research or statistics, where erasure would make it impossible or seriously impair it.',
    ),
    erasure('e', 'ERASURE_LEGAL_CLAIMS', 'Processing is necessary for the establishment, exercise or defence of legal claims.'),
  ];
}
