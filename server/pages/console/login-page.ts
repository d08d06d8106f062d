// GET /console/login: the sign-in form; a refusal (wrong password, throttled account) is shown above it.
import { html } from '../../../markup/html';
import { consolePage } from './console-layout';
import { CSRF_FIELD } from './console-session';
import { inputField } from './form-fields';

/** The sign-in page, with the username kept and the refusal shown when there was one;
 *  `csrf` is the pre-session token also set as a cookie (login-csrf.ts). */
export function loginPage(opts: { csrf: string; username?: string; error?: string; flash?: string }): string {
  const body = html`<h1>Sign in</h1>
${opts.error ? html`<p class="error" role="alert" id="login-error">${opts.error}</p>` : ''}
<form method="post" action="/console/login" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${opts.csrf}">
${inputField({ name: 'username', label: 'Username', value: opts.username, autocomplete: 'username', maxLength: 64, required: true })}
${inputField({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', maxLength: 200, required: true })}
<p><button type="submit">Sign in</button></p>
</form>`;
  return consolePage({ title: 'Sign in', body, flash: opts.flash });
}

/** The second step for compliance and admin staff: the code from their authenticator app. At the
 *  first sign-in it shows the secret to set the app up with (as text and as an otpauth URI, which
 *  most apps accept pasted; a QR code is left to the person's own tools). */
export function totpPage(opts: { csrf: string; setup?: { secret: string; otpauthUri: string }; error?: string }): string {
  const body = html`<h1>Sign-in code</h1>
${opts.error ? html`<p class="error" role="alert" id="login-error">${opts.error} <a href="/console/login">Start again</a>.</p>` : ''}
${
  opts.setup
    ? html`<section id="totp-setup"><h2>Set up your authenticator app</h2>
<p>Your role needs a second factor. Add this account to an authenticator app, then enter the code it shows. This secret is shown only now.</p>
<p>Secret: <code id="totp-secret">${opts.setup.secret}</code></p>
<p>Or paste this link into the app: <code id="totp-uri">${opts.setup.otpauthUri}</code></p></section>`
    : html`<p>Enter the six-digit code your authenticator app shows.</p>`
}
<form method="post" action="/console/login/totp" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${opts.csrf}">
${inputField({ name: 'code', label: 'Code', autocomplete: 'one-time-code', maxLength: 12, required: true })}
<p><button type="submit">Continue</button></p>
</form>`;
  return consolePage({ title: 'Sign-in code', body });
}
