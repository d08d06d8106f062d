import type { DuplicateFacts } from '../../domain/notices';
import type { MailContext } from './format';
import { renderBilingual, type Rendered } from './layout';

/** Tells the subject that a new request repeats an open one, which will carry the answer. */
export function duplicateMail(p: MailContext & DuplicateFacts): Rendered {
  return renderBilingual(
    {
      zh: {
        subject: '您的请求与一项处理中的请求重复',
        paragraphs: [
          `您的请求（编号 ${p.requestId}）与您此前提出且仍在处理中的请求（编号 ${p.originalRequestId}）内容相同。我们将在原请求中一并答复您，本请求不再单独处理。`,
          '这不影响您的任何权利，原请求的答复期限不变。',
        ],
      },
      en: {
        subject: 'Your request repeats one that is still open',
        paragraphs: [
          `Your request (reference ${p.requestId}) is the same as your earlier request (reference ${p.originalRequestId}), which is still open. We will answer you there, and will not handle this one separately.`,
          'This does not affect your rights, and the earlier request keeps its due date.',
        ],
      },
    },
    p.language,
  );
}
