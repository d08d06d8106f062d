// Every notice template, rendered in both languages: facts shown, the subject's language
// first, a bilingual subject line, and HTML that cannot carry markup from the facts.
import type { SubjectNotice } from '../../domain/notices';
import type { Language } from '../../domain/request-kinds';
import { formatMoney } from '../../mail/templates/format';
import { renderStaffNotice, renderSubjectNotice } from '../../mail/templates/notices';
import { refusalMail } from '../../mail/templates/refusal';
import { languageParts, missingFacts, staffSamples, subjectSamples } from '../support/mail-stack';

const REQUEST_ID = '5d1c7a52-3f0e-4b8e-9a41-6f2d8c0b7e19';
const CJK = /[\u4e00-\u9fff]/;
const LANGUAGES: Language[] = ['zh', 'en'];

const cases = subjectSamples(REQUEST_ID).flatMap((s) => LANGUAGES.map((language) => [s.notice.kind, language, s] as const));

describe('subject notice templates', () => {
  test.each(cases)('when %s is rendered for a %s reader, then every fact shows in both languages, theirs first', (_kind, language, sample) => {
    const mail = renderSubjectNotice(sample.notice, language);
    expect(missingFacts(mail.text, language, { ...sample.shows, both: [...sample.shows.both, REQUEST_ID] })).toEqual([]);

    const parts = languageParts(mail.text, language);
    expect(parts.zh).toMatch(CJK);
    expect(parts.en).not.toMatch(CJK);
    expect(mail.text.startsWith(language === 'zh' ? parts.zh : parts.en)).toBe(true);

    const [firstSubject, secondSubject, ...rest] = mail.subject.split(' / ');
    expect(rest).toEqual([]);
    expect(language === 'zh' ? firstSubject : secondSubject).toMatch(CJK);
    expect(language === 'zh' ? secondSubject : firstSubject).not.toMatch(CJK);

    expect(mail.html.indexOf(`lang="${language}"`)).toBeLessThan(mail.html.indexOf(`lang="${language === 'zh' ? 'en' : 'zh'}"`));
    expect(mail.html).toContain(REQUEST_ID);
  });

  test('when a fact carries markup, then the HTML part shows it as text and never as a tag', () => {
    const hostile = '<script>alert(1)</script>';
    const mail = refusalMail({
      requestId: REQUEST_ID,
      language: 'en',
      scope: 'PARTIAL',
      grounds: [{ code: 'X', text: { en: hostile, zh: hostile }, citation: '"><img src=x>' }],
      refused: [{ store: hostile, categories: [hostile] }],
      remedies: { en: hostile },
    });
    expect(mail.html).not.toMatch(/<script|<img/i);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&quot;&gt;&lt;img src=x&gt;');
  });

  test('when a list is rendered, then the HTML keeps one item a line', () => {
    const deletion = subjectSamples(REQUEST_ID).find((s) => s.notice.kind === 'deletion-done')!;
    expect(renderSubjectNotice(deletion.notice, 'en').html).toMatch(/- customer-accounts: 3 records erased<br>- network-logs/);
  });

  test('when policy text has no Chinese version (a plain string or English only), then the Chinese part quotes the English text', () => {
    const mail = refusalMail({
      requestId: REQUEST_ID,
      language: 'zh',
      scope: 'FULL',
      grounds: [{ code: 'ART_15_4', text: 'Disclosure would adversely affect the rights of others.', citation: 'GDPR art 15(4)' }],
      refused: [],
      remedies: { en: 'You may lodge a complaint with a supervisory authority (GDPR art 77) or seek a judicial remedy (art 79).' },
    });
    const parts = languageParts(mail.text, 'zh');
    expect(parts.zh).toContain('Disclosure would adversely affect the rights of others（GDPR art 15(4)）。');
    expect(parts.zh).toContain('GDPR art 77');
    expect(parts.en).toContain('Disclosure would adversely affect the rights of others (GDPR art 15(4)).');
  });

  test('when the clock has not started, then the acknowledgement says it runs from verification instead of giving a date', () => {
    const notice: SubjectNotice = {
      requestId: REQUEST_ID,
      kind: 'acknowledgement',
      seq: 1,
      facts: { requestType: 'ACCESS', regime: { name: { en: 'China PIPL' }, citation: 'PIPL arts 44-50' }, dueDate: null, nextStep: 'verify-identity' },
    };
    const parts = languageParts(renderSubjectNotice(notice, 'en').text, 'en');
    expect(parts.en).toContain('starts once your identity is verified');
    expect(parts.en).toContain('verify your identity');
    expect(parts.zh).toContain('自您的身份验证通过之日起计算');
  });

  test('when nothing was kept back, then the deletion certificate says so and still names the request record', () => {
    const text = renderSubjectNotice(
      { requestId: REQUEST_ID, kind: 'deletion-done', seq: 1, facts: { completedOn: '2026-12-20', stores: [{ store: 'customer-accounts', erased: 1, retained: [] }] } },
      'en',
    ).text;
    expect(text).toContain('we kept no personal information about you in these systems');
    expect(text).not.toContain('What we kept');
  });

  test('when money is shown, then it has its currency code and that currency\'s decimals', () => {
    expect(formatMoney({ amount: 30, currency: 'CNY' })).toBe('CNY 30.00');
    expect(formatMoney({ amount: 10.5, currency: 'EUR' })).toBe('EUR 10.50');
    expect(formatMoney({ amount: 1500, currency: 'JPY' })).toBe('JPY 1500');
  });
});

describe('staff notice templates', () => {
  test.each(staffSamples(REQUEST_ID).map((s) => [s.notice.kind, s] as const))(
    'when a %s is rendered, then it reads English first and shows the request facts and console path',
    (_kind, sample) => {
      const mail = renderStaffNotice(sample.notice);
      expect(missingFacts(mail.text, 'en', sample.shows)).toEqual([]);
      expect(mail.subject.split(' / ')[0]).not.toMatch(CJK);
      expect(mail.subject).toContain(REQUEST_ID);
      expect(mail.text).not.toMatch(/@/);
    },
  );

  test('when the due date is not set yet, then the reminder says so rather than inventing one', () => {
    const mail = renderStaffNotice({
      requestId: REQUEST_ID,
      kind: 'reminder',
      seq: 1,
      facts: { requestType: 'ACCESS', regime: 'CN_PIPL', status: 'AWAITING_VERIFICATION', dueDate: null, daysLeft: null },
    });
    expect(mail.text).toContain('Due: not set yet');
    expect(mail.text).toContain('到期日：尚未确定');
  });
});
