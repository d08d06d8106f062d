import type { FeeDeclinedFacts } from '../../domain/notices';
import { formatMoney, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

/** Tells the subject the request closed because they declined the fee, and that nothing is charged. */
export function feeDeclinedMail(p: MailContext & FeeDeclinedFacts): Rendered {
  const fee = formatMoney(p.fee);
  return renderBilingual(
    {
      zh: {
        subject: '您的请求已关闭：您拒绝了费用',
        paragraphs: [
          `您于 ${p.declinedOn} 拒绝支付费用（${fee}），因此您的请求（编号 ${p.requestId}）已关闭，我们未对其进行处理，也不会向您收取任何费用。`,
          '您可以随时重新提交请求。',
        ],
      },
      en: {
        subject: 'Your request was closed: you declined the fee',
        paragraphs: [
          `You declined the fee (${fee}) on ${p.declinedOn}, so your request (reference ${p.requestId}) is closed without being acted on. You have not been charged.`,
          'You may submit a new request at any time.',
        ],
      },
    },
    p.language,
  );
}
