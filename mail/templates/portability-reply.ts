// The reply to a portability request: the information the subject provided (the categories the
// data map marks "provided") as a download package of JSON files with manifest.json and
// schema.json, behind a secret link; and, where the subject named a registered recipient,
// whether the recipient acknowledged the package and when. Names and counts only in the mail.
import { bulletList } from './format';
import type { AccessReplyContents, AccessReplyFacts } from './access-reply';
import { renderBilingual, type Rendered } from './layout';
import { storeAccountParagraph } from './store-account';

export interface PortabilityReplyFacts extends AccessReplyFacts {
  /** The provision the data is delivered under, from the regime's policy data. */
  basis: string;
  /** Set when the subject named a registered recipient: what became of the transfer. */
  transfer?: TransferFacts;
}

/** The transfer to the recipient the subject named (activities/portability-transfer.ts). */
export interface TransferFacts {
  recipient: { zh: string; en: string };
  state: 'ACKNOWLEDGED' | 'REFUSED' | 'UNREACHABLE' | 'RECEIPT_INVALID' | 'NOT_SENT';
  /** When the recipient says it received the package (its verified receipt), in UTC. */
  acknowledgedAt?: string;
}

const NOT_DELIVERED_BECAUSE: Record<Exclude<TransferFacts['state'], 'ACKNOWLEDGED'>, { zh: string; en: string }> = {
  REFUSED: { zh: '对方拒绝接收', en: 'the recipient refused it' },
  UNREACHABLE: { zh: '经多次尝试仍无法连接对方', en: 'we could not reach the recipient after several attempts' },
  RECEIPT_INVALID: { zh: '对方的收到确认无法核实，因此我们不视为已送达', en: 'the recipient’s acknowledgement of receipt could not be verified, so we do not count it as delivered' },
  NOT_SENT: { zh: '该接收方目前无法接收转移（其登记配置不完整）', en: 'the recipient cannot take transfers at present (its registration is incomplete)' },
};

/** The paragraph on the transfer: delivered and acknowledged when, or not delivered and why. */
function transferParagraph(t: TransferFacts | undefined, zh: boolean): string[] {
  if (!t) return [];
  const name = zh ? t.recipient.zh : t.recipient.en;
  if (t.state === 'ACKNOWLEDGED') {
    return [
      zh
        ? `按照您的要求，我们已通过签名的加密连接将该数据包发送给您指定的接收方“${name}”；对方已于 ${t.acknowledgedAt ?? '（时间未知）'} 确认收到。`
        : `As you asked, we sent the package over a signed, encrypted connection to the recipient you named, ${name}; the recipient acknowledged receipt at ${t.acknowledgedAt ?? '(time unknown)'}.`,
    ];
  }
  const why = NOT_DELIVERED_BECAUSE[t.state];
  return [
    zh
      ? `您要求将数据包转移给“${name}”，但未能送达：${why.zh}。您仍可通过下方链接下载数据包，自行提供给对方或其他服务商。`
      : `You asked us to send the package to ${name}, but it was not delivered: ${why.en}. You can still download the package with the link below and give it to them, or to any other provider, yourself.`,
  ];
}

const list = (contents: AccessReplyContents[], zh: boolean) =>
  bulletList(contents.filter((c) => c.records > 0).map((c) => (zh ? `${c.store} / ${c.category}：${c.records} 条记录` : `${c.store} / ${c.category}: ${c.records} ${c.records === 1 ? 'record' : 'records'}`)));

export function portabilityReplyMail(p: PortabilityReplyFacts): Rendered {
  const total = p.contents.reduce((n, c) => n + c.records, 0);
  return renderBilingual(
    {
      zh: {
        subject: '您提供的个人信息已可下载（可携带格式）',
        paragraphs: [
          total === 0
            ? `针对您的个人信息转移请求（编号 ${p.requestId}，${p.basis}），我们的系统中没有由您提供的个人信息；下载包仅含说明文件。`
            : `针对您的个人信息转移请求（编号 ${p.requestId}，${p.basis}），我们已将由您提供的个人信息整理为结构化、机器可读的下载包，共 ${total} 条记录：\n${list(p.contents, true)}`,
          '仅包含您提供的信息；系统在您使用服务时自动记录的信息（如日志、会话）不在其中，您可以通过查阅请求获取。',
          ...transferParagraph(p.transfer, true),
          ...storeAccountParagraph(p.searched, 'zh'),
          `下载链接（请勿转发，持有该链接的任何人均可下载）：\n${p.link}`,
          `该链接有效期至 ${p.validUntil}。`,
          '下载包为 ZIP 文件：每一系统和类别一个 JSON 文件；manifest.json 列出全部文件，schema.json 为各文件的 JSON Schema，便于其他服务商导入。',
        ],
      },
      en: {
        subject: 'The personal information you provided is ready to download (portable format)',
        paragraphs: [
          total === 0
            ? `In answer to your portability request (reference ${p.requestId}, ${p.basis}): our systems hold no personal information that you provided; the package holds only its description files.`
            : `In answer to your portability request (reference ${p.requestId}, ${p.basis}), we have put the personal information you provided into a structured, machine-readable package of ${total} ${total === 1 ? 'record' : 'records'}:\n${list(p.contents, false)}`,
          'Only what you provided is included; what our systems recorded as you used the services (logs, sessions) is not, and you can have it with an access request.',
          ...transferParagraph(p.transfer, false),
          ...storeAccountParagraph(p.searched, 'en'),
          `Your download link (do not forward it: anyone who has it can download the package):\n${p.link}`,
          `The link works until ${p.validUntil}.`,
          'The package is a ZIP file: one JSON file per system and category; manifest.json lists every file and schema.json is the JSON Schema of each, for another provider to import.',
        ],
      },
    },
    p.language,
  );
}
