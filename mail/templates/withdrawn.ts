import type { WithdrawnFacts } from '../../domain/notices';
import type { MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

/** Confirms that the subject's request was withdrawn and nothing more will be done. */
export function withdrawnMail(p: MailContext & WithdrawnFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的请求已撤回',
        paragraphs: [
          `根据您的要求，您的请求（编号 ${p.requestId}）已于 ${p.withdrawnOn} 撤回，我们不再对其进行处理。`,
          '如撤回并非您本人的操作，请尽快与我们联系。您可以随时重新提交请求。',
        ],
      },
      en: {
        subject: 'Your request has been withdrawn',
        paragraphs: [
          `As you asked, your request (reference ${p.requestId}) was withdrawn on ${p.withdrawnOn}; we will do nothing more with it.`,
          'If you did not withdraw it, please contact us at once. You may submit a new request at any time.',
        ],
      },
    },
    p.language,
  );
}
