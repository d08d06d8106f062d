import type { Language } from '../../domain/request-kinds';
import { renderBilingual, type Rendered } from './layout';

export interface AccessSection {
  store: string;
  records: Array<Record<string, string | null>>;
}

const describe = (sections: AccessSection[]) =>
  sections.flatMap((s) =>
    s.records.length === 0
      ? [`[${s.store}] —`]
      : s.records.map((r) => `[${s.store}] ` + Object.entries(r).map(([k, v]) => `${k}: ${v ?? '—'}`).join('; ')),
  );

/** The reply to an access request, listing the personal information found per store. */
export function accessReplyMail(p: { requestId: string; sections: AccessSection[]; language: Language }): Rendered {
  const lines = describe(p.sections);
  return renderBilingual(
    {
      zh: {
        subject: '您的个人信息查询结果',
        paragraphs: [`针对您的查询请求（编号 ${p.requestId}），我们持有的您的个人信息如下：`, ...lines],
      },
      en: {
        subject: 'The personal information we hold about you',
        paragraphs: [`In answer to your access request (reference ${p.requestId}), this is the personal information we hold about you:`, ...lines],
      },
    },
    p.language,
  );
}
