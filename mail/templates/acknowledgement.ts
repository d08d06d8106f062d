import type { AcknowledgementFacts } from '../../domain/notices';
import { localized, requestTypeName, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

/** Confirms receipt: what was asked, under which law, what happens next and by when. */
export function acknowledgementMail(p: MailContext & AcknowledgementFacts): Rendered {
  const { requestId, regime, dueDate } = p;
  const verifyFirst = p.nextStep === 'verify-identity';
  return renderBilingual(
    {
      zh: {
        subject: '我们已收到您的请求',
        paragraphs: [
          `我们已收到您关于${requestTypeName(p.requestType, 'zh')}的请求（编号 ${requestId}），将依据${localized(regime.name, 'zh')}（${regime.citation}）予以处理。`,
          verifyFirst
            ? '下一步：我们将另行发送邮件验证您的身份。为保护您的个人信息，我们仅在身份验证通过后处理请求。'
            : '下一步：我们将在各业务系统中查找与您相关的个人信息并按您的请求处理，完成后以邮件答复您。',
          dueDate
            ? `我们将于 ${dueDate}（以我方所在地日期为准）前答复您。`
            : '答复期限自您的身份验证通过之日起计算，我们将在法定期限内答复您。',
          '如有疑问，请与我们联系并注明上述请求编号。',
        ],
      },
      en: {
        subject: 'We have received your request',
        paragraphs: [
          `We have received your request for ${requestTypeName(p.requestType, 'en')} (reference ${requestId}). We will handle it under ${localized(regime.name, 'en')} (${regime.citation}).`,
          verifyFirst
            ? 'Next: we will send you a separate message to verify your identity. To protect your personal information, we act on a request only once identity is verified.'
            : 'Next: we will search our systems for personal information about you and act on your request, then write to you.',
          dueDate
            ? `We will reply by ${dueDate} (by our local calendar).`
            : 'The period for our reply starts once your identity is verified; we will reply within the period the law sets.',
          'If you have any question, contact us quoting the reference above.',
        ],
      },
    },
    p.language,
  );
}
