import type { DeletionDoneFacts, RetainedPart } from '../../domain/notices';
import type { Language } from '../../domain/request-kinds';
import { bulletList, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';
import { storeAccountLine } from './store-account';

const REASONS: Record<RetainedPart['reason'], Record<Language, string>> = {
  LEGAL_HOLD: { zh: '法律法规或政府命令要求保存', en: 'law or a government order requires us to keep it' },
  EXEMPTION: { zh: '适用法定的删除例外', en: 'a legal exception to erasure applies' },
};

type Store = DeletionDoneFacts['stores'][number];

const records = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;

// Anonymised records stay (e.g. a campaign's click totals) with nothing left that identifies the subject.
const anonymisedPart = (s: Store, l: Language) =>
  s.anonymised ? (l === 'zh' ? `（其中 ${s.anonymised} 条已匿名化：保留记录，但已去除可识别您身份的信息）` : ` (${s.anonymised} of them anonymised: kept without anything that identifies you)`) : '';

// A store with nothing erased says why: nothing was found there, or it was not searched.
const erasedLine = (s: Store, l: Language) =>
  s.account && s.erased === 0 && s.account.result !== 'SEARCHED'
    ? storeAccountLine(s.account, l)
    : (l === 'zh' ? `${s.store}：已删除 ${s.erased} 条记录` : `${s.store}: ${records(s.erased)} erased`) + anonymisedPart(s, l);

const purgedLine = (n: number, l: Language) =>
  l === 'zh'
    ? `您此前查询请求所生成的 ${n} 个个人信息下载包也已一并删除，其下载链接已失效。`
    : `The ${n === 1 ? 'download package' : `${n} download packages`} of your earlier access ${n === 1 ? 'request was' : 'requests were'} deleted too; ${n === 1 ? 'its link no longer works' : 'their links no longer work'}.`;

const certificateLine = (c: NonNullable<DeletionDoneFacts['certificate']>, l: Language) =>
  l === 'zh'
    ? `删除证明编号：${c.id}；SHA-256 摘要：${c.digest}。我们保存该证明，您可凭编号查询，并以摘要核对其内容。`
    : `Certificate ${c.id}, SHA-256 digest ${c.digest}. We keep this certificate on record: quote its number to ask about it, and the digest shows that its content is unchanged.`;

const retainedLine = (store: string, r: RetainedPart, l: Language) =>
  l === 'zh'
    ? `${store} / ${r.category}：保留 ${r.records} 条记录；原因：${REASONS[r.reason].zh}；依据：${r.basis}`
    : `${store} / ${r.category}: ${records(r.records)} kept, because ${REASONS[r.reason].en} (${r.basis})`;

/** A deletion certificate in text: what was erased per store, what was kept and on what basis. */
export function deletionDoneMail(p: MailContext & DeletionDoneFacts): Rendered {
  const retained = p.stores.flatMap((s) => s.retained.map((r) => ({ store: s.store, r })));
  const erasedList = (l: Language) => bulletList(p.stores.map((s) => erasedLine(s, l)));
  const retainedList = (l: Language) => bulletList(retained.map(({ store, r }) => retainedLine(store, r, l)));
  return renderBilingual(
    {
      zh: {
        subject: '您的个人信息删除已完成',
        paragraphs: [
          `删除证明：您的请求（编号 ${p.requestId}）所涉个人信息的删除已于 ${p.completedOn} 完成。`,
          ...(p.openedOnOwnMotion ? [p.openedOnOwnMotion.zh] : []),
          p.stores.length ? `各系统删除情况：\n${erasedList('zh')}` : '我们的系统中未找到需要删除的您的个人信息。',
          ...(retained.length
            ? [
                `依法保留的信息：\n${retainedList('zh')}`,
                '保留的信息仅用于法定的保存目的，除存储和采取必要的安全保护措施外不作其他处理；保存义务终止后，我们将予以删除。',
              ]
            : ['除下述处理记录外，我们未保留上述系统中与您相关的个人信息。']),
          ...(p.accessPackagesPurged ? [purgedLine(p.accessPackagesPurged, 'zh')] : []),
          ...(p.certificate ? [certificateLine(p.certificate, 'zh')] : []),
          '我们保留本请求的处理记录（编号、日期及所采取的措施），以证明我们已依法处理您的请求。',
        ],
      },
      en: {
        subject: 'Your personal information has been deleted',
        paragraphs: [
          `Deletion certificate for your request (reference ${p.requestId}), completed on ${p.completedOn}.`,
          ...(p.openedOnOwnMotion ? [p.openedOnOwnMotion.en] : []),
          p.stores.length ? `What we erased, system by system:\n${erasedList('en')}` : 'We found no personal information about you to erase.',
          ...(retained.length
            ? [
                `What we kept, and why:\n${retainedList('en')}`,
                'Kept information is used only for the purpose it must be kept for: apart from storing and securing it, we do not process it. We will delete it when the duty to keep it ends.',
              ]
            : ['Apart from the record below, we kept no personal information about you in these systems.']),
          ...(p.accessPackagesPurged ? [purgedLine(p.accessPackagesPurged, 'en')] : []),
          ...(p.certificate ? [certificateLine(p.certificate, 'en')] : []),
          'We keep a record of this request (its reference, dates and the actions taken) to show that we handled it as the law requires.',
        ],
      },
    },
    p.language,
  );
}
