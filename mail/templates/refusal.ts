import type { RefusalFacts, RefusedPart } from '../../domain/notices';
import type { Language } from '../../domain/request-kinds';
import { bulletList, localized, withCitation, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

const partLine = ({ store, categories }: RefusedPart, language: Language) =>
  language === 'zh'
    ? `${store}：${categories.length ? categories.join('、') : '全部数据'}`
    : `${store}: ${categories.length ? categories.join(', ') : 'all data'}`;

const groundLines = (p: RefusalFacts, language: Language) =>
  bulletList(p.grounds.map((g) => withCitation(localized(g.text, language), g.citation, language)));

/** Refuses a request in full or in part, giving each ground with its citation and the
 *  subject's remedies (PIPL art 50 and GDPR art 12(4) both require reasons and remedies). */
export function refusalMail(p: MailContext & RefusalFacts): Rendered {
  const partial = p.scope === 'PARTIAL';
  const parts = (language: Language) => bulletList(p.refused.map((r) => partLine(r, language)));
  return renderBilingual(
    {
      zh: {
        subject: partial ? '您的请求部分无法满足' : '我们无法满足您的请求',
        paragraphs: [
          partial
            ? `经审查，我们无法满足您的请求（编号 ${p.requestId}）中涉及以下数据的部分：\n${parts('zh')}`
            : `经审查，我们无法满足您的请求（编号 ${p.requestId}）。`,
          `理由如下：\n${groundLines(p, 'zh')}`,
          ...(partial ? ['请求的其余部分将照常处理，我们会另行答复您。'] : []),
          localized(p.remedies, 'zh'),
        ],
      },
      en: {
        subject: partial ? 'We cannot act on part of your request' : 'We cannot act on your request',
        paragraphs: [
          partial
            ? `We have reviewed your request (reference ${p.requestId}) and cannot act on the part that concerns this data:\n${parts('en')}`
            : `We have reviewed your request (reference ${p.requestId}) and cannot act on it.`,
          `Our reasons:\n${groundLines(p, 'en')}`,
          ...(partial ? ['We are handling the rest of your request as usual and will write to you about it.'] : []),
          localized(p.remedies, 'en'),
        ],
      },
    },
    p.language,
  );
}
