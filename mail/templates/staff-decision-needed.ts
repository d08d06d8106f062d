import type { StaffDecisionNeededFacts } from '../../domain/notices';
import { renderBilingual, type Rendered } from './layout';
import { STAFF_LANGUAGE, staffFactsBlock } from './staff-facts';

/** Asks compliance to decide on a possible exemption or an excessive request. */
export function staffDecisionNeededMail(p: { requestId: string } & StaffDecisionNeededFacts): Rendered {
  if (p.decision === 'APPROVAL') return approvalNeededMail(p);
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

/** Asks a second person (compliance) to approve an erasure whose identity staff attested. */
function approvalNeededMail(p: { requestId: string } & StaffDecisionNeededFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: 'DSR 待批准：由员工核验身份的删除请求',
        paragraphs: ['以下删除或注销请求的身份由员工核验，须由另一名合规人员（非核验人）批准后才会执行，请求在批准前暂停处理。', staffFactsBlock(p.requestId, p, 'zh')],
      },
      en: {
        subject: `DSR approval needed: erasure ${p.requestId} attested by staff`,
        paragraphs: [
          'The identity behind this deletion or account closure was attested by a member of staff. A second person with the compliance role (not the attester) must approve it before anything is erased; it waits until then.',
          staffFactsBlock(p.requestId, p, 'en'),
        ],
      },
    },
    STAFF_LANGUAGE,
  );
}
