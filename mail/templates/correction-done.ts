import type { CorrectionDoneFacts } from '../../domain/notices';
import { bulletList, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';
import { storeAccountParagraph } from './store-account';

/** Confirms a correction by naming the corrected fields per store; values stay out of mail. */
export function correctionDoneMail(p: MailContext & CorrectionDoneFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的个人信息已更正',
        paragraphs: [
          `您的更正请求（编号 ${p.requestId}）已于 ${p.completedOn} 处理完毕。以下字段已按您的要求更正：\n` +
            bulletList(p.stores.map((s) => `${s.store}：${s.fields.join('、')}`)),
          ...storeAccountParagraph(p.searched, 'zh'),
          '为保护您的个人信息，本邮件不包含更正后的内容。如您发现仍有不准确之处，请告知我们。',
        ],
      },
      en: {
        subject: 'Your personal information has been corrected',
        paragraphs: [
          `Your correction request (reference ${p.requestId}) was completed on ${p.completedOn}. We corrected these fields as you asked:\n` +
            bulletList(p.stores.map((s) => `${s.store}: ${s.fields.join(', ')}`)),
          ...storeAccountParagraph(p.searched, 'en'),
          'To protect your personal information, this message does not repeat the new values. If anything is still inaccurate, please tell us.',
        ],
      },
    },
    p.language,
  );
}
