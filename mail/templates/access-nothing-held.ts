// The reply to an access request when no store holds anything about the requester: said
// plainly, with the systems searched, and no download package (there is nothing to put in one).
import type { Language } from '../../domain/request-kinds';
import { bulletList } from './format';
import { renderBilingual, type Rendered } from './layout';

export interface AccessNothingHeldFacts {
  requestId: string;
  language: Language;
  /** The systems searched for the requester's data, by name. */
  searched: string[];
}

/** The access reply for a requester of whom nothing is held. */
export function accessNothingHeldMail(p: AccessNothingHeldFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '我们未持有您的个人信息',
        paragraphs: [
          `针对您的查询请求（编号 ${p.requestId}），我们检索了保存个人信息的全部系统：\n${bulletList(p.searched)}`,
          '在上述系统中，我们未持有任何与您有关的个人信息，因此没有可供下载的内容。',
          '如您认为我们应当持有您的信息（例如您曾以其他电子邮件地址与我们联系），请告知我们，我们将再次核查。',
        ],
      },
      en: {
        subject: 'We hold no personal information about you',
        paragraphs: [
          `In answer to your access request (reference ${p.requestId}), we searched every system in which we keep personal information:\n${bulletList(p.searched)}`,
          'We hold no personal information about you in any of them, so there is nothing to download.',
          'If you believe we should hold information about you (for instance under another e-mail address you gave us), please tell us and we will look again.',
        ],
      },
    },
    p.language,
  );
}
