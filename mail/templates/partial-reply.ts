import type { PartialReplyFacts } from '../../domain/notices';
import { bulletList, localized, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

/** Reports progress before the deadline: what is done, what remains and why, and when. */
export function partialReplyMail(p: MailContext & PartialReplyFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的请求处理进展',
        paragraphs: [
          `您的请求（编号 ${p.requestId}）尚未全部完成，目前进展如下。`,
          p.done.length ? `已完成：\n${bulletList(p.done)}` : '目前尚无已完成的部分。',
          `尚未完成的部分及原因：\n${bulletList(p.remaining.map((r) => `${r.store}：${localized(r.reason, 'zh')}`))}`,
          p.newDueDate ? `其余部分将于 ${p.newDueDate} 前完成。` : '我们将尽快完成其余部分，并另行答复您。',
        ],
      },
      en: {
        subject: 'Progress on your request',
        paragraphs: [
          `Your request (reference ${p.requestId}) is not yet finished in full. This is where it stands.`,
          p.done.length ? `Done:\n${bulletList(p.done)}` : 'No part is finished yet.',
          `Still to do, and why:\n${bulletList(p.remaining.map((r) => `${r.store}: ${localized(r.reason, 'en')}`))}`,
          p.newDueDate ? `We will finish the rest by ${p.newDueDate}.` : 'We will finish the rest as soon as we can and write to you again.',
        ],
      },
    },
    p.language,
  );
}
