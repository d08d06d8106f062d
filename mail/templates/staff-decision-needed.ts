import type { StaffDecisionNeededFacts } from '../../domain/notices';
import { renderBilingual, type Rendered } from './layout';
import { STAFF_LANGUAGE, staffFactsBlock } from './staff-facts';

/** Asks compliance to decide on a possible exemption or an excessive request. */
export function staffDecisionNeededMail(p: { requestId: string } & StaffDecisionNeededFacts): Rendered {
  const exemption = p.decision === 'EXEMPTION';
  return renderBilingual(
    {
      zh: {
        subject: exemption ? 'DSR 待决定：可能适用豁免' : 'DSR 待决定：请求可能过度',
        paragraphs: [
          exemption
            ? `以下请求可能适用法定豁免（信号：${p.signal}），须由合规部门决定是否全部或部分拒绝，请求在决定前暂停处理。`
            : `以下请求可能重复或过度（信号：${p.signal}），须由合规部门决定收费、拒绝或照常处理，请求在决定前暂停处理。`,
          staffFactsBlock(p.requestId, p, 'zh'),
        ],
      },
      en: {
        subject: exemption
          ? `DSR decision needed: request ${p.requestId} may be exempt`
          : `DSR decision needed: request ${p.requestId} may be excessive`,
        paragraphs: [
          exemption
            ? `This request may fall under a legal exemption (signal: ${p.signal}). Compliance must decide whether to refuse it in full or in part; it waits until then.`
            : `This request may be repeated or excessive (signal: ${p.signal}). Compliance must decide whether to charge a fee, refuse, or answer it as usual; it waits until then.`,
          staffFactsBlock(p.requestId, p, 'en'),
        ],
      },
    },
    STAFF_LANGUAGE,
  );
}
