// GET /console/login: the sign-in form; a refusal (wrong password, throttled account) is shown above it.
// No one is signed in yet: the page speaks the browser's remembered console language (console-language.ts).
import { html } from '../../../markup/html';
import { consolePage } from './console-layout';
import { CSRF_FIELD } from './console-session';
import { consoleText, type ConsoleLanguage } from './console-text';
import { inputField } from './form-fields';

/** The sign-in page, with the username kept and the refusal shown when there was one;
 *  `csrf` is the pre-session token also set as a cookie (login-csrf.ts). */
export function loginPage(opts: { lang: ConsoleLanguage; csrf: string; username?: string; error?: string; flash?: string }): string {
  const w = consoleText(opts.lang).messages.signIn;
  const body = html`<h1>${w.title}</h1>
${opts.error ? html`<p class="error" role="alert" id="login-error">${opts.error}</p>` : ''}
<form method="post" action="/console/login" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${opts.csrf}">
${inputField({ name: 'username', label: w.username, value: opts.username, autocomplete: 'username', maxLength: 64, required: true })}
${inputField({ name: 'password', label: w.password, type: 'password', autocomplete: 'current-password', maxLength: 200, required: true })}
<p><button type="submit">${w.button}</button></p>
</form>`;
  return consolePage({ title: w.title, body, flash: opts.flash, lang: opts.lang });
}

/** The second step for compliance and admin staff: the code from their authenticator app. At the
 *  first sign-in it shows the secret to set the app up with (as text and as an otpauth URI, which
 *  most apps accept pasted; a QR code is left to the person's own tools). */
export function totpPage(opts: { lang: ConsoleLanguage; csrf: string; setup?: { secret: string; otpauthUri: string }; error?: string }): string {
  const w = consoleText(opts.lang).messages.signIn;
  const body = html`<h1>${w.codeTitle}</h1>
${opts.error ? html`<p class="error" role="alert" id="login-error">${opts.error} <a href="/console/login">${w.startAgain}</a>.</p>` : ''}
${
  opts.setup
    ? html`<section id="totp-setup"><h2>${w.setupHeading}</h2>
<p>${w.setupIntro}</p>
<p>${w.secret}: <code id="totp-secret">${opts.setup.secret}</code></p>
<p>${w.pasteLink} <code id="totp-uri">${opts.setup.otpauthUri}</code></p></section>`
    : html`<p>${w.enterCode}</p>`
}
<form method="post" action="/console/login/totp" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${opts.csrf}">
${inputField({ name: 'code', label: w.code, autocomplete: 'one-time-code', maxLength: 12, required: true })}
<p><button type="submit">${w.continue}</button></p>
</form>`;
  return consolePage({ title: w.codeTitle, body, lang: opts.lang });
}
