// Plain formatting shared by the notice templates: dates as written in the facts, money
// with its currency code, lists one item a line, and policy text in the mail's language.
import type { NoticeMoney, NoticeText } from '../../domain/notices';
import type { Language, RequestType } from '../../domain/request-kinds';

const REQUEST_TYPE_NAMES: Record<RequestType, Record<Language, string>> = {
  ACCESS: { zh: '查询个人信息', en: 'access to your personal information' },
  CORRECTION: { zh: '更正个人信息', en: 'correction of your personal information' },
  DELETION: { zh: '删除个人信息', en: 'deletion of your personal information' },
  ACCOUNT_CLOSURE: { zh: '注销账户', en: 'closure of your account' },
  MANAGE: { zh: '管理个人信息的处理（撤回同意、限制或拒绝处理）', en: 'management of how your personal information is processed (withdrawal of consent, restriction, objection)' },
  PORTABILITY: { zh: '转移个人信息（可携带）', en: 'a portable copy of the personal information you provided' },
};

/** The request type as the subject reads it. */
export function requestTypeName(type: RequestType, language: Language): string {
  return REQUEST_TYPE_NAMES[type][language];
}

/** Policy text in the given language; Chinese falls back to the English source. */
export function localized(text: NoticeText, language: Language): string {
  if (typeof text === 'string') return text;
  return language === 'zh' ? (text.zh ?? text.en) : text.en;
}

/** An amount with its ISO code and the currency's usual decimals, e.g. "CNY 30.00". */
export function formatMoney({ amount, currency }: NoticeMoney): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return `${currency} ${amount.toFixed(digits)}`;
}

/** One item a line, so both the text and the HTML part show a list. */
export function bulletList(items: string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** Where staff open a request in the console; a path, so no host is baked into mail. */
export function consolePath(requestId: string): string {
  return `/console/requests/${requestId}`;
}

/** What every notice template is told besides its facts. */
export interface MailContext {
  requestId: string;
  language: Language;
}

/** A sentence followed by its legal source, e.g. "Text (PIPL art 47)." or "文本（第四十七条）。" */
export function withCitation(sentence: string, citation: string, language: Language): string {
  const bare = sentence.trim().replace(/[.。]$/, '');
  return language === 'zh' ? `${bare}（${citation}）。` : `${bare} (${citation}).`;
}

/** "2026-12-29 11:30 UTC": unambiguous in any language and time zone. */
export function utcMinute(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
