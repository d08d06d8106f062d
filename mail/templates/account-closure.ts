// The subject's mails of an account closure run with a cooling-off period (policy/regimes:
// `accountClosure`): the period announced, the closure cancelled by a sign-in, the closure
// refused while something is owed. None of them asks for a face scan or a photo with an ID
// card: the identity was already verified, and the rules forbid asking again for closure.
import type { Language } from '../../domain/request-kinds';
import { renderBilingual, type Rendered } from './layout';

/** The cooling-off period begins: the account is closed on `endsOn` unless the subject signs in before. */
export function closureCoolingOffMail(p: { requestId: string; days: number; endsOn: string; dueDate: string; language: Language }): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的账户注销申请已进入冷静期',
        paragraphs: [
          `我们已收到并验证您的账户注销申请（编号 ${p.requestId}）。注销冷静期为 ${p.days} 天，至 ${p.endsOn} 结束。`,
          '冷静期内如您再次登录账户，注销申请即自动撤销，您的账户和信息将保持不变。',
          `冷静期结束后，我们将在各系统中删除或匿名化您的个人信息，并于 ${p.dueDate} 前完成注销并向您发送删除证明。我们不会要求您为注销再次进行人脸识别或上传手持身份证照片。`,
        ],
      },
      en: {
        subject: 'Your account closure is in its cooling-off period',
        paragraphs: [
          `We have received and verified your request to close your account (reference ${p.requestId}). The cooling-off period is ${p.days} days and ends on ${p.endsOn}.`,
          'If you sign in to your account during this period, the closure is cancelled and your account and data stay as they are.',
          `After the period, we erase or anonymise your personal information in every system, complete the closure by ${p.dueDate} and send you a certificate of deletion. We will not ask you for a new face scan or a photo of yourself holding your ID card to close the account.`,
        ],
      },
    },
    p.language,
  );
}

/** A sign-in during the cooling-off period cancelled the closure; nothing was erased. */
export function closureCancelledMail(p: { requestId: string; cancelledOn: string; language: Language }): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的账户注销申请已因您登录而撤销',
        paragraphs: [
          `您在冷静期内于 ${p.cancelledOn} 登录了账户，因此您的账户注销申请（编号 ${p.requestId}）已撤销。我们未删除任何信息，您的账户继续有效。`,
          '如登录并非您本人所为，请立即修改密码并与我们联系。您可以随时重新申请注销。',
        ],
      },
      en: {
        subject: 'Your account closure was cancelled because you signed in',
        paragraphs: [
          `You signed in to your account on ${p.cancelledOn}, during the cooling-off period, so your request to close it (reference ${p.requestId}) is cancelled. Nothing was erased and your account remains open.`,
          'If you did not sign in, change your password at once and contact us. You may ask to close your account again at any time.',
        ],
      },
    },
    p.language,
  );
}

/** The closure cannot go ahead now: each reason as the policy states it, with its basis. */
export function closureRefusedMail(p: { requestId: string; reasons: Array<{ zh: string; en: string; citation: string }>; language: Language }): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的账户暂不能注销',
        paragraphs: [
          `您的账户注销申请（编号 ${p.requestId}）暂不能办理，原因如下；我们未删除任何信息。`,
          ...p.reasons.map((r) => `· ${r.zh}（依据：${r.citation}）`),
        ],
      },
      en: {
        subject: 'Your account cannot be closed yet',
        paragraphs: [
          `Your request to close your account (reference ${p.requestId}) cannot be carried out now, for the reasons below; nothing was erased.`,
          ...p.reasons.map((r) => `· ${r.en} (basis: ${r.citation})`),
        ],
      },
    },
    p.language,
  );
}
