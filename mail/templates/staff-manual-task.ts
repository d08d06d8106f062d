import type { StaffManualTaskFacts } from '../../domain/notices';
import { bulletList } from './format';
import { renderBilingual, type Rendered } from './layout';
import { STAFF_LANGUAGE, staffFactsBlock } from './staff-facts';

/** Asks a person to work the stores that have no API, and to confirm each in the console. */
export function staffManualTaskMail(p: { requestId: string } & StaffManualTaskFacts): Rendered {
  const tasks = bulletList(p.tasks.map((t) => `${t.store}: ${t.instructions}`));
  const stores = p.tasks.map((t) => t.store).join(', ');
  return renderBilingual(
    {
      zh: {
        subject: `DSR 人工任务：请在 ${stores} 中处理请求`,
        paragraphs: [
          '以下请求涉及没有接口的数据系统，须由专人按说明查找并处理，然后在控制台确认（附说明；未找到相关信息时选择“已查，未发现”）。请求在确认前等待，但不会因此停滞。',
          tasks,
          staffFactsBlock(p.requestId, p, 'zh'),
        ],
      },
      en: {
        subject: `DSR manual task: request ${p.requestId} needs a person at ${stores}`,
        paragraphs: [
          'These data stores have no API: a person must look for the subject’s data as instructed, do the request’s work there, and confirm each task in the console with a note (or “checked, nothing found”). The request waits for that, without being stuck.',
          tasks,
          staffFactsBlock(p.requestId, p, 'en'),
        ],
      },
    },
    STAFF_LANGUAGE,
  );
}
