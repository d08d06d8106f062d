// What every console route shares: the security headers (the portal's), HTML replies, form
// fields, the viewer for the page frame, and the fixed flash messages after a redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormFields } from '../form-input';
import type { ConsoleViewer } from './console-layout';
import { consoleStaffOf, signedInLanguage } from './console-gate';
import { formCsrfToken } from './console-session';

export const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'",
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

export const sendHtml = (reply: FastifyReply, status: number, markup: string) => reply.status(status).type('text/html; charset=utf-8').send(markup);

/** Only string fields count: anything else posted here is read as an empty form. */
export const fieldsOf = (body: unknown): FormFields =>
  body && typeof body === 'object' ? Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) : {};

/** The signed-in member of staff as the page frame shows them, with the form token for their session. */
export function viewerOf(request: FastifyRequest, pepper: string): ConsoleViewer {
  const principal = consoleStaffOf(request);
  return { staffId: principal.staffId, displayName: principal.displayName, role: principal.role, lang: principal.language, csrfToken: formCsrfToken(pepper, principal) };
}

/** Messages shown after a redirect, by the code in `?done=`: the URL never carries free text. */
export const FLASH: Readonly<Record<string, string>> = {
  opened: 'The request was opened. Identity is attested, so no code is mailed to the subject.',
  decided: 'The decision was recorded.',
  approved: 'The erasure was approved; it goes on.',
  rejected: 'The attestation was rejected; the request closes as unverifiable.',
  waived: 'The fee was waived.',
  extended: 'The deadline was extended and the subject told why.',
  withdrawn: 'The request was withdrawn.',
  retried: 'The store is being tried again.',
  skipped: 'The store was skipped with your justification.',
  completed: 'The store was recorded as done by hand.',
  'task-completed': 'The manual task was completed.',
  'hold-placed': 'The legal hold was placed.',
  'hold-released': 'The legal hold was released.',
  'signal-recorded': 'The exemption signal was recorded.',
  'signal-cleared': 'The exemption signal was cleared.',
  'account-created': 'The account was created.',
  'account-changed': 'The account was changed.',
  'signed-out': 'You are signed out.',
  'password-set': 'Your password is set: sign in with it.',
  assigned: 'The owner was assigned.',
  'note-added': 'The note was added.',
  'language-set': 'The console’s language was changed.',
};

/** The same messages in Chinese, for staff who chose it; a code missing here falls back to English. */
export const FLASH_ZH: Readonly<Record<string, string>> = {
  opened: '请求已登记。身份已由员工证实，因此不会向数据主体发送验证码。',
  decided: '决定已记录。',
  approved: '删除已批准，继续办理。',
  rejected: '身份证实被驳回；请求以无法核验办结。',
  waived: '费用已免除。',
  extended: '期限已延长，并已告知数据主体原因。',
  withdrawn: '请求已撤回。',
  retried: '正在重试该数据存储。',
  skipped: '已按您的理由跳过该数据存储。',
  completed: '该数据存储已记录为人工完成。',
  'task-completed': '人工任务已完成。',
  'hold-placed': '法律保全已设置。',
  'hold-released': '法律保全已解除。',
  'signal-recorded': '豁免信号已记录。',
  'signal-cleared': '豁免信号已清除。',
  'account-created': '账户已创建。',
  'account-changed': '账户已更改。',
  assigned: '负责人已分配。',
  'note-added': '备注已添加。',
  'language-set': '控制台语言已更改。',
};

/** The flash message for the request's `?done=`, if it names one, in the signed-in person's language. */
export const flashOf = (request: FastifyRequest): string | undefined => {
  const code = (request.query as { done?: string }).done ?? '';
  const zh = signedInLanguage(request) === 'zh';
  return (zh ? FLASH_ZH[code] : undefined) ?? FLASH[code];
};

/** A note between 3 and 2000 characters (the API's limits), trimmed; undefined when it is not. */
export function noteIn(fields: FormFields, name: string, min = 3, max = 2000): string | undefined {
  const value = (fields[name] ?? '').trim();
  return value.length >= min && value.length <= max ? value : undefined;
}
