import type { ExtensionNoticeFacts } from '../../domain/notices';
import { bulletList, localized, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

/** Tells the subject, within the original period, that the deadline moves and why. */
export function extensionNoticeMail(p: MailContext & ExtensionNoticeFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的请求答复期限延长',
        paragraphs: [
          `我们需要更多时间才能完整答复您的请求（编号 ${p.requestId}）。原定答复期限为 ${p.originalDueDate}，现延长至 ${p.newDueDate}。`,
          `延期原因：\n${bulletList(p.reasons.map((r) => localized(r, 'zh')))}`,
          `延期依据：${p.citation}。我们在原定期限届满前向您发出本通知。`,
        ],
      },
      en: {
        subject: 'We need more time for your request',
        paragraphs: [
          `We need more time to answer your request (reference ${p.requestId}) in full. Our reply was due by ${p.originalDueDate}; we are extending this to ${p.newDueDate}.`,
          `Why:\n${bulletList(p.reasons.map((r) => localized(r, 'en')))}`,
          `The extension is made under ${p.citation}, and we are telling you before the original period ends.`,
        ],
      },
    },
    p.language,
  );
}
