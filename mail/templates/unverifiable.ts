import type { Language } from '../../domain/request-kinds';
import { renderBilingual, type Rendered } from './layout';

/** Tells the requester that the request was closed because identity was never verified. */
export function unverifiableMail(p: { requestId: string; language: Language }): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的请求已关闭：身份未验证',
        paragraphs: [
          `您的请求（编号 ${p.requestId}）因未在规定期限内完成身份验证而关闭。为保护您的个人信息，我们只对已验证身份的请求采取行动。`,
          '您可以随时重新提交请求。',
        ],
      },
      en: {
        subject: 'Your request was closed: identity not verified',
        paragraphs: [
          `Your request (reference ${p.requestId}) was closed because your identity was not verified in time. To protect your personal information we act only on verified requests.`,
          'You may submit a new request at any time.',
        ],
      },
    },
    p.language,
  );
}
