import type { Language } from '../../domain/request-kinds';
import { renderBilingual, type Rendered } from './layout';

/** The mail that carries a one-time identity verification code. */
/** `notMeUrl` is the signed link that withdraws the request, for a subject who did not make it. */
export function verificationCodeMail(p: { code: string; validMinutes: number; requestId: string; language: Language; notMeUrl?: string }): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的身份验证码',
        paragraphs: [
          `我们收到了您关于个人信息的请求（编号 ${p.requestId}）。在处理之前，我们需要验证您的身份。`,
          `您的验证码：${p.code}`,
          `验证码 ${p.validMinutes} 分钟内有效。`,
          p.notMeUrl ? `如果这不是您本人提出的请求，请打开此链接撤回该请求：${p.notMeUrl}` : '如果这不是您本人提出的请求，请忽略本邮件。',
        ],
      },
      en: {
        subject: 'Your identity verification code',
        paragraphs: [
          `We received your request about your personal information (reference ${p.requestId}). Before we act on it, we must verify your identity.`,
          `Your verification code: ${p.code}`,
          `The code is valid for ${p.validMinutes} minutes.`,
          p.notMeUrl ? `If you did not make this request, open this link to withdraw it: ${p.notMeUrl}` : 'If you did not make this request, ignore this message.',
        ],
      },
    },
    p.language,
  );
}
