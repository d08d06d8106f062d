// The reply to an access request when no store searched holds anything about the requester:
// said plainly, with every store of the data map and what was done there (a store that could
// not be searched is named as such), and no download package (there is nothing to put in one).
import type { Language } from '../../domain/request-kinds';
import type { StoreAccount } from '../../domain/store-account';
import { renderBilingual, type Rendered } from './layout';
import { storeAccountList } from './store-account';

export interface AccessNothingHeldFacts {
  requestId: string;
  language: Language;
  /** Every mapped store: searched and nothing found, or not searched with the reason. */
  searched: StoreAccount[];
}

/** The access reply for a requester of whom nothing is held in the stores searched. */
export function accessNothingHeldMail(p: AccessNothingHeldFacts): Rendered {
  const unsearched = p.searched.some((s) => s.result === 'NOT_SEARCHED');
  return renderBilingual(
    {
      zh: {
        subject: '我们未持有您的个人信息',
        paragraphs: [
          `针对您的查询请求（编号 ${p.requestId}），我们对保存个人信息的系统逐一处理如下：\n${storeAccountList(p.searched, 'zh')}`,
          unsearched
            ? '在已查找的系统中，我们未持有任何与您有关的个人信息，因此没有可供下载的内容。标明“未查找”的系统未能查找，原因如上。'
            : '在上述系统中，我们未持有任何与您有关的个人信息，因此没有可供下载的内容。',
          '如您认为我们应当持有您的信息（例如您曾以其他电子邮件地址与我们联系），请告知我们，我们将再次核查。',
        ],
      },
      en: {
        subject: 'We hold no personal information about you',
        paragraphs: [
          `In answer to your access request (reference ${p.requestId}), this is what we did in each system in which we keep personal information:\n${storeAccountList(p.searched, 'en')}`,
          unsearched
            ? 'In the systems we searched we hold no personal information about you, so there is nothing to download. The systems marked NOT SEARCHED could not be searched, for the reason given.'
            : 'We hold no personal information about you in any of them, so there is nothing to download.',
          'If you believe we should hold information about you (for instance under another e-mail address you gave us), please tell us and we will look again.',
        ],
      },
    },
    p.language,
  );
}
