import type { FeeQuoteFacts } from '../../domain/notices';
import { formatMoney, localized, requestTypeName, withCitation, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

/** Quotes the cost fee for a repeated or excessive request, and how to accept or decline. */
export function feeQuoteMail(p: MailContext & FeeQuoteFacts): Rendered {
  const fee = formatMoney(p.fee);
  const repeated = p.grounds === 'REPEATED';
  return renderBilingual(
    {
      zh: {
        subject: '您的请求需支付费用',
        paragraphs: [
          `关于您${requestTypeName(p.requestType, 'zh')}的请求（编号 ${p.requestId}）：` +
            (repeated ? '您在规定期间内提出的此类请求已超过免费次数，' : '该请求明显过度或不合理，') +
            '因此我们将收取合理的成本费用。',
          `适用规则：${withCitation(localized(p.rule, 'zh'), p.citation, 'zh')}`,
          `费用金额：${fee}`,
          `如您同意支付，请于 ${p.respondBy} 前访问 ${p.respondUrl} 确认；如不同意，也可在该页面拒绝。`,
          `如您拒绝或未在 ${p.respondBy} 前答复，我们将关闭该请求，不收取任何费用。`,
          ...(p.clockPaused ? ['在您确认支付之前，答复期限暂停计算。'] : []),
        ],
      },
      en: {
        subject: 'A fee applies to your request',
        paragraphs: [
          `About your request for ${requestTypeName(p.requestType, 'en')} (reference ${p.requestId}): ` +
            (repeated
              ? 'you have made more requests of this kind within the period than are free of charge,'
              : 'the request is manifestly excessive or unreasonable,') +
            ' so we charge a reasonable fee to cover our costs.',
          `The rule: ${withCitation(localized(p.rule, 'en'), p.citation, 'en')}`,
          `Fee: ${fee}`,
          `To accept, go to ${p.respondUrl} by ${p.respondBy}; you can decline there too.`,
          `If you decline, or do not answer by ${p.respondBy}, we will close the request and charge you nothing.`,
          ...(p.clockPaused ? ['The period for our reply is suspended until you accept the fee.'] : []),
        ],
      },
    },
    p.language,
  );
}
