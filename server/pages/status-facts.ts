// The facts a subject needs at the top of their status page, in their language: the request's
// reference, the right asked for, the law that applies and its deadline in words, when it was
// received, and what happens next. Codes never reach the page: every code has words here, and
// a code without them (a new status) reads as the generic "we are working on it".
import type { Language, RequestType } from '../../domain/request-kinds';
import type { RequestStatus } from '../../domain/status';
import { deadlineFor, getRegime, isRegimeKey } from '../../policy';
import type { StatusView } from '../schemas';
import { html, type Html } from '../../markup/html';
import { messagesFor } from './i18n';

const REGIME_ZH: Readonly<Record<string, string>> = {
  CN_PIPL: '中华人民共和国个人信息保护法',
  EU_GDPR: '欧盟《通用数据保护条例》',
  UK_GDPR: '英国《通用数据保护条例》',
  US_CA_CCPA: '美国加利福尼亚州消费者隐私法',
  US_VA_VCDPA: '美国弗吉尼亚州消费者数据保护法',
  BR_LGPD: '巴西《通用数据保护法》',
  CA_QC_LAW25: '魁北克第 25 号法律',
};

const UNIT = {
  en: { calendarDays: ['calendar day', 'calendar days'], workingDays: ['working day', 'working days'], calendarMonths: ['month', 'months'] },
  zh: { calendarDays: ['个自然日', '个自然日'], workingDays: ['个工作日', '个工作日'], calendarMonths: ['个月', '个月'] },
} as const;

const TEXT = {
  en: {
    reference: 'Reference',
    right: 'You asked for',
    law: 'The law that applies',
    received: 'Received',
    next: 'What happens next',
    within: (period: string, start: 'receipt' | 'identityVerified') => `we must answer within ${period} of ${start === 'receipt' ? 'receiving your request' : 'confirming your identity'}`,
    nextBy: {
      RECEIVED: 'We are recording your request. This takes a moment.',
      AWAITING_VERIFICATION: 'Enter the code we sent to your e-mail address, so that we know the request is yours. The deadline runs from then.',
      AWAITING_FEE: 'Tell us whether you accept the fee. Nothing else happens until you answer.',
      AWAITING_DECISION: 'Our privacy team is deciding how to answer your request. You will hear from us by e-mail.',
      AWAITING_APPROVAL: 'A second member of our privacy team checks the identity our staff confirmed, before anything is deleted.',
      IN_FULFILMENT: 'We are carrying out your request in each of our systems. We e-mail you when it is done.',
      STUCK: 'One of our systems did not answer yet; our team is on it. Your deadline does not change.',
    } as Partial<Record<RequestStatus, string>>,
    nextClosed: 'Nothing more happens to this request. Our e-mail to you says what was done.',
  },
  zh: {
    reference: '编号',
    right: '您请求的是',
    law: '适用的法律',
    received: '收到日期',
    next: '接下来',
    within: (period: string, start: 'receipt' | 'identityVerified') => `我们须在${start === 'receipt' ? '收到您的请求' : '确认您的身份'}后 ${period}内答复`,
    nextBy: {
      RECEIVED: '我们正在登记您的请求，请稍候。',
      AWAITING_VERIFICATION: '请输入我们发送到您电子邮箱的验证码，以确认请求确为您本人提出。期限自确认之时起算。',
      AWAITING_FEE: '请告诉我们您是否接受费用。在您答复之前，请求不会继续办理。',
      AWAITING_DECISION: '我们的隐私团队正在决定如何答复您的请求。我们会通过电子邮件通知您。',
      AWAITING_APPROVAL: '在删除任何数据之前，我们隐私团队的另一名成员会复核员工确认的身份。',
      IN_FULFILMENT: '我们正在各个系统中执行您的请求，完成后会通过电子邮件通知您。',
      STUCK: '我们的一个系统暂未响应，团队正在处理。您的期限不变。',
    } as Partial<Record<RequestStatus, string>>,
    nextClosed: '此请求已办结，不会再有变化。我们发给您的电子邮件说明了处理结果。',
  },
} as const;

/** The regime's name in the language. */
export function regimeName(lang: Language, regime: string): string {
  if (lang === 'zh' && REGIME_ZH[regime]) return REGIME_ZH[regime];
  return isRegimeKey(regime) ? getRegime(regime).name : regime;
}

/** "China PIPL: we must answer within 15 working days of confirming your identity". */
export function lawInWords(lang: Language, regime: string, type: RequestType): string {
  if (!isRegimeKey(regime)) return regime;
  const d = deadlineFor(getRegime(regime), type);
  const unit = UNIT[lang][d.unit][d.amount === 1 ? 0 : 1];
  const period = lang === 'zh' ? `${d.amount} ${unit}` : `${d.amount} ${unit}`;
  return `${regimeName(lang, regime)}${lang === 'zh' ? '：' : ': '}${TEXT[lang].within(period, d.clockStarts)}`;
}

/** The facts list at the top of the status page. */
export function statusFacts(lang: Language, view: StatusView, closed: boolean, timeZone: string): Html {
  const t = TEXT[lang];
  const m = messagesFor(lang);
  const day = (iso: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeZone }).format(new Date(iso));
  return html`<dl class="facts" id="request-facts">
<dt>${t.reference}</dt><dd id="request-reference"><code>${view.requestId.slice(0, 8)}</code></dd>
<dt>${t.right}</dt><dd id="request-right">${m.rights[view.type as keyof typeof m.rights] ?? view.type}</dd>
<dt>${t.law}</dt><dd id="request-law">${lawInWords(lang, view.regime, view.type)}</dd>
${view.receivedAt ? html`<dt>${t.received}</dt><dd id="request-received">${day(view.receivedAt)}</dd>` : ''}
</dl>
<h2>${t.next}</h2>
<p id="request-next">${closed ? t.nextClosed : (t.nextBy[view.status] ?? t.nextBy.IN_FULFILMENT)}</p>`;
}
