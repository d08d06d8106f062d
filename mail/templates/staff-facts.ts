// The block every staff mail carries: what the request is and where to open it. Built
// from non-personal facts only, so a staff mail can be forwarded or logged safely.
import type { StaffRequestFacts } from '../../domain/notices';
import type { Language } from '../../domain/request-kinds';
import { consolePath } from './format';

const dueText = ({ dueDate, daysLeft }: StaffRequestFacts, l: Language): string => {
  if (!dueDate) return l === 'zh' ? '尚未确定' : 'not set yet';
  if (daysLeft === null) return dueDate;
  if (daysLeft < 0) return l === 'zh' ? `${dueDate}（已逾期 ${-daysLeft} 天）` : `${dueDate} (overdue by ${-daysLeft} days)`;
  return l === 'zh' ? `${dueDate}（剩余 ${daysLeft} 天）` : `${dueDate} (${daysLeft} days left)`;
};

/** The request's reference, type, regime, status, due date and console path, one a line. */
export function staffFactsBlock(requestId: string, f: StaffRequestFacts, l: Language): string {
  const rows: Array<[string, string, string]> = [
    ['编号', 'Reference', requestId],
    ['类型', 'Type', f.requestType],
    ['适用法规', 'Regime', f.regime],
    ['状态', 'Status', f.status],
    ['到期日', 'Due', dueText(f, l)],
    ['控制台', 'Console', consolePath(requestId)],
  ];
  return rows.map(([zh, en, value]) => (l === 'zh' ? `${zh}：${value}` : `${en}: ${value}`)).join('\n');
}

/** Staff mails read English first: the compliance team's working language. */
export const STAFF_LANGUAGE: Language = 'en';
