// The reply to an access request: the subject's copy is ready as a download package. The
// mail names what the package holds (systems, categories, counts) but never a value: the
// data itself travels only inside the encrypted package, behind the secret link.
import type { Language } from '../../domain/request-kinds';
import { bulletList } from './format';
import type { StoreAccount } from '../../domain/store-account';
import { renderBilingual, type Rendered } from './layout';
import { storeAccountParagraph } from './store-account';

export interface AccessReplyContents {
  store: string;
  category: string;
  records: number;
}

export interface AccessReplyFacts {
  requestId: string;
  language: Language;
  /** The secret download link, whole. */
  link: string;
  /** When the link stops working, as the subject should read it, e.g. "2026-12-29 11:30 UTC". */
  validUntil: string;
  contents: AccessReplyContents[];
  /** Every mapped store: searched with counts, nothing found, or not searched with the reason. */
  searched?: StoreAccount[];
}

const records = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;

const contentsList = (contents: AccessReplyContents[], l: Language) =>
  bulletList(contents.map((c) => (l === 'zh' ? `${c.store} / ${c.category}：${c.records} 条记录` : `${c.store} / ${c.category}: ${records(c.records)}`)));

/** The access reply: the package's contents, the download link and its expiry. */
export function accessReplyMail(p: AccessReplyFacts): Rendered {
  const total = p.contents.reduce((n, c) => n + c.records, 0);
  return renderBilingual(
    {
      zh: {
        subject: '您的个人信息副本已可下载',
        paragraphs: [
          `针对您的查询请求（编号 ${p.requestId}），我们已将所持有的您的个人信息整理为一个下载包，共 ${total} 条记录：\n${contentsList(p.contents, 'zh')}`,
          ...storeAccountParagraph(p.searched, 'zh'),
          `下载链接（请勿转发，持有该链接的任何人均可下载）：\n${p.link}`,
          `该链接有效期至 ${p.validUntil}，之后下载包将被删除。`,
          '下载包为 ZIP 文件：index.html 为可直接阅读的摘要；每一类别另附 JSON（机器可读，便于转移至其他服务）和 CSV（可用表格软件打开）文件。',
        ],
      },
      en: {
        subject: 'The personal information we hold about you is ready to download',
        paragraphs: [
          `In answer to your access request (reference ${p.requestId}), we have put the personal information we hold about you into a download package of ${records(total)}:\n${contentsList(p.contents, 'en')}`,
          ...storeAccountParagraph(p.searched, 'en'),
          `Your download link (do not forward it: anyone who has it can download the package):\n${p.link}`,
          `The link works until ${p.validUntil}; after that the package is deleted.`,
          'The package is a ZIP file: index.html is a summary you can read in a browser, and each category also comes as JSON (machine-readable, to take to another service) and CSV (for spreadsheets).',
        ],
      },
    },
    p.language,
  );
}
