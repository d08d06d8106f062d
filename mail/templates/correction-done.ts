import type { UnchangedReason } from '../../domain/fulfilment';
import type { CorrectionDoneFacts, CorrectionStoreResult } from '../../domain/notices';
import type { Language } from '../../domain/request-kinds';
import { bulletList, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';
import { storeAccountParagraph } from './store-account';

const FIELD_NAMES: Record<string, Record<Language, string>> = {
  fullName: { zh: '姓名', en: 'full name' },
  phone: { zh: '电话号码', en: 'phone number' },
  companyName: { zh: '公司名称', en: 'company name' },
  preferredLanguage: { zh: '首选语言', en: 'preferred language' },
  billingName: { zh: '开票名称', en: 'billing name' },
  billingAddress: { zh: '账单地址', en: 'billing address' },
};

const REASONS: Record<UnchangedReason, Record<Language, string>> = {
  NONE_HELD: { zh: '我们在此系统中未持有您的此类信息', en: 'we hold nothing of that kind about you here' },
  ALREADY_AS_ASKED: { zh: '所持有的信息已与您要求的一致', en: 'what we hold already reads as you asked' },
  ISSUED_INVOICES_ONLY: { zh: '该信息仅见于已开具的发票，已开具的发票通过红字发票更正，不直接修改', en: 'it is only on issued invoices, which are corrected by a credit note, never edited' },
  NOT_IN_STORE: { zh: '此系统不保存此类字段', en: 'this system holds no such field' },
  NO_CHANGE_REPORTED: { zh: '该系统报告未作更改，且未说明原因', en: 'the system reported no change and gave no reason' },
  // Not a "not changed" reason: storeLine words it on its own.
  NOT_ITEMISED: { zh: '该系统确认已作更正，但未说明更改了哪些字段', en: 'the system confirmed the correction but did not say which fields it changed' },
};

/** "full name (fullName)": readable, and the key as the audit trail names it. */
export const fieldLabel = (field: string, l: Language) => {
  const name = FIELD_NAMES[field]?.[l];
  return name ? `${name} (${field})` : field;
};

/** One store's line: what changed, then each field left alone with its reason. */
function storeLine(s: CorrectionStoreResult, l: Language): string {
  const zh = l === 'zh';
  if (s.settled === 'MANUAL') return zh ? `${s.store}：由我们的工作人员人工处理` : `${s.store}: handled by hand by our staff`;
  if (s.settled === 'SKIPPED') return zh ? `${s.store}：未更正（我们的合规团队决定不处理此系统）` : `${s.store}: not corrected (our compliance team decided to pass over this system)`;
  const vague = s.unchanged.filter((u) => u.reason === 'NOT_ITEMISED').map((u) => fieldLabel(u.field, l));
  if (vague.length > 0 && s.changed.length === 0) {
    // A processor that changed records without naming fields: say only that, with what was asked.
    return zh ? `${s.store}：${REASONS.NOT_ITEMISED.zh}（所请求的字段：${vague.join('、')}）` : `${s.store}: ${REASONS.NOT_ITEMISED.en} (fields asked for: ${vague.join(', ')})`;
  }
  const changed = s.changed.map((f) => fieldLabel(f, l));
  const left = s.unchanged.filter((u) => u.reason !== 'NOT_ITEMISED').map((u) => (zh ? `${fieldLabel(u.field, l)}未更改：${REASONS[u.reason].zh}` : `${fieldLabel(u.field, l)} not changed: ${REASONS[u.reason].en}`));
  const head = changed.length > 0 ? (zh ? `已更正 ${changed.join('、')}` : `corrected ${changed.join(', ')}`) : zh ? '未作任何更改' : 'nothing changed';
  return zh ? `${s.store}：${[head, ...left].join('；')}` : `${s.store}: ${[head, ...left].join('; ')}`;
}

/** Confirms a correction store by store: the fields each store changed, and why any field
 *  asked for was left as it was there; values stay out of mail. */
export function correctionDoneMail(p: MailContext & CorrectionDoneFacts): Rendered {
  const list = (l: Language) => bulletList(p.stores.map((s) => storeLine(s, l)));
  const none = p.stores.length === 0;
  return renderBilingual(
    {
      zh: {
        subject: '您的更正请求已处理完毕',
        paragraphs: [
          none
            ? `您的更正请求（编号 ${p.requestId}）已于 ${p.completedOn} 处理完毕：我们的任何系统均未持有您的个人信息，因此无需更正。`
            : `您的更正请求（编号 ${p.requestId}）已于 ${p.completedOn} 处理完毕。各系统的处理结果如下：\n${list('zh')}`,
          ...storeAccountParagraph(p.searched, 'zh'),
          '为保护您的个人信息，本邮件不包含更正后的内容。如您发现仍有不准确之处，请告知我们。',
        ],
      },
      en: {
        subject: 'Your correction request has been completed',
        paragraphs: [
          none
            ? `Your correction request (reference ${p.requestId}) was completed on ${p.completedOn}: none of our systems holds personal information about you, so there was nothing to correct.`
            : `Your correction request (reference ${p.requestId}) was completed on ${p.completedOn}. What each of our systems did:\n${list('en')}`,
          ...storeAccountParagraph(p.searched, 'en'),
          'To protect your personal information, this message does not repeat the new values. If anything is still inaccurate, please tell us.',
        ],
      },
    },
    p.language,
  );
}
