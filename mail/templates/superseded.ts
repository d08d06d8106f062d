import type { SupersededFacts } from '../../domain/notices';
import type { MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

/** Tells the subject that an unconfirmed request was closed because a confirmed one of the same kind stands. */
export function supersededMail(p: MailContext & SupersededFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '一项未经确认的请求已关闭，您已确认的请求继续处理',
        paragraphs: [
          `此前以您的邮箱地址提出的一项请求（编号 ${p.requestId}）一直未经身份确认。由于您已确认了同类请求（编号 ${p.standingRequestId}），我们以后者为准继续处理，前者已关闭。`,
          `如果编号 ${p.requestId} 的请求并非由您提出，您无需采取任何行动。`,
        ],
      },
      en: {
        subject: 'An unconfirmed request was closed; your confirmed request goes on',
        paragraphs: [
          `A request made with your e-mail address (reference ${p.requestId}) was never confirmed. You have since confirmed a request of the same kind (reference ${p.standingRequestId}), which is the one that stands and goes on; the unconfirmed one is closed.`,
          `If you did not make request ${p.requestId}, there is nothing you need to do.`,
        ],
      },
    },
    p.language,
  );
}
