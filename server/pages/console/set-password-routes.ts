// GET and POST /console/set-password?token=…: where a one-time link from `npm run staff`
// lands. The form posts the token back in a hidden field; a spent or expired link shows 410.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../app-error';
import type { ServerDeps } from '../../deps';
import { html } from '../../../markup/html';
import { MIN_PASSWORD_LENGTH } from '../../use-cases/staff-accounts';
import { passwordLinkIsLive, setPasswordWithLink, SET_PASSWORD_PATH } from '../../use-cases/staff-password-links';
import { fieldsOf, sendHtml } from './console-http';
import { consolePage } from './console-layout';
import { errorPage } from './error-page';
import { inputField } from './form-fields';
import { consoleLanguageOf, refusalText } from './console-language';
import { consoleText, type ConsoleLanguage } from './console-text';
import { consoleDocs } from './console-form-doc';

const MAX_TOKEN_CHARS = 100;
function setPasswordPage(lang: ConsoleLanguage, token: string, error?: string): string {
  const w = consoleText(lang).messages.signIn;
  const body = html`<h1>${w.setPasswordTitle}</h1>
<p>${w.setPasswordIntro(MIN_PASSWORD_LENGTH)}</p>
${error ? html`<p class="error" role="alert" id="set-password-error">${error}</p>` : ''}
<form method="post" action="${SET_PASSWORD_PATH}" novalidate>
<input type="hidden" name="token" value="${token}">
${inputField({ name: 'password', label: w.newPassword, type: 'password', autocomplete: 'new-password', maxLength: 200, required: true })}
${inputField({ name: 'confirm', label: w.sameAgain, type: 'password', autocomplete: 'new-password', maxLength: 200, required: true })}
<p><button type="submit">${w.setPassword}</button></p>
</form>`;
  return consolePage({ title: w.setPasswordTitle, body, lang });
}

/** The page for a spent or expired link. */
const unusable = (lang: ConsoleLanguage) => errorPage(lang, 410, consoleText(lang).messages.errors.codes.LINK_UNUSABLE!);

/** The set-password page and its form. */
export const setPasswordRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(SET_PASSWORD_PATH, { schema: { hide: true }, config: consoleDocs.setPasswordPage }, async (req, reply) => {
      const token = String((req.query as { token?: unknown }).token ?? '').slice(0, MAX_TOKEN_CHARS);
      const lang = consoleLanguageOf(req);
      if (!token || !(await passwordLinkIsLive(deps.db, token, deps.clock()))) return sendHtml(reply, 410, unusable(lang));
      return sendHtml(reply, 200, setPasswordPage(lang, token));
    });

    app.post(SET_PASSWORD_PATH, { schema: { hide: true }, config: consoleDocs.setPassword }, async (req, reply) => {
      const fields = fieldsOf(req.body);
      const lang = consoleLanguageOf(req);
      const w = consoleText(lang).messages.signIn;
      const token = (fields.token ?? '').slice(0, MAX_TOKEN_CHARS);
      const password = fields.password ?? '';
      if (password.length > 200) return sendHtml(reply, 422, setPasswordPage(lang, token, w.passwordTooLong));
      if (password !== fields.confirm) return sendHtml(reply, 422, setPasswordPage(lang, token, w.passwordsDiffer));
      try {
        await setPasswordWithLink(deps.db, token, password, deps.clock());
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        if (err.status === 410) return sendHtml(reply, 410, unusable(lang));
        return sendHtml(reply, err.status, setPasswordPage(lang, token, err.code === 'INVALID_INPUT' ? w.passwordTooShort(MIN_PASSWORD_LENGTH) : refusalText(lang, err)));
      }
      return reply.redirect('/console/login?done=password-set', 303);
    });
  };
