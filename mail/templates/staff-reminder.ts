import type { StaffReminderFacts } from '../../domain/notices';
import { renderBilingual, type Rendered } from './layout';
import { STAFF_LANGUAGE, staffFactsBlock } from './staff-facts';

/** Reminds the compliance mailbox that an open request's due date is approaching. */
export function staffReminderMail(p: { requestId: string } & StaffReminderFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: `DSR 提醒：请求将于 ${p.dueDate ?? '—'} 到期`,
        paragraphs: ['以下请求尚未完成，请在到期日前处理完毕。', staffFactsBlock(p.requestId, p, 'zh')],
      },
      en: {
        subject: `DSR reminder: request ${p.requestId} due ${p.dueDate ?? '(not set)'}`,
        paragraphs: ['This request is still open; please make sure it is answered by its due date.', staffFactsBlock(p.requestId, p, 'en')],
      },
    },
    STAFF_LANGUAGE,
  );
}
