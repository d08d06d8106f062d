import type { Language } from '../../domain/request-kinds';
import { renderBilingual, type Rendered } from './layout';

/** The mail that announces an erasure confirmed by code, with the link to cancel it before it starts. */
export function erasurePendingMail(p: { requestId: string; hours: number; cancelUrl: string; language: Language }): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的删除请求将在等待期后执行',
        paragraphs: [
          `您的身份已验证（请求编号 ${p.requestId}）。为防止他人冒用您的身份，删除将在 ${p.hours} 小时后开始。`,
          `如果您不希望删除，请在此之前打开此链接撤回请求：${p.cancelUrl}`,
        ],
      },
      en: {
        subject: 'Your erasure request will be carried out after a waiting period',
        paragraphs: [
          `Your identity is verified (reference ${p.requestId}). So that no one else can have your data erased in your name, the erasure starts in ${p.hours} hours.`,
          `If you do not want it, withdraw the request before then through this link: ${p.cancelUrl}`,
        ],
      },
    },
    p.language,
  );
}
