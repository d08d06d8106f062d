// The reply to a MANAGE request: per purpose, what each store changed (counts only) and what
// follows from it for the subject, then the statement that a withdrawal does not undo what was
// done before it (PIPL art 15 para 2; GDPR art 7(3)), with the regime's citations.
import type { ManageAction } from '../../domain/manage';
import type { ManageDoneFacts, ManagedPurpose } from '../../domain/notices';
import type { Language } from '../../domain/request-kinds';
import { bulletList, type MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';
import { storeAccountParagraph } from './store-account';

const ACTION: Record<ManageAction, Record<Language, { noun: string; done: string }>> = {
  WITHDRAW_CONSENT: { zh: { noun: '撤回同意', done: '已撤回同意' }, en: { noun: 'withdrawal of your consent', done: 'consent withdrawn' } },
  RESTRICT: { zh: { noun: '限制处理', done: '已限制处理' }, en: { noun: 'restriction of processing', done: 'processing restricted' } },
  OBJECT: { zh: { noun: '拒绝处理', done: '已停止处理' }, en: { noun: 'objection to processing', done: 'processing stopped' } },
};

// The map's words where it declares the purpose; its id alone where it no longer does.
const label = (p: ManagedPurpose, l: Language) => (p.label ? `${p.label[l]} (${p.purpose})` : p.purpose);

/** One purpose: what each store did, then the consequence; or that no system processes it for the subject. */
function purposeBlock(p: ManagedPurpose, action: ManageAction, l: Language): string {
  const zh = l === 'zh';
  const lines = p.stores.map((s) => {
    if (s.result === 'NOT_DECLARED') {
      return zh ? `${s.store}：该系统不提供此项操作，未作更改` : `${s.store}: this action is not available in this system; nothing changed there`;
    }
    const already = s.already > 0 ? (zh ? `（另有 ${s.already} 条此前已是该状态）` : ` (${s.already} already so before)`) : '';
    return zh ? `${s.store}：${ACTION[action].zh.done}，更新 ${s.changed} 条记录${already}` : `${s.store}: ${ACTION[action].en.done}, ${s.changed} ${s.changed === 1 ? 'record' : 'records'} updated${already}`;
  });
  const head = label(p, l);
  if (lines.length === 0) {
    return zh ? `${head}：我们的系统未为此目的处理您的个人信息，无需更改。` : `${head}: none of our systems processes your personal information for this purpose, so nothing needed to change.`;
  }
  // A consequence only where some store did set it: never claimed for an action no system offers.
  const consequence = p.stores.some((s) => s.result === 'SET') && p.consequence ? p.consequence[l] : null;
  if (!consequence) return zh ? `${head}：\n${bulletList(lines)}` : `${head}:\n${bulletList(lines)}`;
  return zh ? `${head}：\n${bulletList(lines)}\n后果：${consequence}` : `${head}:\n${bulletList(lines)}\nWhat this means: ${consequence}`;
}

export function manageDoneMail(p: MailContext & ManageDoneFacts): Rendered {
  const blocks = (l: Language) => p.purposes.map((x) => purposeBlock(x, p.action, l));
  const byHand = (l: Language) =>
    p.byHand.length === 0
      ? []
      : [
          l === 'zh'
            ? `以下系统由工作人员处理：${p.byHand.map((b) => `${b.store}（${b.settled === 'MANUAL' ? '人工完成' : '合规团队决定不处理'}）`).join('、')}。`
            : `These systems were settled by our staff: ${p.byHand.map((b) => `${b.store} (${b.settled === 'MANUAL' ? 'done by hand' : 'passed over by our compliance team'})`).join(', ')}.`,
        ];
  return renderBilingual(
    {
      zh: {
        subject: '您关于个人信息处理的请求已处理完毕',
        paragraphs: [
          `您的${ACTION[p.action].zh.noun}请求（编号 ${p.requestId}）已于 ${p.completedOn} 处理完毕（${p.citations.right}）。各处理目的的结果如下：`,
          ...blocks('zh'),
          ...byHand('zh'),
          `撤回同意或停止处理不影响此前基于您的同意已进行的个人信息处理活动的效力（${p.citations.effect}）。我们没有删除您的个人信息；如需删除，您可以另行提出删除请求。`,
          ...storeAccountParagraph(p.searched, 'zh'),
        ],
      },
      en: {
        subject: 'Your request about how we process your personal information has been completed',
        paragraphs: [
          `Your request for ${ACTION[p.action].en.noun} (reference ${p.requestId}) was completed on ${p.completedOn} (${p.citations.right}). What changed, purpose by purpose:`,
          ...blocks('en'),
          ...byHand('en'),
          `Withdrawing consent or stopping processing does not affect processing already carried out on your consent before it (${p.citations.effect}). We have not deleted your personal information; to have it deleted, you may make a deletion request.`,
          ...storeAccountParagraph(p.searched, 'en'),
        ],
      },
    },
    p.language,
  );
}
