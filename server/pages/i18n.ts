// The portal's words in the seed's two languages. Chinese is the default, as the Chinese
// text of notices prevails; `?lang=en` switches a page to English.
import { activeProfile, type ControllerProfile, formResidences } from '../../config/controller-profile';
import type { Language, RequestType } from '../../domain/request-kinds';
import type { RequestStatus } from '../../domain/status';
import type { ManageAction } from '../../domain/manage';

/** The page language from the `lang` query parameter; anything else is Chinese. */
export function pickLanguage(value: unknown): Language {
  return value === 'en' ? 'en' : 'zh';
}

/** Residences offered in the forms, with their labels: the controller profile's labelled
 *  residences, the same list the server picks the regime from. */
export function residenceOptions(lang: Language, profile: ControllerProfile = activeProfile().profile): Array<readonly [string, string]> {
  return formResidences(profile).map((r) => [r.code, r.label[lang]] as const);
}

/** Fields of the account record a correction request may name. */
// Every field the stores accept a correction of (stores/correctable-fields.ts), so that the form
// offers what the data map's stores can change; a field added there needs its labels here.
export const CORRECTABLE_FIELDS = ['fullName', 'phone', 'companyName', 'billingName', 'billingAddress', 'preferredLanguage'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const STEPS = ['received', 'identity', 'assessment', 'fulfilment', 'reply'] as const;
export type Step = (typeof STEPS)[number];

const en = {
  htmlLang: 'en',
  otherLanguage: { lang: 'zh' as Language, label: '中文' },
  portalTitle: 'Your personal information',
  formIntro: 'Ask us what we hold about you, to correct it, to delete it or to close your account. We answer within the time your law sets.',
  right: 'What do you ask for?',
  rights: {
    ACCESS: 'A copy of my personal information',
    CORRECTION: 'Correct my personal information',
    DELETION: 'Delete my personal information',
    ACCOUNT_CLOSURE: 'Close my account',
    MANAGE: 'Withdraw my consent to, restrict or object to a use of my personal information',
    PORTABILITY: 'A portable copy of the information I provided (or send it to another provider)',
  } satisfies Record<RequestType, string>,
  corrections: 'For a correction: the new values (fill in only what is wrong)',
  fields: { fullName: 'Full name', phone: 'Telephone', companyName: 'Company', billingName: 'Name on invoices', billingAddress: 'Address on invoices', preferredLanguage: 'Language of our mail (zh or en)' } satisfies Record<CorrectableField, string>,
  manage: 'To withdraw consent, restrict or object: which uses of your information, and what you want',
  manageActions: { WITHDRAW_CONSENT: 'Withdraw my consent', RESTRICT: 'Restrict (keep, but do not use)', OBJECT: 'Object (stop using it for this)' } satisfies Record<ManageAction, string>,
  manageHint: 'Nothing is deleted; processing already done on your consent stays lawful.',
  recipient: 'For a portable copy: send it also to another provider (optional)',
  recipientNone: 'No, to me only',
  recipientHint: 'Only the providers listed here are registered with us; the copy is always yours to download as well.',
  residence: 'Where do you live?',
  email: 'Your e-mail address',
  emailHint: 'We send a code to this address to check that it is yours.',
  knownBy: 'If our systems know you by these too (optional)',
  phone: 'Telephone number, with country code',
  accountId: 'Customer or account number',
  submit: 'Send request',
  errorSummary: 'Please correct the fields marked below.',
  errors: {
    email: 'Enter an e-mail address such as name@example.com.',
    phone: 'Enter the number with its country code, such as +86 138 0000 0000.',
    accountId: 'Enter the number as it is written on your account: letters and digits, up to 64.',
    type: 'Choose what you ask for.',
    residence: 'Choose where you live.',
    corrections: 'Fill in at least one new value, of at most 200 characters.',
    manage: 'Tick at least one use and choose what you want.',
    recipient: 'Choose one of the providers listed, or none.',
    code: 'Enter the eight digits from the e-mail.',
  },
  statusTitle: 'Your request',
  steps: { received: 'Received', identity: 'Identity check', assessment: 'Assessment', fulfilment: 'Carrying out', reply: 'Reply' } satisfies Record<Step, string>,
  currentStep: '(current step)',
  dueBy: 'We answer by',
  dueUnknown: 'The due date is being set.',
  keepLink: 'Keep this page’s address: it is the only way back to your request.',
  awaitingNothing: 'Nothing is needed from you now. This page refreshes by itself.',
  awaitingStaff: 'Our privacy team is looking at your request. This page refreshes by itself.',
  awaitingCode: 'We sent an eight-digit code to your e-mail address. Enter it to confirm that the request is yours.',
  signInInstead: 'Or confirm it by signing in to your account with us:',
  signInDefault: 'Sign in to your account',
  code: 'Verification code',
  verify: 'Confirm',
  resend: 'Send a new code',
  awaitingFee: (fee: string) => `This request carries a fee of ${fee}. Do you accept it? Declining closes the request.`,
  acceptFee: 'Accept the fee',
  declineFee: 'Decline',
  withdraw: 'Withdraw my request',
  closed: {
    COMPLETED: 'Completed: we have carried out your request and sent you our reply by e-mail.',
    REFUSED: 'Closed: we could not carry out your request. Our e-mail explains why and how to appeal.',
    UNVERIFIABLE: 'Closed: we could not confirm your identity.',
    WITHDRAWN: 'Withdrawn at your wish.',
    DUPLICATE: 'Closed: this repeats a request that is already open.',
  } satisfies Partial<Record<RequestStatus, string>>,
  errorTitle: 'This page cannot be shown',
  pageErrors: {
    TOKEN_REQUIRED: 'This page opens only through the link we gave you when you sent the request.',
    TOKEN_INVALID: 'This link does not open a request. Use the link exactly as you received it.',
    TOKEN_EXPIRED: 'This link has expired. Please contact us if your request is still open.',
    NOT_FOUND: 'This page does not exist.',
    METHOD_NOT_ALLOWED: 'This page cannot be used that way. Open it from a link or a form of this site.',
    WRONG_STATE: 'That is no longer possible for this request.',
    WRONG_CODE: 'That code is not correct.',
    EXPIRED: 'That code has expired. Ask for a new one.',
    EXHAUSTED: 'Too many wrong codes. Ask for a new one.',
    NO_CHALLENGE: 'No code is waiting to be checked for this request.',
    SIGN_IN_MISMATCH: 'The account you signed in to is not the one this request was made for. Nothing was verified: sign in with the account of the e-mail address you gave, or enter the code we e-mailed you.',
    SIGN_IN_UNVERIFIED_EMAIL: 'Your account has no confirmed e-mail address, so signing in cannot verify this request. Enter the code we e-mailed you.',
    SIGN_IN_NO_ACCOUNT_ID: 'This request does not name your account id, so signing in cannot verify it. Enter the code we e-mailed you.',
    SIGN_IN_FAILED: 'Signing in did not complete, and nothing was verified. Try again, or enter the code we e-mailed you.',
    SIGN_IN_UNAVAILABLE: 'Signing in to verify is not available right now; enter the code we e-mailed you.',
    TOO_MANY_CODES: 'Please wait a minute before asking for another code.',
    RATE_LIMITED: 'Too many attempts from your address. Please wait a few minutes and try again.',
    TOO_MANY_OPEN_REQUESTS: 'Several requests for this e-mail address are already waiting for their code. Confirm one with the code we sent, or wait until they close.',
    VERIFICATION_REFUSED_TODAY: 'Too many wrong codes were entered for this e-mail address today. Please try again tomorrow.',
    TOO_LARGE: 'The form was too large to accept.',
    BAD_REQUEST: 'The form could not be read. Please fill it in again.',
    INTERNAL: 'Something went wrong on our side. Nothing was changed; please try again.',
  } as Record<string, string>,
  backToForm: 'Back to the form',
};
export type Messages = typeof en;

const zh: Messages = {
  htmlLang: 'zh-CN',
  otherLanguage: { lang: 'en', label: 'English' },
  portalTitle: '您的个人信息',
  formIntro: '您可以查阅我们持有的您的个人信息，或要求更正、删除，或注销账户。我们将在您所适用法律规定的期限内答复。',
  right: '您的请求是什么？',
  rights: { ACCESS: '获取我的个人信息副本', CORRECTION: '更正我的个人信息', DELETION: '删除我的个人信息', ACCOUNT_CLOSURE: '注销我的账户', MANAGE: '撤回同意、限制或拒绝对我的个人信息的某项处理', PORTABILITY: '获取我提供的个人信息的可携带副本（或转移至其他服务商）' },
  corrections: '如要求更正：请填写新的内容（只填写有误的项目）',
  fields: { fullName: '姓名', phone: '电话', companyName: '公司', billingName: '发票抬头姓名', billingAddress: '发票地址', preferredLanguage: '邮件语言（zh 或 en）' },
  manage: '如要撤回同意、限制或拒绝处理：涉及哪些用途，以及您的要求',
  manageActions: { WITHDRAW_CONSENT: '撤回我的同意', RESTRICT: '限制处理（保存但不使用）', OBJECT: '拒绝处理（不再为此使用）' },
  manageHint: '不会删除任何信息；此前基于您的同意已进行的处理仍然有效。',
  recipient: '如要求可携带副本：同时转移给其他服务商（选填）',
  recipientNone: '否，仅提供给我本人',
  recipientHint: '此处仅列出已在我们这里登记的服务商；无论是否转移，您都可以自行下载副本。',
  residence: '您的居住地',
  email: '您的电子邮箱',
  emailHint: '我们会向此邮箱发送验证码，以确认邮箱属于您。',
  knownBy: '如我们的系统也以下列信息识别您（选填）',
  phone: '电话号码（含国家或地区代码）',
  accountId: '客户号或账户号',
  submit: '提交请求',
  errorSummary: '请更正下方标出的项目。',
  errors: {
    email: '请输入有效的电子邮箱，例如 name@example.com。',
    phone: '请输入含国家或地区代码的号码，例如 +86 138 0000 0000。',
    accountId: '请按账户上的写法输入：字母和数字，最多 64 个字符。',
    type: '请选择您的请求。',
    residence: '请选择您的居住地。',
    corrections: '请至少填写一项新内容，每项不超过 200 个字符。',
    manage: '请至少勾选一项用途，并选择您的要求。',
    recipient: '请从所列服务商中选择一个，或选择不转移。',
    code: '请输入邮件中的八位数字验证码。',
  },
  statusTitle: '您的请求',
  steps: { received: '已收到', identity: '身份验证', assessment: '审核', fulfilment: '处理中', reply: '答复' },
  currentStep: '（当前步骤）',
  dueBy: '答复期限',
  dueUnknown: '答复期限正在确定中。',
  keepLink: '请保存本页地址：这是查看您请求的唯一途径。',
  awaitingNothing: '目前无需您做任何事。本页会自动刷新。',
  awaitingStaff: '我们的隐私团队正在审核您的请求。本页会自动刷新。',
  awaitingCode: '我们已向您的邮箱发送八位数字验证码。请输入验证码以确认该请求由您本人提出。',
  signInInstead: '您也可以登录您在我们这里的账户来确认：',
  signInDefault: '登录您的账户',
  code: '验证码',
  verify: '确认',
  resend: '重新发送验证码',
  awaitingFee: (fee: string) => `此请求需收取费用 ${fee}。您是否接受？拒绝将关闭此请求。`,
  acceptFee: '接受费用',
  declineFee: '拒绝',
  withdraw: '撤回我的请求',
  closed: {
    COMPLETED: '已完成：我们已处理您的请求，并通过电子邮件向您答复。',
    REFUSED: '已关闭：我们无法处理您的请求。邮件中说明了原因及申诉方式。',
    UNVERIFIABLE: '已关闭：我们无法确认您的身份。',
    WITHDRAWN: '已按您的意愿撤回。',
    DUPLICATE: '已关闭：此请求与一项尚未完成的请求重复。',
  },
  errorTitle: '无法显示此页面',
  pageErrors: {
    TOKEN_REQUIRED: '此页面只能通过您提交请求时获得的链接打开。',
    TOKEN_INVALID: '此链接无法打开任何请求。请按收到时的原样使用链接。',
    TOKEN_EXPIRED: '此链接已过期。如您的请求仍未完成，请与我们联系。',
    NOT_FOUND: '此页面不存在。',
    METHOD_NOT_ALLOWED: '此页面不能以这种方式使用。请通过本网站的链接或表单打开。',
    WRONG_STATE: '此请求目前已无法进行该操作。',
    WRONG_CODE: '验证码不正确。',
    EXPIRED: '验证码已过期，请重新获取。',
    EXHAUSTED: '错误次数过多，请重新获取验证码。',
    NO_CHALLENGE: '此请求没有待验证的验证码。',
    SIGN_IN_MISMATCH: '您登录的账户不是提出此请求的账户，未验证任何内容。请使用您所填电子邮件地址对应的账户登录，或输入我们发送的验证码。',
    SIGN_IN_UNVERIFIED_EMAIL: '您的账户没有已确认的电子邮件地址，无法通过登录验证此请求。请输入我们发送的验证码。',
    SIGN_IN_NO_ACCOUNT_ID: '此请求未填写您的账户ID，无法通过登录验证。请输入我们发送的验证码。',
    SIGN_IN_FAILED: '登录未完成，未验证任何内容。请重试，或输入我们发送的验证码。',
    SIGN_IN_UNAVAILABLE: '目前无法通过登录进行验证，请输入我们发送的验证码。',
    TOO_MANY_CODES: '请稍等一分钟后再重新获取验证码。',
    RATE_LIMITED: '您所在地址的尝试次数过多。请等待几分钟后再试。',
    TOO_MANY_OPEN_REQUESTS: '此电子邮件地址已有多项请求正在等待验证码。请先用我们发送的验证码确认其中一项，或等待其关闭。',
    VERIFICATION_REFUSED_TODAY: '今天为此电子邮件地址输入的错误验证码过多。请明天再试。',
    TOO_LARGE: '表单内容过多，无法接收。',
    BAD_REQUEST: '无法读取表单，请重新填写。',
    INTERNAL: '我们这边出了问题，未做任何更改。请重试。',
  },
  backToForm: '返回表单',
};

/** The words for a page in the given language. */
export const messagesFor = (lang: Language): Messages => (lang === 'en' ? en : zh);
