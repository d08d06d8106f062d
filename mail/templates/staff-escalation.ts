import type { StaffEscalationFacts } from '../../domain/notices';
import { renderBilingual, type Rendered } from './layout';
import { STAFF_LANGUAGE, staffFactsBlock } from './staff-facts';

/** Escalates a request at risk of missing its deadline, or one stuck at a data store. */
export function staffEscalationMail(p: { requestId: string } & StaffEscalationFacts): Rendered {
  const stuck = p.reason === 'STORE_STUCK';
  const store = p.store ?? '—';
  const note = p.note ? [p.note] : [];
  return renderBilingual(
    {
      zh: {
        subject: stuck ? `DSR 升级：请求在数据系统 ${store} 处停滞` : 'DSR 升级：请求可能逾期',
        paragraphs: [
          stuck
            ? `以下请求在数据系统 ${store} 处停滞，需要人工处理（重试该系统、手动完成或由合规部门决定跳过）。`
            : '以下请求可能无法在到期日前完成，请立即处理。',
          ...note,
          staffFactsBlock(p.requestId, p, 'zh'),
        ],
      },
      en: {
        subject: stuck ? `DSR escalation: request ${p.requestId} stuck at store ${store}` : `DSR escalation: request ${p.requestId} at risk`,
        paragraphs: [
          stuck
            ? `This request is stuck at the data store ${store} and needs a person: retry the store, complete it by hand, or have compliance decide to skip it.`
            : 'This request is at risk of missing its due date; please act now.',
          ...note,
          staffFactsBlock(p.requestId, p, 'en'),
        ],
      },
    },
    STAFF_LANGUAGE,
  );
}
