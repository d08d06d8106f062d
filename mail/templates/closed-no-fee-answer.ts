import type { ClosedNoFeeAnswerFacts } from '../../domain/notices';
import type { MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

/** Tells the subject the request closed because the fee quote went unanswered (the fee timeout). */
export function closedNoFeeAnswerMail(p: MailContext & ClosedNoFeeAnswerFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的请求已关闭：未收到对费用的答复',
        paragraphs: [
          `我们在 ${p.respondBy} 前未收到您对费用通知的答复，因此您的请求（编号 ${p.requestId}）已关闭，我们未向您收取任何费用。`,
          '您可以随时重新提交请求。',
        ],
      },
      en: {
        subject: 'Your request was closed: no answer to the fee quote',
        paragraphs: [
          `We had no answer to our fee quote by ${p.respondBy}, so your request (reference ${p.requestId}) is closed. You have not been charged.`,
          'You may submit a new request at any time.',
        ],
      },
    },
    p.language,
  );
}
