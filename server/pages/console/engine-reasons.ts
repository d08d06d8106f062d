// The engine's own reasons in the audit trail (actor "system") are fixed English phrases the
// workflow and activities write; the trail keeps them as written, and a Chinese console says
// them in Chinese. A phrase not listed here is shown as written (a new one needs a line here).
import { NOTE_ERASED } from '../../../db/audit-notes';
import { consoleText, type ConsoleLanguage } from './console-text';

const ZH: Readonly<Record<string, string>> = {
  'computed at intake': '受理时计算',
  'identity verified': '身份已核验',
  'identity must be verified before any action': '须先核验身份才能办理',
  'an erasure attested by staff waits for a second person’s approval': '员工证实身份的删除请求须由另一人批准',
  'fulfilment started': '开始执行',
  'a data store keeps failing': '有数据存储持续失败',
  'no store is failing any more': '已没有失败的数据存储',
  'possibly excessive request': '可能属于过度请求',
  'exemption signal on record': '存在豁免信号记录',
  'compliance charges the fee for a manifestly unfounded or excessive request': '合规人员对明显无理或过度的请求收费',
  'due date counted with holiday data for every year': '期限已按各年度的节假日数据计算',
  'no account system is configured (ACCOUNT_SYSTEM_URL)': '未配置账户系统（ACCOUNT_SYSTEM_URL）',
  'a guardian’s request needs a staff attestation of guardianship': '监护人提出的请求须由员工证实监护关系',
  'the attested identity was not approved by a second person': '证实的身份未获另一人批准',
  'identity not verified within the window': '未在期限内核验身份',
  'superseded by a verified request of the same subject and kind': '已被同一数据主体的同类已核验请求取代',
  'the subject signed in during the cooling-off period': '数据主体在冷静期内登录了账户',
  'closed after assessment': '评估后结案',
  'reply sent': '已发送答复',
  withdrawn: '已撤回',
};

/** Phrases with a value in them. */
const ZH_PATTERNS: ReadonlyArray<readonly [RegExp, (...parts: string[]) => string]> = [
  [/^due date counted on weekends alone for (.+)$/, (years) => `期限仅按周末计算（缺少 ${years} 的节假日数据）`],
  [/^beyond the free quota \((\d+) earlier requests in the window\)$/, (n) => `超出免费次数（期间内已有 ${n} 项请求）`],
  [/^waited for the subject \(fee\) from (\S+) to (\S+)$/, (from, to) => `等待数据主体答复费用：${from} 至 ${to}`],
];

/** A staff note as stored: its text, or the placeholder left where it was erased with the subject's data, in words. */
export const noteWords = (lang: ConsoleLanguage, text: string): string => (text === NOTE_ERASED ? consoleText(lang).erasedNote : text);

/** The engine's reason in the staff member's language; anyone else's words as they wrote them. */
export function reasonWords(lang: ConsoleLanguage, actor: string, reason: string | undefined): string | undefined {
  if (reason === NOTE_ERASED) return noteWords(lang, reason);
  if (lang === 'en' || actor !== 'system' || !reason) return reason;
  if (ZH[reason]) return ZH[reason];
  for (const [pattern, words] of ZH_PATTERNS) {
    const m = pattern.exec(reason);
    if (m) return words(...m.slice(1));
  }
  return reason;
}
