import { GUARDIAN_NEEDS_ATTESTATION } from '../../domain/minor';
import type { Language } from '../../domain/request-kinds';
import { renderBilingual, type Rendered } from './layout';

/** Tells the requester that a guardian's request was refused: no member of staff checked the
 *  evidence of guardianship, so nothing was disclosed or erased (the reason in domain/minor.ts). */
export function guardianNotAttestedMail(p: { requestId: string; language: Language }): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的请求未被受理：监护关系未经核验',
        paragraphs: [`您的请求（编号 ${p.requestId}）未被受理，我们未披露或删除任何信息。`, GUARDIAN_NEEDS_ATTESTATION.zh],
      },
      en: {
        subject: 'Your request was refused: guardianship not checked',
        paragraphs: [`Your request (reference ${p.requestId}) was refused; nothing was disclosed or erased.`, GUARDIAN_NEEDS_ATTESTATION.en],
      },
    },
    p.language,
  );
}
